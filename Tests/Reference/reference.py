#!/usr/bin/env python3
"""Independent reference implementation of the TokenTCO calculation contract (v1.1).

Written from the spec text alone (docs in /work/shared/spec: model-format.md,
calculations.md, outputs.md, CHANGES.md), to cross-check the Swift solver.
Usage: python3 Tests/Reference/reference.py MODEL.yaml [--scenario NAME]
Prints the `tco solve --json` object of outputs.md.  Validation is minimal:
only what is needed to compute (a missing-but-needed fallback is an error).
"""
import argparse, copy, functools, json, math, os, re, sys
from decimal import Decimal

import yaml  # PyYAML

H = 730.0                  # calculations.md "Time": hours per month (8760/12)
S = H * 3600.0             # seconds per month, 2 628 000
DAYS_PER_MONTH = 365 / 12  # model-format.md: "a month has exactly 365/12 days"

class ModelError(Exception): pass

# ---------------------------------------------------------------- YAML & extends
class Loader(yaml.SafeLoader):
    """Every scalar stays a string: numbers are "read from the text as written"
    (model-format.md), so no YAML-1.1 octal/sexagesimal/yes-no surprises."""

Loader.yaml_implicit_resolvers = {}

def is_whole_value(path):
    """Paths whose value replaces the base's as a whole even though it is a map:
    a `route` (model-format.md, `extends`) and one scenario override value."""
    if path and path[-1] == 'route' and path[0] == 'strategies' and len(path) in (3, 5):
        return True
    return len(path) == 3 and path[0] == 'scenarios'

def merge(base, over, path=()):
    """`extends`: maps merge key by key, a route is replaced whole, other values replace."""
    out = dict(base)
    for k, v in over.items():
        p = path + (k,)
        if isinstance(v, dict) and isinstance(out.get(k), dict) and not is_whole_value(p):
            out[k] = merge(out[k], v, p)
        else:
            out[k] = copy.deepcopy(v)
    return out

def load_raw(path, chain=()):
    path = os.path.abspath(path)
    if path in chain:
        raise ModelError('extends cycle: ' + ' -> '.join(chain + (path,)))
    with open(path, encoding='utf-8') as f:
        doc = yaml.load(f, Loader=Loader) or {}
    base = doc.pop('extends', None)
    if base is None:
        return doc
    # "path of a base model file, relative to this file"
    parent = load_raw(os.path.join(os.path.dirname(path), base), chain + (path,))
    return merge(parent, doc)

def apply_override(doc, dotted, value):
    """A scenario override: dotted key path, value replaces whatever is there
    (also a key left to its default, so missing maps along the way are created)."""
    keys = dotted.split('.')
    d = doc
    for k in keys[:-1]:
        d = d.setdefault(k, {})
    d[keys[-1]] = copy.deepcopy(value)

# ---------------------------------------------------------------- quantities
NUM = re.compile(r'\s*([+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*))\s*(.*?)\s*$')
SCALE = {'k': Decimal(10) ** 3, 'M': Decimal(10) ** 6, 'B': Decimal(10) ** 9}

def unit_table(cur):
    """unit text -> (kind, multiplier to the canonical unit; exact Decimal except
    the day, whose 365/12 is not a finite decimal). Canonical units:
    fractions, money, money/Mtok, money/GPU-hour, money/kW/month, money/kWh,
    money/year, requests/month, kW, tok/s, months."""
    return {
        '': ('n', 1), '%': ('pct', Decimal('0.01')),
        '%/year': ('rate_year', Decimal('0.01')), '%/month': ('rate_month', Decimal('0.01')),
        cur: ('money', 1), cur + '/Mtok': ('per_mtok', 1),
        cur + '/GPU-hour': ('gpu_hour', 1), cur + '/kW/month': ('per_kw_month', 1),
        cur + '/kWh': ('per_kwh', 1),
        cur + '/year': ('money_year', 1), cur + '/month': ('money_year', 12),
        '/month': ('vol_month', 1), '/day': ('vol_month', DAYS_PER_MONTH),
        'W': ('kw', Decimal('0.001')), 'kW': ('kw', 1), 'MW': ('kw', 1000), 'tok/s': ('tok_s', 1),
        'month': ('months', 1), 'months': ('months', 1), 'mo': ('months', 1),
        'year': ('months', 12), 'years': ('months', 12), 'y': ('months', 12),
    }

