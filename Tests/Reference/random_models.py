#!/usr/bin/env python3
"""Random valid version 2 model files, for cross-checking `tco solve --json` against reference.py.

Usage:
  python3 Tests/Reference/random_models.py SEED [SEED ...] --out DIR     # writes DIR/random-SEED.yaml
  python3 Tests/Reference/random_models.py --check N [--tco PATH]         # N models: reference vs tco

Every model exercises the version 2 features at random: schedules of levels and of rates (entries
before `start`, after the horizon, %/year and %/month mixed, zero volumes), cache writes, batch
and batch discounts, long-context prices, hourly and peak rented scaling with commitments (some
starting before `start`), staff pay rises and payers (in_house, all, lists), one-time costs
(expensed and capitalized, some outliving the horizon), tax, terminal value, hardware loans
(with and without interest, terms ending inside and after the horizon), and scenarios that
override v2 keys (a schedule, a list, a word, a one-time cost's and a loan's key). The models
are valid by construction: sensitive workloads stay in-house or on private APIs, every strategy
that uses a self-hosted option has a private fallback, and volumes stay far from the bounds.

`--check` writes the models to a temporary folder, runs both implementations on each and
compares every value to 1e-9 relative (|a − b| <= 1e-9 × max(|b|, 1)), printing the differences.
"""
import argparse, json, os, random, subprocess, sys, tempfile

MONTHS = ['%02d' % m for m in range(1, 13)]


