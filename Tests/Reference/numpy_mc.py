#!/usr/bin/env python3
"""A faithful vectorised NumPy Monte Carlo of the TokenTCO contract (the yardstick of `make bench`).

calculations.md (the solver) and uncertainty.md (the Monte Carlo), vectorised over runs: every drawn
input is an array over runs ((runs,), or (runs, months) once it is a trend or a level), and every
line of every strategy is computed as a runs x months array.  Only the fleet plan loops over months
in Python (vectorised over runs); loans are a (runs x purchase months) @ (purchase month x month)
product of the per-server schedules.  The YAML is read and built by `reference.py` (the independent
scalar implementation, whose `solve` is the loop-per-month model of this file); the draws are
SplitMix64 streams per run as in tco, so means can be compared with `tco simulate --json`.

Supports what example-v2.yaml uses; drawn inputs: workloads.W.growth, serving.K.price_change,
serving.K.decode_throughput / prefill_throughput / max_utilization, strategies.S.escalation.rate,
staff.R.cost, facility.pue.  Anything else raises NotImplementedError.

Usage: python3 Tests/Reference/numpy_mc.py MODEL.yaml [--runs N] [--seed S] [--check TCO_JSON] [--time] [--json]
"""
import argparse, copy, json, math, os, re, sys, time

# The products here are (runs x months) @ (months,) and @ (months x months): too small to gain from
# BLAS threads, whose start-up costs more than they save (0.34 s against 0.25 s on 2 cores).
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

try:
    from scipy.special import ndtri
except ImportError:  # Acklam's approximation with one Halley step (as tco), vectorised
    from math import erfc as _erfc
    _verfc = np.vectorize(_erfc, otypes=[float])

    def ndtri(p):
        a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
             6.680131188771972e+01, -1.328068155288572e+01]
        c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        p = np.asarray(p, dtype=float)
        q = p - 0.5
        r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q \
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        tail = (p < 0.02425) | (p > 1 - 0.02425)
        if tail.any():
            pt = np.where(p[tail] < 0.5, p[tail], 1 - p[tail])
            qt = np.sqrt(-2 * np.log(pt))
            xt = (((((c[0] * qt + c[1]) * qt + c[2]) * qt + c[3]) * qt + c[4]) * qt + c[5]) \
                / ((((d[0] * qt + d[1]) * qt + d[2]) * qt + d[3]) * qt + 1)
            x[tail] = np.where(p[tail] < 0.5, xt, -xt)
        e = 0.5 * _verfc(-x / math.sqrt(2.0)) - p
        u = e * math.sqrt(2 * math.pi) * np.exp(x * x / 2)
        return x - u / (1 + x * u / 2)

H, S = ref.H, ref.S
Z95 = 1.6448536269514722
G = np.uint64(0x9E3779B97F4A7C15)
C1 = np.uint64(0xBF58476D1CE4E5B9)
C2 = np.uint64(0x94D049BB133111EB)
U30, U27, U31, U11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)


# ---------------------------------------------------------------- draws (uncertainty.md; tco's RunRandom)
def _finish(z):
    z = (z ^ (z >> U30)) * C1
    z = (z ^ (z >> U27)) * C2
    return z ^ (z >> U31)


def uniforms(seed, runs, k):
    """(k, runs): the first k uniforms of each run's SplitMix64 stream."""
    with np.errstate(over='ignore'):
        i = np.arange(runs, dtype=np.uint64)
        state = _finish(np.uint64(seed) + G * (i + np.uint64(1)) + G)   # mix(seed + G (i+1))
        state = _finish((state ^ i) + G)                                 # mix(state ^ i)
        out = np.empty((k, runs))
        for j in range(k):
            state += G
            out[j] = ((_finish(state) >> U11).astype(np.float64) + 0.5) / 9007199254740992.0
    # (2^53 - 1) + 0.5 rounds to 2^53: kept just below 1, as tco does.
    return np.minimum(out, np.nextafter(1.0, 0.0))