def qty(text, kinds, units, where):
    """Parse `number[scale][ ]unit`; returns (value in canonical unit, kind).
    "Where a letter could be either, it belongs to the unit" (1.2MW = megawatts):
    so the whole remainder is tried as a unit before a leading k/M/B as scale."""
    m = NUM.match(str(text))
    if not m:
        raise ModelError(f'{where}: cannot read {text!r}')
    num = Decimal(m.group(1).replace('_', ''))  # exact: 1.8k is 1800, 70% is 0.7
    rest = m.group(2)
    if rest in units:
        kind, mult = units[rest]
    elif rest[:1] in SCALE and rest[1:].strip() in units:
        num *= SCALE[rest[0]]
        kind, mult = units[rest[1:].strip()]
    else:
        raise ModelError(f'{where}: unknown unit in {text!r}')
    if kind not in kinds:
        raise ModelError(f'{where}: {text!r} has the wrong dimension ({kind})')
    val = float(num) * mult if isinstance(mult, float) else float(num * mult)
    if kind == 'months':  # durations must come to whole months
        if abs(val - round(val)) > 1e-9:
            raise ModelError(f'{where}: {text!r} is not a whole number of months')
        val = int(round(val))
    return val, kind

def rate_factor(x, kind):
    """Month-m factor of a rate of change (calculations.md "Time"): an effective annual
    rate spread evenly over months, (1+x)^((m-1)/12), not (1+x/12)^(m-1);
    a monthly rate gives (1+x)^(m-1).  The stated value is the month-1 value."""
    if kind == 'rate_year':
        return lambda m: (1 + x) ** ((m - 1) / 12)
    return lambda m: (1 + x) ** (m - 1)

# ---------------------------------------------------------------- model (defaults after overrides)
def build(doc):
    """Turn the merged, overridden raw document into numbers, applying the
    defaults table of model-format.md (calculations.md: defaults come last)."""
    U = unit_table(doc['currency'])

    def q(text, kinds, where):
        return qty(text, kinds, U, where)[0]

    def rate(text, where, default='0%/year'):
        return rate_factor(*qty(default if text is None else text, ('rate_year', 'rate_month'), U, where))

    mdl = {'M': q(doc['horizon'], ('months',), 'horizon'),
           'r': q(doc['discount_rate'], ('pct', 'rate_year'), 'discount_rate')}
    mdl['workloads'] = {}
    for name, w in doc['workloads'].items():
        p = 'workloads.' + name + '.'
        mdl['workloads'][name] = {
            'requests': q(w['requests'], ('vol_month',), p + 'requests'),
            'growth': rate(w.get('growth'), p + 'growth'),
            'in': q(w['input_tokens'], ('n',), p + 'input_tokens'),
            'out': q(w['output_tokens'], ('n',), p + 'output_tokens'),
            'cached': q(w.get('cached_input', '0%'), ('pct',), p + 'cached_input'),
            'peak': q(w.get('peak_to_average', '1'), ('n',), p + 'peak_to_average')}
    hw = {}
    for name, h in (doc.get('hardware') or {}).items():
        p = 'hardware.' + name + '.'
        power = q(h['power'], ('kw',), p + 'power')
        mv, mk = qty(h.get('maintenance', '0%/year'), ('rate_year', 'rate_month'), U, p + 'maintenance')
        hw[name] = {
            'gpus': q(h['gpus'], ('n',), p + 'gpus'), 'price': q(h['price'], ('money',), p + 'price'),
            'power': power,
            'idle': q(h['idle_power'], ('kw',), p + 'idle_power') if 'idle_power' in h else power,
            'life': q(h['life'], ('months',), p + 'life'),
            'residual': q(h.get('residual', '0%'), ('pct',), p + 'residual'),
            # maintenance as an annual share of price; "1 %/month = 12 %/year"
            'maint': mv * 12 if mk == 'rate_month' else mv,
            'lead': q(h.get('lead_time', '0 months'), ('months',), p + 'lead_time')}
    mdl['serving'] = {}
    for name, o in doc['serving'].items():
        p = 'serving.' + name + '.'
        d = {'kind': o['kind']}
        if o['kind'] == 'api':
            d['pi'] = q(o['price_input'], ('per_mtok',), p + 'price_input')
            d['po'] = q(o['price_output'], ('per_mtok',), p + 'price_output')
            # default: the option's (scenario's own) price_input
            d['pc'] = q(o['price_cached_input'], ('per_mtok',), p + 'price_cached_input') \
                if 'price_cached_input' in o else d['pi']
        else:
            d['decode'] = q(o['decode_throughput'], ('tok_s',), p + 'decode_throughput')
            d['prefill'] = q(o['prefill_throughput'], ('tok_s',), p + 'prefill_throughput')
            d['maxu'] = q(o['max_utilization'], ('pct',), p + 'max_utilization')
            if o['kind'] == 'rented':
                d['gpu_hour'] = q(o['gpu_hour'], ('gpu_hour',), p + 'gpu_hour')
            else:
                d['hw'] = hw[o['hardware']]
        if o['kind'] in ('api', 'rented'):
            d['change'] = rate(o.get('price_change'), p + 'price_change')
        mdl['serving'][name] = d
    fac = doc.get('facility') or {}
    mdl['facility'] = {
        'pue': q(fac.get('pue', '1'), ('n',), 'facility.pue'),
        'elec': q(fac['electricity'], ('per_kwh',), 'facility.electricity') if 'electricity' in fac else 0.0,
        'elec_change': rate(fac.get('electricity_change'), 'facility.electricity_change'),
        'coloc': q(fac.get('colocation', '0 ' + doc['currency'] + '/kW/month'),
                   ('per_kw_month',), 'facility.colocation')}
    # calculations.md "Staff": sum of count x cost / 12 per month
    mdl['staff'] = sum(q(s['count'], ('n',), 'staff.' + r + '.count')
                       * q(s['cost'], ('money_year',), 'staff.' + r + '.cost') / 12
                       for r, s in (doc.get('staff') or {}).items())

    def esc(e, where):  # escalation map, `none`, or absent (None)
        if e is None or e == 'none':
            return None
        return {'rate': q(e['rate'], ('pct',), where + '.rate'), 'to': e['to']}

    mdl['strategies'] = {}
    for name, st in doc['strategies'].items():
        p = 'strategies.' + name
        route = {k: q(v, ('pct',), p + '.route.' + k) for k, v in st['route'].items()}
        escal = esc(st.get('escalation'), p + '.escalation')
        per_w = st.get('workloads') or {}
        eff = {}
        for w in mdl['workloads']:
            blk = per_w.get(w) or {}
            r = ({k: q(v, ('pct',), f'{p}.workloads.{w}.route.{k}') for k, v in blk['route'].items()}
                 if 'route' in blk else route)
            # a workload's own `escalation` (or `none`) replaces the strategy's;
            # setting only `route` keeps the strategy's escalation (calculations.md "Routing")
            e = esc(blk['escalation'], f'{p}.workloads.{w}.escalation') if 'escalation' in blk else escal
            # effective route: shares of 0 % count as absent
            eff[w] = ({k: s for k, s in r.items() if s > 0}, e)
        mdl['strategies'][name] = {'eff': eff, 'fallback': st.get('fallback')}
    return mdl

