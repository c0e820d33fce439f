#!/usr/bin/env python3
"""Independent reference implementation of the TokenTCO calculation contract (v2).

Written from the spec text alone (docs in /work/shared/spec: model-format.md,
calculations.md, outputs.md, CHANGES.md), to cross-check the Swift solver.
Usage: python3 Tests/Reference/reference.py MODEL.yaml [--scenario NAME]
Prints the `tco solve --json` object of outputs.md.  Validation is minimal:
only what is needed to compute (a missing-but-needed fallback is an error).
The `uncertainty` block (Monte Carlo, uncertainty.md) is read past and ignored.

Version 1 models give the same numbers, bit for bit, as the v1.1 version of this
file: every v2 term is written so that, at its v1 default (0 %, absent, `book`,
no schedule), it adds an exact 0.0 or multiplies by an exact 1.0 in the same
order of operations as before.  The v2 JSON adds keys to every strategy
(`npv_cost_after_tax`, `energy_kwh`, `kwh_per_mtok_self_hosted`, and the monthly
lines `one_time`, `financing`, `interest`, `tax_shield`, `after_tax_cost`,
`energy_kwh`) after the v1 keys.

Readings of the contract text where it could be read more than one way
(the most literal reading is taken):
 1. Schedules: a level in month m is v x T(m) / T(s); it is computed as
    (v / T(s)) x T(m), multiplied in where v1 multiplied its change factor
    (same number up to rounding; keeps v1 bits).  The trend T is computed
    piecewise in closed form: in a run of months whose rate x (in force from
    month e) is constant, T(m) = T(a) x (1+x)^((m-a)/12) with a = max(e-1, 1)
    (or (1+x)^(m-a) for %/month), i.e. f(j) uses the rate in force in month j,
    j >= 2; calculations.md allows either way.  The rate in force in month 1
    alone never matters (f(1) does not exist).
 2. Schedule months are counted from `start` (start = month 1); an entry at or
    before start is in force from month 1 with s = 1; of several such entries
    the last wins.
 3. Long-context prices: used when the workload's `input_tokens` > `above`
    (strictly), for all its tokens on that option (routed, escalated and
    fallback traffic alike); they are v x T(m) with the option's price_change
    trend; their cached/write prices default to the long_context price_input
    (not to the option's price_cached_input).  cache_write applies to them too.
 4. Batch: the factor (1 - batch x batch_discount) multiplies the whole monthly
    api cost of a workload on an option, escalated and fallback traffic
    included; in-house, batch requests count in N at the average rate
    ((1 - b) x peak_to_average + b), and A is unchanged.
 5. Rented commitments: committed GPUs c(m) are subtracted from on-demand GPUs
    in both scalings (peak: max(0, ceil(N) - c); hourly: max(0, A/max_u - c));
    a commitment whose `from` is before start counts only in its months inside
    the horizon.  Commitments are paid in full by a strategy whose effective
    route of any workload gives the option a share > 0 % (escalation and
    fallback are api-only, so they never count), even in months with no demand.
 6. Loans are computed per server (not pooled per month), on the purchase
    (order/payment) month j = service month - lead_time.  Every payment is the
    same P (the last is not adjusted for rounding; the ~1e-10 balance left
    after a term that ends inside the horizon is ignored).  Settlement happens
    only when j + term > M: the balance after month M's payment (after M's
    interest) is paid in M, principal only.  A financed hardware type's loans
    apply to every self_hosted option using that hardware.
 7. Capitalized one-time costs: their capex is in the `capex` line (and the
    summary `capex`), their depreciation in `depreciation` (so in P&L and the
    tax shield) and their book value in `terminal_value` (0 with
    `terminal_value: none`).  A one-time cost of the baseline counts too.
 8. Tax shield = tax_rate x P&L cost(m) month by month, with P&L cost(m) =
    api + rented + one_time + maintenance + power + colocation + staff +
    depreciation + interest (no floor at 0).  `total_pnl_cost` is summed line
    by line (as v1 did) rather than month by month: same value up to rounding.
 9. kwh_per_mtok_self_hosted: "null when that is zero" is read as the token
    denominator being zero.  Tokens are R x share x (input + output) of the
    requests routed to a self_hosted option in the months the option has >= 1
    server in service (escalated requests once, fallback months excluded).
    energy_kwh counts idle draw of servers in service even with no demand.
10. Staff: roles are summed in file order per month; a role paid by a strategy
    costs count(m) x cost(m) / 12 in every month of the horizon.
11. Commitment `gpu_hour` is not touched by the break-even price factor (only
    api prices are); `batch_discount` neither.
12. (Fixed after the Swift cross-check.)  "The fallback is needed when an option
    has demand in a month with no server in service" is judged at the forecast:
    a missing fallback is a model error only at volume factor 1.  A valid model
    whose tiny demand rounds to no server at a break-even factor such as 0.001
    used to stop this script with "fallback needed"; that traffic is now left
    unpriced, as in the Swift solver.
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

MONTH = re.compile(r'^\s*(\d{4})-(\d{2})\s*$')

def is_schedule(v):
    """A schedule: a map from months `YYYY-MM` to values."""
    return isinstance(v, dict) and len(v) > 0 and all(MONTH.match(str(k)) for k in v)

def is_whole_value(path):
    """Paths whose value replaces the base's as a whole even though it is a map:
    a `route` (model-format.md, `extends`), one scenario override value and one
    entry of `uncertainty.inputs`."""
    if path and path[-1] == 'route' and path[0] == 'strategies' and len(path) in (3, 5):
        return True
    if len(path) == 3 and path[:2] == ('uncertainty', 'inputs'):
        return True
    return len(path) == 3 and path[0] == 'scenarios'

def merge(base, over, path=()):
    """`extends`: maps merge key by key; a route, a schedule and a list are replaced
    whole; other values replace."""
    out = dict(base)
    for k, v in over.items():
        p = path + (k,)
        if isinstance(v, dict) and isinstance(out.get(k), dict) and not is_whole_value(p) \
                and not is_schedule(v) and not is_schedule(out[k]):
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
    (also a key left to its default, so missing maps along the way are created);
    a schedule or a list is replaced whole."""
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