class Input:
    """One entry of `uncertainty.inputs`: path, distribution (canonical units), clamp range, kind."""
    DIST = re.compile(r'^\s*(triangular|uniform)\s*\((.*)\)\s*$')

    def __init__(self, path, text, doc):
        U = ref.unit_table(doc['currency'])
        keys = path.split('.')
        sect = keys[0]
        lo, hi, kinds = -math.inf, math.inf, None
        if sect == 'workloads' and len(keys) == 3 and keys[2] == 'growth' \
                or sect == 'serving' and len(keys) == 3 and keys[2] == 'price_change':
            self.what, kinds, lo = 'rate', ('rate_year', 'rate_month'), -0.9999
        elif sect == 'serving' and len(keys) == 3 and keys[2] in ('decode_throughput', 'prefill_throughput'):
            self.what, kinds, lo = 'tput', ('tok_s',), 1e-9
        elif sect == 'serving' and len(keys) == 3 and keys[2] == 'max_utilization':
            self.what, kinds, lo, hi = 'maxu', ('pct',), 1e-9, 1.0
        elif path == 'facility.pue':
            self.what, kinds, lo = 'pue', ('n',), 1.0
        elif sect == 'strategies' and len(keys) == 4 and keys[2:] == ['escalation', 'rate']:
            self.what, kinds, lo, hi = 'esc', ('pct',), 0.0, 1.0
        elif sect == 'staff' and len(keys) == 3 and keys[2] == 'cost':
            self.what, kinds, lo = 'staffcost', ('money_year',), 0.0
        else:
            raise NotImplementedError(f'uncertain input {path}')
        node = doc
        for k in keys:
            node = node.get(k) if isinstance(node, dict) else None
        if ref.is_schedule(node):
            raise ref.ModelError(f'uncertainty.inputs.{path}: the model writes a schedule there')
        self.path, self.keys, self.lo, self.hi = path, keys, lo, hi

        def val(t):
            return ref.qty(t, kinds, U, 'uncertainty.inputs.' + path)

        m = self.DIST.match(str(text))
        if m:
            parts = [val(p.strip()) for p in m.group(2).split(',')]
            self.dist = (m.group(1),) + tuple(v for v, _ in parts)
        else:
            a, b = str(text).split(' to ')
            parts = [val(a), val(b)]
            self.dist = ('interval', parts[0][0], parts[1][0])
        self.kind = parts[0][1]  # rate_year / rate_month for rates

    def quantile(self, p):
        d = self.dist
        if d[0] == 'interval':
            a, b = d[1], d[2]
            if a > 0:
                mu, sg = (math.log(a) + math.log(b)) / 2, (math.log(b) - math.log(a)) / (2 * Z95)
                x = np.exp(mu + sg * ndtri(p))
            else:
                x = (a + b) / 2 + (b - a) / (2 * Z95) * ndtri(p)
        elif d[0] == 'triangular':
            lo, mo, hi = d[1:]
            split = (mo - lo) / (hi - lo)
            x = np.where(p < split, lo + np.sqrt(p * (hi - lo) * (mo - lo)),
                         hi - np.sqrt((1 - p) * (hi - lo) * (hi - mo)))
        else:
            x = d[1] + p * (d[2] - d[1])
        return np.minimum(np.maximum(x, self.lo), self.hi)


def draw(inputs, seed, runs):
    """{path: (runs,) array}: every input drawn once per run, in the block's order."""
    u = uniforms(seed, runs, len(inputs))
    return {inp.path: inp.quantile(u[j]) for j, inp in enumerate(inputs)}


# ---------------------------------------------------------------- static part of a scenario (build)
def ceil_tol(x):
    """Smallest integer n >= x - 1e-9, at least 0 (calculations.md "GPU demand")."""
    return np.maximum(np.ceil(x - 1e-9), 0.0)


class Level:
    """A level with a rate of change: v(m) / T(s(m)) x T(m); v, s per month (s 0-based)."""

    def __init__(self, ents, M):
        F = ref.in_force(ents, M)[1:]
        self.v = np.array([v for _, v in F], dtype=float)
        self.s = np.array([s - 1 for s, _ in F])
        self.single = bool((self.s == 0).all())

    def base(self, T):
        """v / T(s) (the part multiplied by T(m) at the point of use), T (M,) or (runs, M)."""
        if self.single:  # T(1) = 1: v / 1 is v
            return self.v
        return self.v / T[..., self.s]