# ---------------------------------------------------------------- solver
def ceil_tol(x):
    """Smallest integer n >= x - 1e-9 (calculations.md "GPU demand")."""
    return max(0, math.ceil(x - 1e-9))

def disc(mdl, m):
    return (1 + mdl['r']) ** (-m / 12)  # cash at the end of month m

def requests(mdl, w, m, vk):
    W = mdl['workloads'][w]
    return vk * W['requests'] * W['growth'](m)

def tokens(mdl):
    return [sum(requests(mdl, w, m, 1.0) * (W['in'] + W['out']) for w, W in mdl['workloads'].items())
            for m in range(1, mdl['M'] + 1)]

LINES = ['api', 'rented', 'capex', 'maintenance', 'power', 'colocation', 'staff',
         'residual', 'terminal_value', 'depreciation']

def solve(mdl, sname, vk=1.0, pk=1.0):
    """Monthly lines of one strategy; vk scales volumes, pk scales every api price
    (the break-even factors)."""
    M, st, opts, fac = mdl['M'], mdl['strategies'][sname], mdl['serving'], mdl['facility']
    L = {k: [0.0] * (M + 1) for k in LINES}  # index 0 unused: months are 1..M
    servers_total = [0] * (M + 1)
    eff = st['eff']
    inhouse = [k for k, o in opts.items() if o['kind'] != 'api']
    # 1. GPU demand per in-house option: A (average busy GPUs), N (GPUs at peak)
    A = {k: [0.0] * (M + 1) for k in inhouse}
    N = {k: [0.0] * (M + 1) for k in inhouse}
    for w, (route, _) in eff.items():
        W = mdl['workloads'][w]
        for k, s in route.items():
            o = opts[k]
            if o['kind'] == 'api':
                continue
            for m in range(1, M + 1):
                R = requests(mdl, w, m, vk) * s  # escalated requests included: they ran here
                g = R * W['in'] / o['prefill'] + R * W['out'] / o['decode']
                A[k][m] += g / S
                N[k][m] += g / S * W['peak'] / o['maxu']
    # 2. rented GPUs: ceil(N) x gpu_hour x H x price factor, no lead time
    for k in inhouse:
        o = opts[k]
        if o['kind'] == 'rented':
            for m in range(1, M + 1):
                L['rented'][m] += ceil_tol(N[k][m]) * o['gpu_hour'] * H * o['change'](m)
    # 3. self-hosted fleets, one per option, perfect foresight (calculations.md "Fleet")
    in_service = {}
    for k in inhouse:
        o = opts[k]
        if o['kind'] != 'self_hosted':
            continue
        h = o['hw']
        lead, life, price, res = h['lead'], h['life'], h['price'], h['residual']
        cnt = [0] * (M + 2)
        starts = []
        for t in range(1 + lead, M + 1):
            need = ceil_tol(N[k][t] / h['gpus'])
            add = need - cnt[t]
            if add > 0:  # order the difference in month t - lead (paid then)
                starts += [t] * add
                for mm in range(t, min(M, t + life - 1) + 1):
                    cnt[mm] += add
        for t0 in starts:
            L['capex'][t0 - lead] += price
            last = t0 + life - 1
            if last <= M:  # residual in the last month of service (also when last == M)
                L['residual'][last] += res * price
            else:          # net book value after M - t0 + 1 months in service
                L['terminal_value'][M] += price - (price - res * price) * (M - t0 + 1) / life
            for mm in range(t0, min(M, last) + 1):
                L['depreciation'][mm] += (price - res * price) / life
        for m in range(1, M + 1):
            n = cnt[m]
            servers_total[m] += n
            if n == 0:
                continue
            u = min(1.0, A[k][m] / (n * h['gpus']))  # the fleet's average busy share
            L['maintenance'][m] += n * price * h['maint'] / 12
            L['colocation'][m] += n * h['power'] * fac['coloc']
            L['power'][m] += n * (h['idle'] + (h['power'] - h['idle']) * u) * H * fac['pue'] \
                * fac['elec'] * fac['elec_change'](m)
        in_service[k] = cnt
    # 4. api traffic: routed shares, escalation of in-house requests, fallback
    def api_cost(w, k, R, m):
        o, W = opts[k], mdl['workloads'][w]
        if o['kind'] != 'api':
            raise ModelError(f'{sname}: {k} is not an api option (escalation/fallback)')
        c = W['cached']
        usd = R * W['in'] * ((1 - c) * o['pi'] + c * o['pc']) + R * W['out'] * o['po']
        return usd / 1e6 * pk * o['change'](m)  # pk: break-even price factor

    for w, (route, esc) in eff.items():
        for m in range(1, M + 1):
            R = requests(mdl, w, m, vk)
            for k, s in route.items():
                kind = opts[k]['kind']
                if kind == 'api':
                    L['api'][m] += api_cost(w, k, R * s, m)
                    continue
                if kind == 'self_hosted' and in_service[k][m] == 0:
                    # no server in service: the option's requests go to the fallback, not escalated
                    if A[k][m] > 0:
                        if not st['fallback']:
                            raise ModelError(f'strategies.{sname}: fallback needed for {k} in month {m}')
                        L['api'][m] += api_cost(w, st['fallback'], R * s, m)
                    continue
                if esc and esc['rate'] > 0:  # in-house requests re-run in full on `to`
                    L['api'][m] += api_cost(w, esc['to'], R * s * esc['rate'], m)
    # 5. staff: every month, if some effective route sends a share in-house
    if any(opts[k]['kind'] != 'api' for route, _ in eff.values() for k in route):
        for m in range(1, M + 1):
            L['staff'][m] = mdl['staff']
    # 6. totals
    cost = [0.0] * (M + 1)
    for m in range(1, M + 1):
        cost[m] = sum(L[x][m] for x in LINES[:7]) - L['residual'][m] - L['terminal_value'][m]
    out = {'cost': cost[1:], **{x: L[x][1:] for x in LINES}, 'servers': servers_total[1:]}
    out['npv'] = sum(cost[m] * disc(mdl, m) for m in range(1, M + 1))
    return out