# ---------------------------------------------------------------- schedules (calculations.md "Schedules")
def month_index(text, start, where):
    """`YYYY-MM` -> month number, `start` being month 1."""
    a, b = MONTH.match(str(text)), MONTH.match(str(start))
    if not a or not b or not 1 <= int(a.group(2)) <= 12:
        raise ModelError(f'{where}: expected a month YYYY-MM, got {text!r}')
    return (int(a.group(1)) - int(b.group(1))) * 12 + int(a.group(2)) - int(b.group(2)) + 1

def entries(raw, parse, start, where):
    """A single value or a schedule -> [(e, value)], e ascending, the first e = 1:
    the value is in force from month e.  The last month at or before start gives
    month 1's value (its month s counts as 1); earlier ones are unused."""
    if not is_schedule(raw):
        return [(1, parse(raw, where))]
    out, prev = [], None
    for k, v in raw.items():
        i = month_index(k, start, where)
        if prev is not None and i <= prev:
            raise ModelError(f'{where}: schedule months must be ascending, no month twice')
        prev = i
        val = parse(v, f'{where}.{k}')
        if i <= 1:
            out = [(1, val)]
        else:
            out.append((i, val))
    if not out or out[0][0] != 1:
        raise ModelError(f'{where}: the first month of a schedule must be start or earlier')
    return out

def in_force(ents, M):
    """[None, (e, value) in force in month 1, ..., in month M]."""
    res, j = [None] * (M + 1), 0
    for m in range(1, M + 1):
        while j + 1 < len(ents) and ents[j + 1][0] <= m:
            j += 1
        res[m] = ents[j]
    return res