def loan_matrix(lo, price, M):
    """(M, M): row j-1 is the financing line of one server bought in month j; same for interest."""
    fin, intr = np.zeros((M, M + 1)), np.zeros((M, M + 1))
    for j in range(1, M + 1):
        f, i = [0.0] * (M + 1), [0.0] * (M + 1)
        ref.loan(lo['share'] * price, j, lo, M, f, i)
        fin[j - 1], intr[j - 1] = f, i
    return fin[:, 1:], intr[:, 1:]


def prepare(doc, sname, over, inputs):
    """The scenario's model (reference.build after its overrides) as arrays, and which inputs it keeps."""
    d = copy.deepcopy(doc)
    d.pop('scenarios', None)
    d.pop('uncertainty', None)
    for p, v in (over or {}).items():
        ref.apply_override(d, p, v)
    mdl = ref.build(d)
    M = mdl['M']
    cur, start = d['currency'], str(d['start'])
    U = ref.unit_table(cur)

    def ents(raw, kinds, where):
        return ref.entries(raw, lambda t, wh: ref.qty(t, kinds, U, wh)[0], start, where)

    arr = lambda lst: np.array(lst[1:], dtype=float)  # noqa: E731  [None, m1..mM] -> (M,)
    P = {'name': sname, 'M': M, 'mdl': mdl,
         'disc': np.array([ref.disc(mdl, m) for m in range(1, M + 1)]),
         'mexp': np.arange(M, dtype=float)}  # m - 1
    P['kept'] = {i.path for i in inputs
                 if any(i.path == p or i.path.startswith(p + '.') for p in (over or {}))}
    wl = {}
    for w, W in mdl['workloads'].items():
        wl[w] = dict(W, T=arr(W['T']), lvl=Level(ents(d['workloads'][w]['requests'], ('vol_month',), w), M))
    P['workloads'] = wl
    sv = {}
    for k, o in mdl['serving'].items():
        so = dict(o)
        raw = d['serving'][k]
        if 'T' in o:
            so['T'] = arr(o['T'])
        if o['kind'] == 'api':
            for key, dk in (('pi', 'price_input'), ('po', 'price_output'),
                            ('pc', 'price_cached_input'), ('pw', 'price_cache_write')):
                rk = dk if dk in raw else 'price_input'
                so[key] = Level(ents(raw[rk], ('per_mtok',), k + '.' + rk), M)
        elif o['kind'] == 'rented':
            so['gh'] = Level(ents(raw['gpu_hour'], ('gpu_hour',), k + '.gpu_hour'), M)
            c = np.zeros(M)
            for cm in o['commit']:
                lo, hi = max(cm['first'], 1), min(cm['last'], M)
                if lo <= hi:
                    c[lo - 1:hi] += cm['gpus']
            paid = np.zeros(M)
            for cm in o['commit']:
                for m in range(max(cm['first'], 1), min(cm['last'], M) + 1):
                    paid[m - 1] += cm['gpus'] * cm['gh'] * H
            so['c'], so['commit_paid'] = c, paid
        else:
            h = o['hw']
            lo = mdl['finance']['loans'].get(h['name'])
            so['loan'] = loan_matrix(lo, h['price'], M) if lo is not None else None
            life, price, res = h['life'], h['price'], h['residual']
            t0 = np.arange(1, M + 1)
            so['tv'] = np.where(t0 + life - 1 > M, price - (price - res * price) * (M - t0 + 1) / life, 0.0) \
                if mdl['finance']['book'] else None
        sv[k] = so
    P['serving'] = sv
    fac = mdl['facility']
    P['facility'] = {'pue': fac['pue'], 'elec': arr(fac['elec']) * arr(fac['elecT']), 'coloc': arr(fac['coloc'])}
    P['staff'] = [dict(r, count=arr(r['count']), costv=arr(r['cost']), T=arr(r['T'])) for r in mdl['staff']]
    st = {}
    for s, so in mdl['strategies'].items():
        one, capx, dep, tv = np.zeros(M), np.zeros(M), np.zeros(M), 0.0
        for c in so['one_time']:
            j, cost, D = c['month'], c['cost'], c['cap']
            if D is None:
                one[j - 1] += cost
                continue
            capx[j - 1] += cost
            dep[j - 1:min(M, j + D - 1)] += cost / D
            if j + D - 1 > M and mdl['finance']['book']:
                tv += cost * (1 - (M - j + 1) / D)
        # which workloads inherit the strategy's own escalation (a drawn strategies.S.escalation.rate)
        per_w = d['strategies'][s].get('workloads') or {}
        inherit = {w for w in mdl['workloads'] if 'escalation' not in (per_w.get(w) or {})}
        st[s] = dict(so, one=one, capx=capx, dep=dep, tv1=tv, inherit=inherit)
    P['strategies'] = st
    P['tax'] = mdl['finance']['tax']
    return P