def summarize(mdl, r, toks):
    M = mdl['M']
    dtok = sum(toks[m - 1] * disc(mdl, m) for m in range(1, M + 1))
    pnl = sum(sum(r[x]) for x in ('api', 'rented', 'maintenance', 'power', 'colocation',
                                    'staff', 'depreciation'))
    return {
        'npv_cost': r['npv'], 'total_cost': sum(r['cost']), 'total_pnl_cost': pnl,
        'capex': sum(r['capex']), 'terminal_value': sum(r['terminal_value']),
        'levelized_cost_per_mtok': 1e6 * r['npv'] / dtok if dtok != 0 else None,
        'servers_max': max(r['servers']) if r['servers'] else 0,
        'monthly': {k: (list(r[k]) if k == 'servers' else [float(v) for v in r[k]])
                    for k in ['cost'] + LINES[:10] + ['servers']}}

# ---------------------------------------------------------------- comparisons
def no_dearer(x, b):
    """"X is no dearer than B": x <= b + 1e-9 * max(|b|, 1)."""
    return x <= b + 1e-9 * max(abs(b), 1.0)

def payback(cx, cb):
    """First month from which X's cumulative cash cost stays no dearer through M."""
    sx = sb = 0.0
    ok = []
    for a, b in zip(cx, cb):
        sx, sb = sx + a, sb + b
        ok.append(no_dearer(sx, sb))
    if not ok or not ok[-1]:
        return None
    m = len(ok)
    while m > 1 and ok[m - 2]:
        m -= 1
    return m