def ym(year, month):
    """(year, month) with month possibly outside 1..12 -> 'YYYY-MM'."""
    index = year * 12 + month - 1
    return '%04d-%02d' % (index // 12, index % 12 + 1)


def num(x, digits=4):
    """A number as a model file writes it (no exponent)."""
    text = ('%.*f' % (digits, x)).rstrip('0').rstrip('.')
    return text if text not in ('', '-0') else '0'


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return self.r.choice(xs)

    def uniform(self, a, b, digits=4):
        return num(self.r.uniform(a, b), digits)

    # -- schedules
    def schedule(self, single, start, horizon, p=0.4, steps=(2, 4)):
        """A value or a schedule of values made by `single()`: the first entry at or before start."""
        if not self.chance(p):
            return single()
        y, m = start
        entries = []
        first = self.r.randint(-14, 0)  # months relative to start
        if self.chance(0.2):  # an unused entry before the one that gives month 1
            entries.append(first - self.r.randint(1, 6))
        entries.append(first)
        count = self.r.randint(*steps)
        month = max(first, 0)
        for _ in range(count - 1):
            month += self.r.randint(1, max(2, horizon // 2))
            entries.append(month)  # may fall after the horizon: unused
        return '{' + ', '.join('%s: %s' % (ym(y, m + e), single()) for e in entries) + '}'

    def rate(self, low=-40, high=60):
        if self.chance(0.2):
            return self.uniform(low / 12, high / 12, 3) + '%/month'
        return self.uniform(low, high, 2) + '%/year'

    def shares(self, n):
        """n integer percentages adding up to 100."""
        if n == 1:
            return [100]
        cuts = sorted(self.r.sample(range(1, 100), n - 1))
        return [b - a for a, b in zip([0] + cuts, cuts + [100])]

    def route(self, options):
        chosen = self.r.sample(options, self.r.randint(1, min(3, len(options))))
        return '{' + ', '.join('%s: %d%%' % (o, s) for o, s in zip(chosen, self.shares(len(chosen)))) + '}'

    # -- the model
    def model(self):
        r = self.r
        start = (r.randint(2026, 2028), r.randint(1, 12))
        horizon = self.pick([1, 2, 5, 6, 12, 18, 24, 36, 48, 60, 84])
        L = []
        L.append('model: Random model %d' % self.seed)
        L.append('currency: USD')
        L.append('start: %s' % ym(*start))
        L.append('horizon: %d months' % horizon)
        L.append('discount_rate: %s%%' % self.uniform(0, 15, 2))

        # workloads
        workloads = []
        L.append('workloads:')
        for i in range(r.randint(1, 3)):
            name = 'w%d' % i
            sensitive = i > 0 and self.chance(0.3)
            workloads.append((name, sensitive))
            L.append('  %s:' % name)
            unit = self.pick(['k/month', 'k/month', 'k/day'])
            scale = 1 / 30 if unit == 'k/day' else 1
            L.append('    requests: %s' % self.schedule(
                lambda: ('0' if self.chance(0.1) else self.uniform(10 * scale, 3000 * scale, 2)) + unit, start, horizon))
            if self.chance(0.8):
                L.append('    growth: %s' % self.schedule(self.rate, start, horizon))
            long = self.chance(0.25)
            # 200k exactly is not above a 200k threshold (strictly greater is long).
            tokens = self.pick(['200k', self.uniform(150, 400, 1) + 'k']) if long else str(r.randint(50, 20000))
            L.append('    input_tokens: %s' % tokens)
            L.append('    output_tokens: %d' % r.randint(20, 3000))
            cached = r.randint(0, 80) if self.chance(0.7) else 0
            if cached:
                L.append('    cached_input: %d%%' % cached)
            if self.chance(0.5):
                L.append('    cache_write: %s%%' % self.uniform(0, 100 - cached, 2))
            if self.chance(0.5):
                L.append('    batch: %s%%' % self.uniform(0, 100, 2))
            if self.chance(0.7):
                L.append('    peak_to_average: %s' % self.uniform(1, 4, 2))
            if sensitive:
                L.append('    sensitive: true')

        # serving options
        apis, private, selfhosted, rented = [], [], [], []
        L.append('serving:')
        for i in range(r.randint(1, 3)):
            name = 'api%d' % i
            is_private = i == 0 or self.chance(0.3)
            apis.append(name)
            if is_private:
                private.append(name)
            L.append('  %s:' % name)
            L.append('    kind: api')
            price = lambda lo, hi: (lambda: self.uniform(lo, hi, 3) + ' USD/Mtok')
            L.append('    price_input: %s' % self.schedule(price(0.1, 6), start, horizon, p=0.3))
            L.append('    price_output: %s' % self.schedule(price(0.5, 30), start, horizon, p=0.3))
            if self.chance(0.6):
                L.append('    price_cached_input: %s' % self.schedule(price(0.01, 1), start, horizon, p=0.2))
            if self.chance(0.5):
                L.append('    price_cache_write: %s' % self.schedule(price(0.1, 8), start, horizon, p=0.2))
            if self.chance(0.8):
                L.append('    price_change: %s' % self.schedule(lambda: self.rate(-60, 20), start, horizon))
            if is_private:
                L.append('    private: true')
            if self.chance(0.5):
                L.append('    batch_discount: %s%%' % self.uniform(0, 70, 1))
            if self.chance(0.4):
                lc = ['above: %sk' % self.pick(['200', self.uniform(100, 300, 0)]),
                      'price_input: %s USD/Mtok' % self.uniform(1, 12, 3),
                      'price_output: %s USD/Mtok' % self.uniform(2, 40, 3)]
                if self.chance(0.5):
                    lc.append('price_cached_input: %s USD/Mtok' % self.uniform(0.05, 2, 3))
                if self.chance(0.5):
                    lc.append('price_cache_write: %s USD/Mtok' % self.uniform(1, 15, 3))
                L.append('    long_context: {%s}' % ', '.join(lc))
        hardware = []
        for i in range(r.randint(0, 2)):
            name = 'sh%d' % i
            selfhosted.append(name)
            # Two options may share a server type (and its loan); each has its own fleet.
            hw = 'box0' if i == 1 and self.chance(0.3) else 'box%d' % i
            if hw not in hardware:
                hardware.append(hw)
            L.append('  %s:' % name)
            L.append('    kind: self_hosted')
            L.append('    hardware: %s' % hw)
            self.gpu(L)
        for i in range(r.randint(0, 2)):
            name = 'rent%d' % i
            rented.append(name)
            L.append('  %s:' % name)
            L.append('    kind: rented')
            L.append('    gpu_hour: %s' % self.schedule(lambda: self.uniform(0.5, 5, 3) + ' USD/GPU-hour', start, horizon))
            self.gpu(L)
            if self.chance(0.7):
                L.append('    price_change: %s' % self.schedule(lambda: self.rate(-30, 10), start, horizon))
            if self.chance(0.5):
                L.append('    scaling: %s' % self.pick(['peak', 'hourly']))
            if self.chance(0.6):
                items = []
                for _ in range(r.randint(0, 3)):
                    items.append('{gpus: %d, gpu_hour: %s USD/GPU-hour, from: %s, term: %d months}' % (
                        r.randint(1, 12), self.uniform(0.3, 3, 3), ym(start[0], start[1] + r.randint(-40, horizon)),
                        r.randint(1, 36)))
                L.append('    commitments: [%s]' % ', '.join(items))
        if hardware:
            L.append('hardware:')
            for hw in hardware:
                L.append('  %s:' % hw)
                L.append('    gpus: %d' % self.pick([1, 2, 4, 8]))
                L.append('    price: %sk USD' % self.uniform(20, 400, 1))
                power = r.uniform(1, 12)
                if self.chance(0.2):
                    L.append('    power: %s W' % num(power * 1000, 0))
                    power = float(num(power * 1000, 0)) / 1000
                else:
                    L.append('    power: %s kW' % num(power, 2))
                if self.chance(0.7):
                    L.append('    idle_power: %s kW' % num(r.uniform(0, power), 2))
                L.append('    life: %d months' % self.pick([1, 2, r.randint(3, 60), r.randint(3, 60)]))
                if self.chance(0.7):
                    L.append('    residual: %s%%' % self.uniform(0, 40, 1))
                if self.chance(0.7):
                    L.append('    maintenance: %s' % (self.uniform(0, 12, 2) + '%/year' if self.chance(0.8)
                                                      else self.uniform(0, 1, 3) + '%/month'))
                if self.chance(0.7):
                    L.append('    lead_time: %d months' % r.randint(0, 4))
            L.append('facility:')
            if self.chance(0.7):
                L.append('  pue: %s' % self.uniform(1, 1.8, 2))
            L.append('  electricity: %s' % self.schedule(lambda: self.uniform(0.03, 0.3, 3) + ' USD/kWh', start, horizon))
            if self.chance(0.6):
                L.append('  electricity_change: %s' % self.schedule(lambda: self.rate(-10, 15), start, horizon))
            if self.chance(0.7):
                L.append('  colocation: %s' % self.schedule(lambda: self.uniform(0, 300, 1) + ' USD/kW/month',
                                                          start, horizon))

        # strategies
        inhouse = selfhosted + rented
        names = ['s%d' % i for i in range(r.randint(2, 4))]
        strategies = []
        for s in names:
            lines = []
            options = apis + inhouse
            lines.append('    route: %s' % self.route(options))
            if inhouse and self.chance(0.6):
                lines.append('    escalation: {rate: %s%%, to: %s}' % (self.uniform(0, 30, 1), self.pick(private)))
            elif self.chance(0.1):
                lines.append('    escalation: none')
            per = []
            for w, sensitive in workloads:
                if sensitive:
                    safe = private + inhouse
                    block = ['route: %s' % self.route(safe)]
                    block.append('escalation: %s' % (
                        'none' if self.chance(0.4) else '{rate: %s%%, to: %s}' % (self.uniform(0, 20, 1),
                                                                                  self.pick(private))))
                    per.append('      %s: {%s}' % (w, ', '.join(block)))
                elif self.chance(0.3):
                    per.append('      %s: {route: %s}' % (w, self.route(options)))
                elif inhouse and self.chance(0.15):
                    per.append('      %s: {escalation: {rate: %s%%, to: %s}}' % (w, self.uniform(0, 40, 1),
                                                                             self.pick(apis)))
            if per:
                lines.append('    workloads:')
                lines += per
            # a private fallback serves the lead time of every self-hosted option
            lines.append('    fallback: %s' % self.pick(private))
            if self.chance(0.5):
                lines.append('    one_time:')
                for j in range(r.randint(1, 2)):
                    item = ['cost: %sk USD' % self.uniform(0, 500, 1)]
                    if self.chance(0.7):
                        offset = self.pick([0, horizon - 1, r.randint(0, horizon - 1)])
                        item.append('month: %s' % ym(start[0], start[1] + offset))
                    if self.chance(0.5):
                        item.append('capitalize: %d months' % r.randint(1, 60))
                    lines.append('      cost%d: {%s}' % (j, ', '.join(item)))
            strategies.append((s, lines))

        # staff
        if self.chance(0.8):
            L.append('staff:')
            for i in range(r.randint(1, 3)):
                role = ['count: %s' % self.schedule(lambda: self.uniform(0, 4, 2), start, horizon, p=0.3),
                        'cost: %s' % self.schedule(lambda: self.uniform(60, 300, 1) + 'k USD/year', start, horizon,
                                                   p=0.3)]
                if self.chance(0.5):
                    role.append('cost_change: %s' % self.schedule(lambda: self.rate(0, 8), start, horizon, p=0.3))
                who = r.random()
                if who < 0.25:
                    role.append('strategies: all')
                elif who < 0.5:
                    role.append('strategies: [%s]' % ', '.join(r.sample(names, r.randint(0, len(names)))))
                elif who < 0.6:
                    role.append('strategies: in_house')
                L.append('  role%d: {%s}' % (i, ', '.join(role)))

        L.append('strategies:')
        for s, lines in strategies:
            L.append('  %s:' % s)
            L += lines
        L.append('baseline: %s' % self.pick(names))

        # finance
        loans = [hw for hw in hardware if self.chance(0.6)]
        if self.chance(0.8):
            finance = []
            if self.chance(0.7):
                finance.append('  tax_rate: %s%%' % self.uniform(0, 40, 1))
            if self.chance(0.5):
                finance.append('  terminal_value: %s' % self.pick(['book', 'none']))
            if loans:
                finance.append('  financing:')
                for hw in loans:
                    rate = '0%' if self.chance(0.2) else self.uniform(0, 15, 2) + self.pick(['%', '%/year'])
                    finance.append('    %s: {loan: %s%%, rate: %s, term: %d months}' % (
                        hw, self.uniform(0, 100, 1), rate, r.randint(1, 72)))
            if finance:
                L.append('finance:')
                L += finance
        else:
            loans = []

        # scenarios
        overrides = []
        w0 = workloads[0][0]
        overrides.append('    workloads.%s.requests: %s' % (w0, self.schedule(
            lambda: self.uniform(10, 3000, 1) + 'k/month', start, horizon, p=0.8)))
        overrides.append('    serving.%s.price_change: %s' % (apis[0], self.rate(-60, 0)))
        overrides.append('    finance.tax_rate: %s%%' % self.uniform(0, 40, 1))
        overrides.append('    finance.terminal_value: %s' % self.pick(['book', 'none']))
        if rented:
            overrides.append('    serving.%s.scaling: %s' % (rented[0], self.pick(['peak', 'hourly'])))
            overrides.append('    serving.%s.commitments: []' % rented[0])
        if loans:
            overrides.append('    finance.financing.%s.rate: %s%%/year' % (loans[0], self.uniform(0, 15, 2)))
        one_time = [(s, lines) for s, lines in strategies if '    one_time:' in lines]
        if one_time:
            overrides.append('    strategies.%s.one_time.cost0.capitalize: %d months' % (one_time[0][0],
                                                                                         r.randint(1, 48)))
        L.append('scenarios:')
        for k in range(r.randint(1, 2)):
            L.append('  what-if-%d:' % k)
            L += r.sample(overrides, r.randint(1, min(4, len(overrides))))
        return '\n'.join(L) + '\n'

    def gpu(self, L):
        L.append('    decode_throughput: %s tok/s' % self.uniform(300, 6000, 0))
        L.append('    prefill_throughput: %s tok/s' % self.uniform(3000, 60000, 0))
        L.append('    max_utilization: %s%%' % self.uniform(30, 100, 1))


def compare(a, b, path, out):
    """Every value of `a` (tco) against `b` (reference): keys in the same order, numbers to 1e-9."""
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            out.append('%s: keys %s vs %s' % (path, list(a), list(b)))
        for k in a:
            if k in b:
                compare(a[k], b[k], path + '.' + k, out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append('%s: %d vs %d items' % (path, len(a), len(b)))
        for i, (u, v) in enumerate(zip(a, b)):
            compare(u, v, '%s[%d]' % (path, i), out)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if abs(a - b) > 1e-9 * max(abs(b), 1):
            out.append('%s: %r vs reference %r' % (path, a, b))
    elif a != b:
        out.append('%s: %r vs reference %r' % (path, a, b))


def check(count, tco, first_seed, keep):
    here = os.path.dirname(os.path.abspath(__file__))
    folder = keep or tempfile.mkdtemp(prefix='tco-random-')
    os.makedirs(folder, exist_ok=True)
    disagreements = 0
    for seed in range(first_seed, first_seed + count):
        path = os.path.join(folder, 'random-%d.yaml' % seed)
        with open(path, 'w') as f:
            f.write(Gen(seed).model())
        ours = subprocess.run([tco, 'solve', '--json', path], capture_output=True, text=True)
        ref = subprocess.run([sys.executable, os.path.join(here, 'reference.py'), path], capture_output=True, text=True)
        if ours.returncode != 0 or ref.returncode != 0:
            disagreements += 1
            print('seed %d: tco exit %d, reference exit %d\n%s%s' % (
                seed, ours.returncode, ref.returncode, ours.stderr[-2000:], ref.stderr[-2000:]))
            continue
        out = []
        compare(json.loads(ours.stdout), json.loads(ref.stdout), '', out)
        if out:
            disagreements += 1
            print('seed %d: %d differences\n  %s' % (seed, len(out), '\n  '.join(out[:8])))
    print('%d models, %d disagreements (models in %s)' % (count, disagreements, folder))
    return disagreements


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('seeds', nargs='*', type=int)
    ap.add_argument('--out', help='folder for the generated models')
    ap.add_argument('--check', type=int, metavar='N', help='cross-check N random models')
    ap.add_argument('--first-seed', type=int, default=1)
    ap.add_argument('--tco', default='.build/debug/tco')
    a = ap.parse_args()
    if a.check:
        sys.exit(1 if check(a.check, a.tco, a.first_seed, a.out) else 0)
    for seed in a.seeds:
        with open(os.path.join(a.out or '.', 'random-%d.yaml' % seed), 'w') as f:
            f.write(Gen(seed).model())


if __name__ == '__main__':
    main()