# ---------------------------------------------------------------- the vectorised solve
def solve_scenario(P, dr, runs):
    """NPV of cost after tax, (strategies, runs), of one scenario under the draws `dr`."""
    M, mexp, disc, tax = P['M'], P['mexp'], P['disc'], P['tax']
    dr = {p: v for p, v in dr.items() if p not in P['kept']}  # the scenario's own values hold

    def trend(x, kind):  # a drawn single rate: (1 + x)^((m-1)/12), runs x months
        e = mexp / 12 if kind == 'rate_year' else mexp
        return np.power(1 + x[:, None], e)

    kinds = {i.path: i.kind for i in INPUTS}
    # workloads: requests R(w, m)
    Rq, W = {}, P['workloads']
    for w, Wd in W.items():
        p = f'workloads.{w}.growth'
        T = trend(dr[p], kinds[p]) if p in dr else Wd['T']
        Rq[w] = Wd['lvl'].base(T) * T
    # options: drawn scalars, api per-request cost per workload (computed when first used)
    opts = {}
    for k, o in P['serving'].items():
        oo = dict(o)
        for key, path in (('decode', 'decode_throughput'), ('prefill', 'prefill_throughput'),
                          ('maxu', 'max_utilization')):
            if f'serving.{k}.{path}' in dr:
                oo[key] = dr[f'serving.{k}.{path}'][:, None]
        p = f'serving.{k}.price_change'
        if p in dr:
            oo['T'] = trend(dr[p], kinds[p])
        opts[k] = oo
    unit_cache = {}

    def unit(w, k):
        """Api cost of one request of workload w on option k, per month (USD)."""
        if (w, k) not in unit_cache:
            o, Wd = opts[k], W[w]
            if o['kind'] != 'api':
                raise ref.ModelError(f'{k} is not an api option (escalation/fallback)')
            c, cw, b = Wd['cached'], Wd['cw'], Wd['batch']
            lc = o['lc']
            if lc is not None and Wd['in'] > lc['above']:
                base = Wd['in'] * ((1 - c - cw) * lc['pi'] + c * lc['pc'] + cw * lc['pw']) + Wd['out'] * lc['po']
            else:
                T = o['T']
                base = Wd['in'] * ((1 - c - cw) * o['pi'].base(T) + c * o['pc'].base(T) + cw * o['pw'].base(T)) \
                    + Wd['out'] * o['po'].base(T)
            unit_cache[w, k] = base * ((1 - b * o['d']) / 1e6) * o['T']
        return unit_cache[w, k]

    fac = P['facility']
    pue = dr['facility.pue'][:, None] if 'facility.pue' in dr else fac['pue']
    out = np.empty((len(P['strategies']), runs))
    for si, (sname, st) in enumerate(P['strategies'].items()):
        eff = st['eff']
        esc_p = f'strategies.{sname}.escalation.rate'
        acc = Acc(runs, M, tax, disc, FOLD)
        # 1. GPU demand
        A, N = {}, {}
        for w, (route, _) in eff.items():
            Wd = W[w]
            for k, s in route.items():
                o = opts[k]
                if o['kind'] == 'api':
                    continue
                g = Rq[w] * (s * (Wd['in'] / o['prefill'] + Wd['out'] / o['decode']) / S)
                A[k] = A[k] + g if k in A else g
                n = g * (((1 - Wd['batch']) * Wd['peak'] + Wd['batch']) / o['maxu'])
                N[k] = N[k] + n if k in N else n
        used = {k for route, _ in eff.values() for k in route}
        # 2. rented: commitments (paid by strategies that route to the option) plus on demand
        for k, o in opts.items():
            if o['kind'] == 'rented' and k in used:
                acc.both(o['commit_paid'])
        for k in A:
            o = opts[k]
            if o['kind'] != 'rented':
                continue
            if o['scaling'] == 'peak':
                gpus = np.maximum(ceil_tol(N[k]) - o['c'], 0.0)
            else:
                gpus = np.maximum(A[k] / o['maxu'] - o['c'], 0.0)
            gpus *= o['gh'].base(o['T']) * o['T'] * H
            acc.both(gpus)
        # 3. self-hosted fleets (perfect foresight; a loop over months, vectorised over runs)
        cnt_of = {}
        for k in A:
            o = opts[k]
            if o['kind'] != 'self_hosted':
                continue
            h = o['hw']
            lead, life, price, res, ng = h['lead'], h['life'], h['price'], h['residual'], h['gpus']
            need = N[k] / ng
            need -= 1e-9                  # ceil forgives 1e-9 (calculations.md "GPU demand")
            np.ceil(need, out=need)
            np.maximum(need, 0.0, out=need)
            starts = np.zeros((runs, M))  # servers entering service in month t
            cnt = np.zeros((runs, M))     # servers in service
            running = np.zeros(runs)
            for t in range(lead, M):      # 0-based: months 1 + lead .. M
                if t - life >= lead:
                    running -= starts[:, t - life]  # retired after `life` months
                add = np.maximum(need[:, t] - running, 0.0)
                starts[:, t] = add
                running += add
                cnt[:, t] = running
            cnt_of[k] = cnt
            buys = starts[:, lead:]       # ordered (and paid) in month t - lead
            acc.cash_shifted(buys * price, 0)                        # capex
            if o['loan'] is not None:      # each server's loan from its purchase month
                fin, intr = o['loan']
                acc.cash(buys @ fin[:M - lead])                       # financing
                acc.pnl(buys @ intr[:M - lead])                       # interest
            if life <= M:                  # residual in the last month of service
                acc.cash_shifted(starts[:, :M - life + 1] * (-res * price), life - 1)
            if o['tv'] is not None:        # net book value of servers still in service after M
                acc.cash_last(-(starts @ o['tv']))
            acc.pnl(cnt * ((price - res * price) / life))             # depreciation
            acc.both(cnt * (price * h['maint'] / 12))                 # maintenance
            acc.both(cnt * (h['power'] * fac['coloc']))               # colocation
            u = np.minimum(A[k] / (np.maximum(cnt, 1.0) * ng), 1.0)   # fleet's average busy share
            kwh = cnt * (h['idle'] + (h['power'] - h['idle']) * u)
            kwh *= H * pue
            kwh *= fac['elec']
            acc.both(kwh)                                              # power
        # 4. api traffic: routed shares, escalation of in-house requests, fallback
        for w, (route, esc) in eff.items():
            Rw = Rq[w]
            for k, s in route.items():
                kind = opts[k]['kind']
                if kind == 'api':
                    acc.both((Rw * s) * unit(w, k))
                    continue
                cols = None
                if kind == 'self_hosted':  # months in which some run has no server in service
                    none_in = cnt_of[k] == 0
                    cols = np.flatnonzero(none_in.any(axis=0))
                    none_in = none_in[:, cols]
                    fb = none_in & (A[k][..., cols] > 0)
                    if fb.any():
                        if not st['fallback']:
                            raise ref.ModelError(f'strategies.{sname}: fallback needed for {k}')
                        f = np.zeros((runs, M))  # requests of those months go to the fallback
                        f[:, cols] = np.where(fb, (Rw[..., cols] * s) * unit(w, st['fallback'])[..., cols], 0.0)
                        acc.both(f)
                drawn = esc_p in dr and w in st['inherit']
                if esc and (drawn or esc['rate'] > 0):  # in-house requests re-run in full on `to`
                    rate = dr[esc_p][:, None] if drawn else esc['rate']
                    e = (Rw * s) * rate * unit(w, esc['to'])
                    if cols is not None and len(cols):  # not escalated: they went to the fallback
                        e = np.broadcast_to(e, (runs, M)).copy() if e.shape != (runs, M) else e
                        e[:, cols] = np.where(none_in, 0.0, e[:, cols])
                    acc.both(e)
        # 5. staff: every month, the roles this strategy pays
        inhouse = any(opts[k]['kind'] != 'api' for route, _ in eff.values() for k in route)
        for r in P['staff']:
            if not ((r['who'] == 'in_house' and inhouse) or r['who'] == 'all'
                    or (isinstance(r['who'], list) and sname in r['who'])):
                continue
            p = f'staff.{r["name"]}.cost'
            cost = dr[p][:, None] if p in dr else r['costv']  # a single drawn cost: v / T(1) = v
            acc.both(r['count'] * (cost * r['T']) / 12)
        # 6. one-time costs: expensed, or capitalized (capex, depreciation, book value)
        acc.both(st['one'])
        acc.cash(st['capx'])
        acc.pnl(st['dep'])
        if st['tv1']:
            acc.cash_last(-st['tv1'])
        out[si] = acc.npv()
    return out