def break_even(wins):
    """The exact procedure of calculations.md "Break-even multipliers"."""
    w1 = wins(1.0)
    found = []  # (|ln k|, k, side), downward first so that it wins ties
    for lo, hi, far in ((0.001, 1.0, 0.001), (1.0, 1000.0, 1000.0)):
        if wins(far) == w1:
            continue
        a, b = lo, hi
        wa = wins(a)
        while b / a > 1 + 1e-4:
            mid = math.sqrt(a * b)
            if wins(mid) == wa:
                a = mid
            else:
                b = mid
        k = a if wins(a) else b                      # the end at which X wins
        found.append((abs(math.log(k)), k, 'above' if wins(b) else 'below'))
    if not found:
        return None, ('always' if w1 else 'never')
    best = min(found, key=lambda f: f[0])  # nearer to 1; min keeps the downward one on a tie
    return best[1], best[2]

def compare(mdl, x, base, rx, rb):
    @functools.lru_cache(maxsize=None)  # the bisection revisits the same factors
    def npv(s, vk, pk):
        return solve(mdl, s, vk, pk)['npv']

    vol = break_even(lambda k: no_dearer(npv(x, k, 1.0), npv(base, k, 1.0)))
    pri = break_even(lambda k: no_dearer(npv(x, 1.0, k), npv(base, 1.0, k)))
    return {'npv_savings': rb['npv'] - rx['npv'], 'payback_month': payback(rx['cost'], rb['cost']),
            'break_even_volume_multiplier': vol[0], 'break_even_volume_side': vol[1],
            'break_even_price_multiplier': pri[0], 'break_even_price_side': pri[1]}

# ---------------------------------------------------------------- main
def run(path, only=None):
    doc = load_raw(path)
    scen = {'base': {}}
    scen.update(doc.get('scenarios') or {})  # base first, then file (merged) order
    names = [only] if only else list(scen)
    result = {'model': doc['model'], 'currency': doc['currency'], 'start': str(doc['start'])}
    out_scen = {}
    for sc in names:
        if sc not in scen:
            raise ModelError(f'unknown scenario {sc!r}')
        d = copy.deepcopy(doc)
        d.pop('scenarios', None)
        for p, v in (scen[sc] or {}).items():  # overrides applied before defaults
            apply_override(d, p, v)
        mdl = build(d)
        result['months'] = mdl['M']
        toks = tokens(mdl)
        res = {s: solve(mdl, s) for s in mdl['strategies']}
        base = doc['baseline']
        out_scen[sc] = {
            'tokens': toks,
            'strategies': {s: summarize(mdl, r, toks) for s, r in res.items()},
            'comparisons': {s: compare(mdl, s, base, res[s], res[base])
                            for s in mdl['strategies'] if s != base}}
    result['baseline'] = doc['baseline']
    result['scenarios'] = out_scen
    return result

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('model')
    ap.add_argument('--scenario')
    a = ap.parse_args()
    try:
        out = run(a.model, a.scenario)
    except (ModelError, KeyError) as e:
        print(f'{a.model}: error: {e}', file=sys.stderr)
        sys.exit(1)
    print(json.dumps(out, indent=2, ensure_ascii=False))

if __name__ == '__main__':
    main()