def trend(ents, M):
    """T(1) = 1, T(m) = T(m-1) x f(m), f(j) from the rate in force in month j.
    Closed form per run of one rate: T(m) = T(a) x (1+x)^((m-a)/12), a = max(e-1, 1)
    (an effective annual rate spread evenly over months; a monthly rate gives
    (1+x)^(m-a)).  For a constant rate: (1+x)^((m-1)/12), exactly as in v1."""
    T = [1.0] * (M + 1)  # T[0] unused
    F = in_force(ents, M)
    for m in range(2, M + 1):
        e, (x, kind) = F[m]
        a = max(e - 1, 1)
        if kind == 'rate_year':
            T[m] = T[a] * (1 + x) ** ((m - a) / 12)
        else:
            T[m] = T[a] * (1 + x) ** (m - a)
    return T

def level(ents, T, M):
    """Per month v / T(s), to be multiplied by T(m): the value v x T(m) / T(s)."""
    return [None] + [v / T[s] for s, v in in_force(ents, M)[1:]]

def flat(ents, M):
    """A level without a rate: the value in force."""
    return [None] + [v for _, v in in_force(ents, M)[1:]]

# ---------------------------------------------------------------- model (defaults after overrides)
def build(doc):
    """Turn the merged, overridden raw document into numbers, applying the
    defaults table of model-format.md (calculations.md: defaults come last)."""
    cur, start = doc['currency'], str(doc['start'])
    U = unit_table(cur)

    def q(text, kinds, where):
        return qty(text, kinds, U, where)[0]

    M = q(doc['horizon'], ('months',), 'horizon')
    mdl = {'M': M, 'r': q(doc['discount_rate'], ('pct', 'rate_year'), 'discount_rate')}

    def ents(raw, kinds, where):
        return entries(raw, lambda t, wh: q(t, kinds, wh), start, where)

    def rate_T(raw, where):  # a rate of change (single or schedule, default 0%/year) -> trend
        e = entries('0%/year' if raw is None else raw,
                    lambda t, wh: qty(t, ('rate_year', 'rate_month'), U, wh), start, where)
        return trend(e, M)

    def month(text, where):
        return month_index(text, start, where)

    mdl['workloads'] = {}
    for name, w in doc['workloads'].items():
        p = 'workloads.' + name + '.'
        T = rate_T(w.get('growth'), p + 'growth')
        mdl['workloads'][name] = {
            'req': level(ents(w['requests'], ('vol_month',), p + 'requests'), T, M), 'T': T,
            'in': q(w['input_tokens'], ('n',), p + 'input_tokens'),
            'out': q(w['output_tokens'], ('n',), p + 'output_tokens'),
            'cached': q(w.get('cached_input', '0%'), ('pct',), p + 'cached_input'),
            'cw': q(w.get('cache_write', '0%'), ('pct',), p + 'cache_write'),
            'batch': q(w.get('batch', '0%'), ('pct',), p + 'batch'),
            'peak': q(w.get('peak_to_average', '1'), ('n',), p + 'peak_to_average')}
    hw = {}
    for name, h in (doc.get('hardware') or {}).items():
        p = 'hardware.' + name + '.'
        power = q(h['power'], ('kw',), p + 'power')
        mv, mk = qty(h.get('maintenance', '0%/year'), ('rate_year', 'rate_month'), U, p + 'maintenance')
        hw[name] = {
            'name': name,
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
        if o['kind'] in ('api', 'rented'):
            d['T'] = rate_T(o.get('price_change'), p + 'price_change')
        if o['kind'] == 'api':
            def price(key, default_key):  # default: the option's (scenario's own) price_input, schedule and all
                k = key if key in o else default_key
                return level(ents(o[k], ('per_mtok',), p + k), d['T'], M)
            d['pi'] = price('price_input', 'price_input')
            d['po'] = price('price_output', 'price_output')
            d['pc'] = price('price_cached_input', 'price_input')
            d['pw'] = price('price_cache_write', 'price_input')
            d['d'] = q(o.get('batch_discount', '0%'), ('pct',), p + 'batch_discount')
            lc = o.get('long_context')
            if lc is not None:
                lp = p + 'long_context.'
                pin = q(lc['price_input'], ('per_mtok',), lp + 'price_input')
                d['lc'] = {'above': q(lc['above'], ('n',), lp + 'above'), 'pi': pin,
                           'po': q(lc['price_output'], ('per_mtok',), lp + 'price_output'),
                           'pc': q(lc['price_cached_input'], ('per_mtok',), lp + 'price_cached_input')
                           if 'price_cached_input' in lc else pin,
                           'pw': q(lc['price_cache_write'], ('per_mtok',), lp + 'price_cache_write')
                           if 'price_cache_write' in lc else pin}
            else:
                d['lc'] = None
        else:
            d['decode'] = q(o['decode_throughput'], ('tok_s',), p + 'decode_throughput')
            d['prefill'] = q(o['prefill_throughput'], ('tok_s',), p + 'prefill_throughput')
            d['maxu'] = q(o['max_utilization'], ('pct',), p + 'max_utilization')
            if o['kind'] == 'rented':
                d['gh'] = level(ents(o['gpu_hour'], ('gpu_hour',), p + 'gpu_hour'), d['T'], M)
                d['scaling'] = o.get('scaling', 'peak')
                if d['scaling'] not in ('peak', 'hourly'):
                    raise ModelError(f'{p}scaling: expected peak or hourly, got {d["scaling"]!r}')
                d['commit'] = []
                for i, c in enumerate(o.get('commitments') or []):
                    cp = f'{p}commitments[{i}].'
                    first = month(c['from'], cp + 'from')
                    d['commit'].append({'gpus': q(c['gpus'], ('n',), cp + 'gpus'),
                                        'gh': q(c['gpu_hour'], ('gpu_hour',), cp + 'gpu_hour'),
                                        'first': first,
                                        'last': first + q(c['term'], ('months',), cp + 'term') - 1})
            else:
                d['hw'] = hw[o['hardware']]
        mdl['serving'][name] = d
    fac = doc.get('facility') or {}
    eT = rate_T(fac.get('electricity_change'), 'facility.electricity_change')
    mdl['facility'] = {
        'pue': q(fac.get('pue', '1'), ('n',), 'facility.pue'),
        'elec': level(ents(fac['electricity'], ('per_kwh',), 'facility.electricity'), eT, M)
        if 'electricity' in fac else [None] + [0.0] * M,
        'elecT': eT,
        'coloc': flat(ents(fac.get('colocation', '0 ' + cur + '/kW/month'),
                           ('per_kw_month',), 'facility.colocation'), M)}
    # calculations.md "Staff": sum of count(m) x cost(m) / 12 over the roles a strategy pays
    mdl['staff'] = []
    for role, s in (doc.get('staff') or {}).items():
        p = 'staff.' + role + '.'
        T = rate_T(s.get('cost_change'), p + 'cost_change')
        who = s.get('strategies', 'in_house')
        if isinstance(who, list):
            for n in who:
                if n not in doc['strategies']:
                    raise ModelError(f'{p}strategies: no strategy {n!r}')
        elif who not in ('in_house', 'all'):
            raise ModelError(f'{p}strategies: expected in_house, all or a list, got {who!r}')
        mdl['staff'].append({'count': flat(ents(s['count'], ('n',), p + 'count'), M),
                             'cost': level(ents(s['cost'], ('money_year',), p + 'cost'), T, M),
                             'T': T, 'who': who})

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
        one = []
        for oname, c in (st.get('one_time') or {}).items():
            op = f'{p}.one_time.{oname}.'
            j = month(c.get('month', start), op + 'month')
            if not 1 <= j <= M:
                raise ModelError(f'{op}month: {c.get("month")!r} is outside the horizon')
            one.append({'cost': q(c['cost'], ('money',), op + 'cost'), 'month': j,
                        'cap': q(c['capitalize'], ('months',), op + 'capitalize') if 'capitalize' in c else None})
        mdl['strategies'][name] = {'eff': eff, 'fallback': st.get('fallback'), 'one_time': one}
    fin = doc.get('finance') or {}
    tv = fin.get('terminal_value', 'book')
    if tv not in ('book', 'none'):
        raise ModelError(f'finance.terminal_value: expected book or none, got {tv!r}')
    loans = {}
    for hname, l in (fin.get('financing') or {}).items():
        lp = f'finance.financing.{hname}.'
        if hname not in hw:
            raise ModelError(f'{lp[:-1]}: no hardware {hname!r}')
        rate = q(l['rate'], ('pct', 'rate_year'), lp + 'rate')
        loans[hname] = {'share': q(l['loan'], ('pct',), lp + 'loan'),
                        'r': (1 + rate) ** (1 / 12) - 1,  # monthly rate of an effective annual rate
                        'term': q(l['term'], ('months',), lp + 'term')}
    mdl['finance'] = {'tax': q(fin.get('tax_rate', '0%'), ('pct',), 'finance.tax_rate'),
                      'book': tv == 'book', 'loans': loans}
    return mdl

# ---------------------------------------------------------------- solver
def ceil_tol(x):
    """Smallest integer n >= x - 1e-9 (calculations.md "GPU demand")."""
    return max(0, math.ceil(x - 1e-9))

def disc(mdl, m):
    return (1 + mdl['r']) ** (-m / 12)  # cash at the end of month m

def requests(mdl, w, m, vk):
    W = mdl['workloads'][w]
    return vk * W['req'][m] * W['T'][m]

def tokens(mdl):
    return [sum(requests(mdl, w, m, 1.0) * (W['in'] + W['out']) for w, W in mdl['workloads'].items())
            for m in range(1, mdl['M'] + 1)]

LINES = ['api', 'rented', 'capex', 'maintenance', 'power', 'colocation', 'staff',
         'residual', 'terminal_value', 'depreciation',
         'one_time', 'financing', 'interest', 'energy_kwh']

def loan(L, j, lo, M, fin, intr):
    """calculations.md "Loans": inflow L in month j, equal payments in j+1 .. j+term,
    interest on the balance before each payment, settlement of what is left in M."""
    r, term = lo['r'], lo['term']
    fin[j] -= L
    P = L / term if r == 0 else L * r / (1 - (1 + r) ** (-term))
    bal = L
    for t in range(j + 1, min(j + term, M) + 1):
        i = r * bal
        fin[t] += P
        intr[t] += i
        bal -= P - i
    if j + term > M:  # payments after M are not made: the balance is settled in M
        fin[M] += bal

def solve(mdl, sname, vk=1.0, pk=1.0):
    """Monthly lines of one strategy; vk scales volumes, pk scales every api price
    (the break-even factors)."""
    M, st, opts, fac, fin = mdl['M'], mdl['strategies'][sname], mdl['serving'], mdl['facility'], mdl['finance']
    L = {k: [0.0] * (M + 1) for k in LINES}  # index 0 unused: months are 1..M
    servers_total = [0] * (M + 1)
    eff = st['eff']
    inhouse = [k for k, o in opts.items() if o['kind'] != 'api']
    used = {k for route, _ in eff.values() for k in route}  # options with a share > 0 somewhere
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
                # batch requests run off-peak, at the average rate
                N[k][m] += g / S * ((1 - W['batch']) * W['peak'] + W['batch']) / o['maxu']
    # 2. rented GPUs: commitments (paid by strategies that use the option) plus on demand
    for k in inhouse:
        o = opts[k]
        if o['kind'] != 'rented':
            continue
        for m in range(1, M + 1):
            c = 0
            for cm in o['commit']:
                if cm['first'] <= m <= cm['last']:
                    c += cm['gpus']
                    if k in used:
                        L['rented'][m] += cm['gpus'] * cm['gh'] * H
            if o['scaling'] == 'peak':
                gpus = max(0, ceil_tol(N[k][m]) - c)
            else:  # hourly: autoscaled GPU-hours at max_utilization
                gpus = max(0.0, A[k][m] / o['maxu'] - c)
            L['rented'][m] += gpus * o['gh'][m] * H * o['T'][m]
    # 3. self-hosted fleets, one per option, perfect foresight (calculations.md "Fleet")
    in_service = {}
    for k in inhouse:
        o = opts[k]
        if o['kind'] != 'self_hosted':
            continue
        h = o['hw']
        lead, life, price, res = h['lead'], h['life'], h['price'], h['residual']
        lo = fin['loans'].get(h['name'])
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
            if lo is not None:  # each server's loan, from its purchase month
                loan(lo['share'] * price, t0 - lead, lo, M, L['financing'], L['interest'])
            last = t0 + life - 1
            if last <= M:  # residual in the last month of service (also when last == M)
                L['residual'][last] += res * price
            elif fin['book']:  # net book value after M - t0 + 1 months in service
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
            L['colocation'][m] += n * h['power'] * fac['coloc'][m]
            kwh = n * (h['idle'] + (h['power'] - h['idle']) * u) * H * fac['pue']
            L['energy_kwh'][m] += kwh
            L['power'][m] += kwh * fac['elec'][m] * fac['elecT'][m]
        in_service[k] = cnt
    # 4. api traffic: routed shares, escalation of in-house requests, fallback
    def api_cost(w, k, R, m):
        o, W = opts[k], mdl['workloads'][w]
        if o['kind'] != 'api':
            raise ModelError(f'{sname}: {k} is not an api option (escalation/fallback)')
        c, cw, b = W['cached'], W['cw'], W['batch']
        lc = o['lc']
        if lc is not None and W['in'] > lc['above']:  # long-context prices: v x T(m)
            pi, pc, pw, po = lc['pi'], lc['pc'], lc['pw'], lc['po']
        else:
            pi, pc, pw, po = o['pi'][m], o['pc'][m], o['pw'][m], o['po'][m]
        usd = R * W['in'] * ((1 - c - cw) * pi + c * pc + cw * pw) + R * W['out'] * po
        return usd / 1e6 * pk * o['T'][m] * (1 - b * o['d'])  # pk: break-even price factor

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
                            # A model error only at the forecast (calculations.md "Fleet"); in a
                            # break-even search (vk != 1) the traffic has nowhere to go and is not priced.
                            if vk == 1.0:
                                raise ModelError(f'strategies.{sname}: fallback needed for {k} in month {m}')
                            continue
                        L['api'][m] += api_cost(w, st['fallback'], R * s, m)
                    continue
                if esc and esc['rate'] > 0:  # in-house requests re-run in full on `to`
                    L['api'][m] += api_cost(w, esc['to'], R * s * esc['rate'], m)
    # 5. staff: every month, the roles this strategy pays
    inhouse_route = any(opts[k]['kind'] != 'api' for route, _ in eff.values() for k in route)
    paid = [r for r in mdl['staff']
            if (r['who'] == 'in_house' and inhouse_route) or r['who'] == 'all'
            or (isinstance(r['who'], list) and sname in r['who'])]
    if paid:
        for m in range(1, M + 1):
            L['staff'][m] = sum(r['count'][m] * (r['cost'][m] * r['T'][m]) / 12 for r in paid)
    # 6. one-time costs: expensed, or capitalized (capex, straight-line depreciation, book value)
    for c in st['one_time']:
        j, cost, D = c['month'], c['cost'], c['cap']
        if D is None:
            L['one_time'][j] += cost
            continue
        L['capex'][j] += cost
        for mm in range(j, min(M, j + D - 1) + 1):
            L['depreciation'][mm] += cost / D
        if j + D - 1 > M and fin['book']:
            L['terminal_value'][M] += cost * (1 - (M - j + 1) / D)
    # 7. totals, tax
    cost = [0.0] * (M + 1)
    shield = [0.0] * (M + 1)
    atc = [0.0] * (M + 1)
    for m in range(1, M + 1):
        cost[m] = sum(L[x][m] for x in ('api', 'rented', 'capex', 'one_time', 'maintenance', 'power',
                                        'colocation', 'staff', 'financing')) \
            - L['residual'][m] - L['terminal_value'][m]
        pnl = sum(L[x][m] for x in ('api', 'rented', 'one_time', 'maintenance', 'power', 'colocation',
                                    'staff', 'depreciation', 'interest'))
        shield[m] = fin['tax'] * pnl
        atc[m] = cost[m] - shield[m]
    out = {'cost': cost[1:], **{x: L[x][1:] for x in LINES}, 'servers': servers_total[1:],
           'tax_shield': shield[1:], 'after_tax_cost': atc[1:]}
    out['npv'] = sum(cost[m] * disc(mdl, m) for m in range(1, M + 1))
    out['npv_at'] = sum(atc[m] * disc(mdl, m) for m in range(1, M + 1))
    # kwh per Mtok: tokens routed to self-hosted options in months they have servers in service
    sh_tok = 0.0
    for w, (route, _) in eff.items():
        W = mdl['workloads'][w]
        for k, s in route.items():
            if opts[k]['kind'] == 'self_hosted':
                for m in range(1, M + 1):
                    if in_service[k][m] > 0:
                        sh_tok += requests(mdl, w, m, vk) * s * (W['in'] + W['out'])
    out['sh_tokens'] = sh_tok
    return out

MONTHLY = ['cost', 'api', 'rented', 'capex', 'maintenance', 'power', 'colocation', 'staff',
           'residual', 'terminal_value', 'depreciation', 'servers',
           'one_time', 'financing', 'interest', 'tax_shield', 'after_tax_cost', 'energy_kwh']

def summarize(mdl, r, toks):
    M = mdl['M']
    dtok = sum(toks[m - 1] * disc(mdl, m) for m in range(1, M + 1))
    pnl = sum(sum(r[x]) for x in ('api', 'rented', 'one_time', 'maintenance', 'power', 'colocation',
                                    'staff', 'depreciation', 'interest'))
    kwh = sum(r['energy_kwh'])
    return {
        'npv_cost': r['npv'], 'total_cost': sum(r['cost']), 'total_pnl_cost': pnl,
        'capex': sum(r['capex']), 'terminal_value': sum(r['terminal_value']),
        'levelized_cost_per_mtok': 1e6 * r['npv'] / dtok if dtok != 0 else None,
        'servers_max': max(r['servers']) if r['servers'] else 0,
        'npv_cost_after_tax': r['npv_at'],
        'energy_kwh': float(kwh),
        'kwh_per_mtok_self_hosted': 1e6 * kwh / r['sh_tokens'] if r['sh_tokens'] != 0 else None,
        'monthly': {k: (list(r[k]) if k == 'servers' else [float(v) for v in r[k]]) for k in MONTHLY}}

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
        return solve(mdl, s, vk, pk)['npv_at']  # comparisons are on cost after tax

    vol = break_even(lambda k: no_dearer(npv(x, k, 1.0), npv(base, k, 1.0)))
    pri = break_even(lambda k: no_dearer(npv(x, 1.0, k), npv(base, 1.0, k)))
    return {'npv_savings': rb['npv_at'] - rx['npv_at'],
            'payback_month': payback(rx['after_tax_cost'], rb['after_tax_cost']),
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