class Acc:
    """A strategy's monthly lines, summed month by month (runs x months) into three partial sums:
    lines that are cash and P&L (api, rented, one_time, maintenance, power, colocation, staff),
    cash only (capex, financing, -residual, -terminal value) and P&L only (depreciation, interest);
    lines that do not vary by run are summed as (months,) vectors first.  npv() builds the monthly
    after-tax cost C(m) - tax x P&L(m) and discounts it.  With fold=True each line is discounted as
    it comes (line @ discount factors) and no monthly total is built: the faster variant (--fold)."""

    def __init__(self, runs, M, tax, disc, fold):
        self.tax, self.disc, self.fold = tax, disc, fold
        self.acc = [None, None, None]       # both, cash, pnl: (runs, M)
        self.st = np.zeros((3, M))          # the same, for lines that do not vary by run
        self.v = np.zeros(runs)
        self.coef = (1 - tax, 1.0, -tax)

    def _add(self, i, x):
        if x.ndim == 1:
            self.st[i] += x
        elif self.fold:
            self.v += self.coef[i] * (x @ self.disc)
        elif self.acc[i] is None:
            # adopted, not copied: every (runs x months) line handed here is a fresh temporary
            self.acc[i] = x if x.shape == (len(self.v), len(self.disc)) else x + np.zeros_like(self.v)[:, None]
        else:
            self.acc[i] += x

    def both(self, x):
        self._add(0, x)

    def cash(self, x):
        self._add(1, x)

    def pnl(self, x):
        self._add(2, x)

    def cash_shifted(self, x, first):
        """x (runs, k) falls in months first .. first + k - 1 (0-based)."""
        k = x.shape[1]
        if self.fold:
            self.v += x @ self.disc[first:first + k]
            return
        if self.acc[1] is None:
            self.acc[1] = np.zeros((len(self.v), len(self.disc)))
        self.acc[1][:, first:first + k] += x

    def cash_last(self, x):
        """Cash in month M only (terminal value): x (runs,) or a number."""
        if np.ndim(x) == 0:
            self.st[1, -1] += x
        elif self.fold:
            self.v += x * self.disc[-1]
        else:
            if self.acc[1] is None:
                self.acc[1] = np.zeros((len(self.v), len(self.disc)))
            self.acc[1][:, -1] += x

    def npv(self):
        static = self.coef[0] * self.st[0] + self.st[1] + self.coef[2] * self.st[2]
        if self.fold:
            return self.v + static @ self.disc
        atc = None                          # after-tax cost C(m) - tax shield(m), runs x months
        for c, x in zip(self.coef, self.acc):
            if x is None:
                continue
            if atc is None:
                x *= c
                atc = x
            elif c == 1.0:
                atc += x
            else:
                x *= c
                atc += x
        if atc is None:
            return np.full(len(self.v), static @ self.disc)
        atc += static
        return atc @ self.disc


FOLD = False


def stats(npv, runs):
    """mean, P(cheapest), p5/p50/p95 (nearest rank) per strategy."""
    mean = npv.mean(axis=1)
    low = npv.min(axis=0)
    ok = npv <= low + 1e-9 * np.maximum(np.abs(low), 1.0)
    p_low = np.bincount(ok.argmax(axis=0), minlength=npv.shape[0]) / runs
    ks = [max(math.ceil(p * runs / 100), 1) - 1 for p in (5, 50, 95)]
    pct = np.partition(npv, ks, axis=1)[:, ks]
    return mean, p_low, pct


INPUTS = []


def simulate(preps, runs, seed):
    dr = draw(INPUTS, seed, runs)
    res = {}
    for P in preps:
        npv = solve_scenario(P, dr, runs)
        res[P['name']] = (npv, stats(npv, runs))
    return res


def load(path):
    doc = ref.load_raw(path)
    unc = doc.get('uncertainty') or {}
    inputs = [Input(p, t, doc) for p, t in (unc.get('inputs') or {}).items()]
    scen = {'base': {}}
    scen.update(doc.get('scenarios') or {})
    return doc, unc, inputs, scen


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('model')
    ap.add_argument('--runs', type=int)
    ap.add_argument('--seed', type=int)
    ap.add_argument('--check')
    ap.add_argument('--time', action='store_true')
    ap.add_argument('--json', action='store_true',
                    help='print each scenario and strategy mean, P(cheapest) and percentiles as JSON (a test fixture)')
    ap.add_argument('--fold', action='store_true',
                    help='discount each line as it comes instead of building monthly totals')
    a = ap.parse_args()
    global FOLD
    FOLD = a.fold
    doc, unc, inputs, scen = load(a.model)
    INPUTS[:] = inputs
    runs = a.runs or int(unc.get('runs', 10000))
    seed = a.seed if a.seed is not None else int(unc.get('seed', 1))
    preps = [prepare(doc, n, o, inputs) for n, o in scen.items()]
    for P in preps:  # staff roles by name (reference keeps them in file order)
        for r, name in zip(P['staff'], (doc.get('staff') or {})):
            r['name'] = name
    if a.time:
        best = []
        for _ in range(3):
            t0 = time.perf_counter()
            simulate(preps, runs, seed)
            best.append(time.perf_counter() - t0)
        print(f'{min(best):.4f}')
        print('repeats: ' + ' '.join(f'{b:.4f}' for b in best), file=sys.stderr)
        return
    res = simulate(preps, runs, seed)
    if a.json:
        out = {'runs': runs, 'seed': seed, 'scenarios': {
            sn: {st: {'mean': float(mean[i]), 'p_lowest': float(pl[i]), 'p5': float(pct[i][0]),
                      'p50': float(pct[i][1]), 'p95': float(pct[i][2])}
                 for i, st in enumerate(preps[0]['strategies'])}
            for sn, (npv, (mean, pl, pct)) in res.items()}}
        print(json.dumps(out, indent=1))
        return
    tco = None
    if a.check:
        with open(a.check) as f:
            tco = json.load(f)
        if tco.get('runs') != runs or tco.get('seed') != seed:
            print(f'warning: tco ran {tco.get("runs")} runs seed {tco.get("seed")}', file=sys.stderr)
    bad = 0
    print(f'{"scenario":18} {"strategy":6} {"mean (numpy)":>18} {"mean (tco)":>18} {"rel.diff":>9} '
          f'{"P(cheap)":>8} {"tco":>8} {"p5/p50/p95 max rel.diff":>24}')
    for sn, (npv, (mean, pl, pct)) in res.items():
        for i, st in enumerate(preps[0]['strategies']):
            line = f'{sn:18} {st:6} {mean[i]:18.6f}'
            if tco is not None:
                t = tco['scenarios'][sn]['strategies'][st]
                tm = t['npv_cost']['mean']
                rel = abs(mean[i] - tm) / max(abs(tm), 1e-300)
                prel = max(abs(pct[i][j] - t['npv_cost'][q]) / abs(t['npv_cost'][q])
                           for j, q in enumerate(('p5', 'p50', 'p95')))
                okm = rel <= 1e-9
                okp = abs(pl[i] - t['p_lowest']) <= 1 / runs + 1e-12
                bad += (not okm) + (not okp)
                line += (f' {tm:18.6f} {rel:9.1e} {pl[i]:8.4f} {t["p_lowest"]:8.4f} {prel:24.1e}'
                         + ('' if okm and okp else '   MISMATCH'))
            else:
                line += f' {"":18} {"":9} {pl[i]:8.4f}'
            print(line)
    if tco is not None:
        print('all match' if not bad else f'{bad} mismatches')
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
