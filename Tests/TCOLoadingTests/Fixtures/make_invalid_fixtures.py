# Regenerate with: python3 Tests/TCOLoadingTests/Fixtures/make_invalid_fixtures.py (prints the Swift table rows;
# two tokens are located by hand in InvalidModelTests: utilization-zero and boolean-yes).
# Generates one invalid fixture per class of bad input from valid/small.yaml.
import os, json
import pathlib
base_dir = str(pathlib.Path(__file__).parent)
base = open(f'{base_dir}/valid/small.yaml').read()
base = base.replace('# A small valid model: the starting point of every fixture in invalid/.\n', '')
cases = [
 # name, old, new, token-to-locate (in new file, nth occurrence 1), keypath, message fragment
 ('yaml-syntax', '    requests: 1M/month\n    growth', '    requests: 1M/month\n   growth', '   growth', '', 'YAML syntax error'),
 ('tab-indent', '    growth: 20%/year', '\tgrowth: 20%/year', '\tgrowth', '', 'tab character'),
 ('duplicate-key', '    cached_input: 20%\n', '    cached_input: 20%\n    growth: 30%/year\n', 'growth: 30', 'workloads.chat.growth', "written twice"),
 ('unknown-top-key', 'horizon: 3 years', 'horizn: 3 years', 'horizn', 'horizn', "did you mean 'horizon'"),
 ('unknown-workload-key', '    output_tokens: 200', '    outputs_tokens: 200', 'outputs_tokens', 'workloads.chat.outputs_tokens', "did you mean 'output_tokens'"),
 ('missing-required-key', '    input_tokens: 2000\n', '', 'claims:\n', 'workloads.claims.input_tokens', "missing required key 'input_tokens'"),
 ('missing-kind', '  private-api:\n    kind: api\n', '  private-api:\n', 'private-api:\n', 'serving.private-api.kind', "missing required key 'kind'"),
 ('unknown-kind', '    kind: self_hosted', '    kind: self-hosted', 'self-hosted', 'serving.slm.kind', "did you mean 'self_hosted'"),
 ('rate-without-unit', 'growth: 20%/year', 'growth: 20', '20\n', 'workloads.chat.growth', "expected a rate per year such as '40%/year', got '20'"),
 ('wrong-dimension', 'price: 250k USD', 'price: 10 kW', '10 kW', 'hardware.gpu-server.price', "expected an amount of money"),
 ('foreign-currency', 'price: 250k USD', 'price: 250k EUR', '250k EUR', 'hardware.gpu-server.price', "the model's currency is USD"),
 ('unknown-unit', 'price_input: 3 USD/Mtok', 'price_input: 3 USD/Mtk', '3 USD/Mtk', 'serving.frontier.price_input', "did you mean 'USD/Mtok'"),
 ('negative-amount', 'requests: 1M/month', 'requests: -1M/month', '-1M/month', 'workloads.chat.requests', "must not be negative"),
 ('nan-amount', 'input_tokens: 1000', 'input_tokens: .nan', '.nan', 'workloads.chat.input_tokens', "is not a number"),
 ('infinite-amount', 'price: 250k USD', 'price: .inf USD', '.inf USD', 'hardware.gpu-server.price', "is not a number"),
 ('share-above-100', 'cached_input: 20%', 'cached_input: 120%', '120%', 'workloads.chat.cached_input', "from 0% to 100%"),
 ('utilization-zero', '    prefill_throughput: 24000 tok/s\n    max_utilization: 70%\n  rented', '    prefill_throughput: 24000 tok/s\n    max_utilization: 0%\n  rented', '0%', 'serving.slm.max_utilization', "above 0% and at most 100%"),
 ('residual-100', 'residual: 10%', 'residual: 100%', '100%\n', 'hardware.gpu-server.residual', "below 100%"),
 ('route-shares-sum', 'route: {slm: 80%, frontier: 20%}', 'route: {slm: 80%, frontier: 30%}', '{slm: 80%, frontier: 30%}', 'strategies.hybrid.route', "add up to 110%, not 100%"),
 ('unknown-route-option', 'route: {slm: 80%, frontier: 20%}', 'route: {slm: 80%, frontierr: 20%}', '20%}', 'strategies.hybrid.route.frontierr', "did you mean 'frontier'"),
 ('unknown-hardware', 'hardware: gpu-server', 'hardware: gpu-servr', 'gpu-servr', 'serving.slm.hardware', "did you mean 'gpu-server'"),
 ('baseline-not-strategy', 'baseline: buy', 'baseline: buyy', 'buyy', 'baseline', "did you mean 'buy'"),
 ('sensitive-route', "claims: {route: {private-api: 100%}}", "claims: {route: {frontier: 100%}}", '100%}}', 'strategies.buy.workloads.claims.route', "sensitive workload 'claims'"),
 ('sensitive-escalation', 'escalation: {rate: 5%, to: private-api}', 'escalation: {rate: 5%, to: frontier}', 'frontier}\n  rent', 'strategies.hybrid.workloads.claims.escalation.to', "escalates to 'frontier'"),
 ('sensitive-fallback', 'fallback: private-api', 'fallback: frontier', 'frontier\n    workloads', 'strategies.hybrid.fallback', "fall back to 'frontier'"),
 ('escalation-to-non-api', 'escalation: {rate: 10%, to: frontier}', 'escalation: {rate: 10%, to: rented-slm}', 'rented-slm}', 'strategies.hybrid.escalation.to', "must be an api option"),
 ('missing-fallback', '    fallback: private-api\n', '', 'hybrid:', 'strategies.hybrid', "has no fallback"),
 ('horizon-too-long', 'horizon: 3 years', 'horizon: 31 years', '31 years', 'horizon', "from 1 month to 30 years"),
 ('horizon-zero', 'horizon: 3 years', 'horizon: 0 months', '0 months', 'horizon', "from 1 month to 30 years"),
 ('life-zero', 'life: 4 years', 'life: 0 months', '0 months', 'hardware.gpu-server.life', "at least 1 month"),
 ('fractional-months', 'lead_time: 2 months', 'lead_time: 1.3 months', '1.3 months', 'hardware.gpu-server.lead_time', "not a whole number of months"),
 ('boolean-yes', 'sensitive: true', 'sensitive: yes', 'yes', 'workloads.claims.sensitive', "expected true or false"),
 ('gpus-fraction', 'gpus: 8', 'gpus: 7.5', '7.5', 'hardware.gpu-server.gpus', "whole number"),
 ('discount-monthly', 'discount_rate: 9%', 'discount_rate: 1%/month', '1%/month', 'discount_rate', "expected a percentage"),
 ('idle-above-power', 'idle_power: 3 kW', 'idle_power: 12 kW', '12 kW', 'hardware.gpu-server.idle_power', "idle power must be from 0 kW"),
 ('invalid-name', '  chat:\n', '  chat bot:\n', 'chat bot', 'workloads.chat bot', "not a valid name"),
 ('rate-below-minus-100', 'growth: 20%/year', 'growth: -100%/year', '-100%/year', 'workloads.chat.growth', "above -100%/year"),
 ('escalation-missing-to', 'escalation: {rate: 10%, to: frontier}', 'escalation: {rate: 10%}', '{rate: 10%}', 'strategies.hybrid.escalation.to', "missing required key 'to'"),
 ('bad-start', 'start: 2027-01', 'start: 2027-13', '2027-13', 'start', "YYYY-MM"),
 ('missing-electricity', '  electricity: 0.1 USD/kWh\n', '', 'facility:', 'facility.electricity', "needs the electricity price"),
 ('peak-below-one', 'peak_to_average: 2', 'peak_to_average: 0.5', '0.5', 'workloads.chat.peak_to_average', "at least 1"),
 ('scenario-unknown-path', 'serving.frontier.price_change: -40%/year', 'serving.frontir.price_change: -40%/year', 'serving.frontir', 'scenarios.price-war.serving.frontir.price_change', "did you mean 'frontier'"),
 ('scenario-wrong-dimension', 'serving.frontier.price_change: -40%/year', 'facility.electricity: 0.16 USD/kW/month', '0.16 USD/kW/month', 'scenarios.price-war.facility.electricity', "expected a price of energy"),
 ('scenario-not-overridable', 'serving.frontier.price_change: -40%/year', 'horizon: 10 years', 'horizon: 10', 'scenarios.price-war.horizon', "cannot be overridden"),
 ('scenario-named-base', '  price-war:\n', '  base:\n', 'base:', 'scenarios.base', "no scenario may be called 'base'"),
 ('scenario-route-share', 'serving.frontier.price_change: -40%/year', 'strategies.hybrid.route.slm: 90%', 'strategies.hybrid.route.slm', 'scenarios.price-war.strategies.hybrid.route.slm', "single share inside a route"),
 ('scenario-missing-block', 'serving.frontier.price_change: -40%/year', 'strategies.rent.workloads.chat.route: {frontier: 100%}', 'strategies.rent.workloads.chat', 'scenarios.price-war.strategies.rent.workloads.chat.route', "has no settings for workload 'chat'"),
 ('scenario-breaks-sensitive', 'serving.frontier.price_change: -40%/year', 'serving.private-api.private: false', '100%}}', 'strategies.buy.workloads.claims.route', "(in scenario 'price-war')"),
 ('extends-missing-file', 'model: Fixture model\n', 'extends: nowhere.yaml\nmodel: Fixture model\n', 'nowhere.yaml', 'extends', "does not exist"),
 # Version 2 rules.
 ('schedule-unordered', '    requests: 1M/month\n    growth', '    requests: {2027-01: 1M/month, 2028-06: 2M/month, 2028-01: 3M/month}\n    growth', '2028-01: 3M', 'workloads.chat.requests.2028-01', "ascending order"),
 ('schedule-month-twice', '    requests: 1M/month\n    growth', '    requests:\n      2027-01: 1M/month\n      2027-01: 2M/month\n    growth', '2027-01: 2M', 'workloads.chat.requests.2027-01', "written twice"),
 ('schedule-starts-late', '    requests: 1M/month\n    growth', '    requests: {2027-06: 1M/month}\n    growth', '2027-06', 'workloads.chat.requests.2027-06', "after the model's start"),
 ('schedule-bad-month', 'growth: 20%/year', 'growth: {2027-01: 20%/year, mid-2028: 10%/year}', 'mid-2028', 'workloads.chat.growth.mid-2028', "is not a month"),
 ('schedule-value-wrong-unit', 'growth: 20%/year', 'growth: {2027-01: 20%/year, 2028-01: 10}', '10}', 'workloads.chat.growth.2028-01', "expected a rate per year"),
 ('schedule-not-schedulable', 'input_tokens: 1000', 'input_tokens: {2027-01: 1000, 2028-01: 1500}', '{2027-01: 1000', 'workloads.chat.input_tokens', "takes one value for the whole horizon"),
 ('cache-shares-above-100', '    cached_input: 20%\n', '    cached_input: 20%\n    cache_write: 90%\n', '90%', 'workloads.chat.cache_write', "more than 100%"),
 ('batch-above-100', '    cached_input: 20%\n', '    cached_input: 20%\n    batch: 120%\n', '120%', 'workloads.chat.batch', "from 0% to 100%"),
 ('long-context-missing-above', '    price_cached_input: 0.3 USD/Mtok\n', '    price_cached_input: 0.3 USD/Mtok\n    long_context: {price_input: 6 USD/Mtok, price_output: 22.5 USD/Mtok}\n', 'long_context', 'serving.frontier.long_context.above', "missing required key 'above'"),
 ('scaling-unknown', '    gpu_hour: 2.4 USD/GPU-hour\n', '    gpu_hour: 2.4 USD/GPU-hour\n    scaling: autoscale\n', 'autoscale', 'serving.rented-slm.scaling', "expected 'peak' or 'hourly'"),
 ('commitments-not-list', '    gpu_hour: 2.4 USD/GPU-hour\n', '    gpu_hour: 2.4 USD/GPU-hour\n    commitments: none\n', 'none', 'serving.rented-slm.commitments', "expected a list of commitments"),
 ('commitment-fractional-gpus', '    gpu_hour: 2.4 USD/GPU-hour\n', '    gpu_hour: 2.4 USD/GPU-hour\n    commitments: [{gpus: 2.5, gpu_hour: 1.9 USD/GPU-hour, from: 2027-01, term: 1 year}]\n', '2.5', 'serving.rented-slm.commitments[1].gpus', "whole number"),
 ('commitment-missing-term', '    gpu_hour: 2.4 USD/GPU-hour\n', '    gpu_hour: 2.4 USD/GPU-hour\n    commitments: [{gpus: 4, gpu_hour: 1.9 USD/GPU-hour, from: 2027-01}]\n', '{gpus: 4', 'serving.rented-slm.commitments[1].term', "missing required key 'term'"),
 ('staff-unknown-strategy', 'engineer: {count: 1.5, cost: 200k USD/year}', 'engineer: {count: 1.5, cost: 200k USD/year, strategies: [hybrd]}', 'hybrd', 'staff.engineer.strategies', "did you mean 'hybrid'"),
 ('staff-strategies-word', 'engineer: {count: 1.5, cost: 200k USD/year}', 'engineer: {count: 1.5, cost: 200k USD/year, strategies: hybrid}', 'hybrid}', 'staff.engineer.strategies', "expected 'in_house', 'all' or a list"),
 ('one-time-outside-horizon', '    fallback: private-api\n', '    fallback: private-api\n    one_time:\n      fine-tuning: {cost: 100k USD, month: 2030-01}\n', '2030-01', 'strategies.hybrid.one_time.fine-tuning.month', "outside the horizon"),
 ('one-time-capitalize-zero', '    fallback: private-api\n', '    fallback: private-api\n    one_time:\n      platform: {cost: 100k USD, capitalize: 0 months}\n', '0 months', 'strategies.hybrid.one_time.platform.capitalize', "at least 1 month"),
 ('financing-not-hardware', 'baseline: buy\n', 'baseline: buy\n\nfinance:\n  financing:\n    gpu-servr: {loan: 80%, rate: 7%/year, term: 3 years}\n', 'gpu-servr', 'finance.financing.gpu-servr', "did you mean 'gpu-server'"),
 ('loan-rate-monthly', 'baseline: buy\n', 'baseline: buy\n\nfinance:\n  financing:\n    gpu-server: {loan: 80%, rate: 0.6%/month, term: 3 years}\n', '0.6%/month', 'finance.financing.gpu-server.rate', "effective annual rate"),
 ('terminal-value-word', 'baseline: buy\n', 'baseline: buy\n\nfinance:\n  terminal_value: market\n', 'market', 'finance.terminal_value', "expected 'book' or 'none'"),
 ('tax-rate-above-100', 'baseline: buy\n', 'baseline: buy\n\nfinance:\n  tax_rate: 125%\n', '125%', 'finance.tax_rate', "from 0% to 100%"),
 ('scenario-schedule-month', 'serving.frontier.price_change: -40%/year', 'workloads.chat.requests.2028-01: 2M/month', 'workloads.chat.requests.2028', 'scenarios.price-war.workloads.chat.requests.2028-01', "one month of a schedule"),
 ('scenario-missing-one-time', 'serving.frontier.price_change: -40%/year', 'strategies.hybrid.one_time.fine-tuning.cost: 200k USD', 'strategies.hybrid.one_time', 'scenarios.price-war.strategies.hybrid.one_time.fine-tuning.cost', "has no one-time cost 'fine-tuning'"),
 ('scenario-missing-loan', 'serving.frontier.price_change: -40%/year', 'finance.financing.gpu-server.rate: 5%/year', 'finance.financing', 'scenarios.price-war.finance.financing.gpu-server.rate', "no loan for 'gpu-server'"),
 ('scenario-missing-long-context', 'serving.frontier.price_change: -40%/year', 'serving.frontier.long_context.price_input: 5 USD/Mtok', 'serving.frontier.long_context', 'scenarios.price-war.serving.frontier.long_context.price_input', "no long_context map here"),
 ('duration-too-long', 'life: 4 years', 'life: 99999999999999999999999 years', '99999999999999999999999', 'hardware.gpu-server.life', "at most 1,000 years"),
 ('scenario-commitment-entry', 'serving.frontier.price_change: -40%/year', 'serving.rented-slm.commitments.1.gpus: 4', 'serving.rented-slm.commitments', 'scenarios.price-war.serving.rented-slm.commitments.1.gpus', "part of a list"),
]
rows = []
for name, old, new, token, keypath, fragment in cases:
    assert old in base, name
    text = base.replace(old, new, 1)
    with open(f'{base_dir}/invalid/{name}.yaml', 'w') as f:
        f.write(f'# Invalid on purpose: {name}\n' + text)
    text = f'# Invalid on purpose: {name}\n' + text
    if token is None:
        line, col = 0, 0
    else:
        i = text.index(token)
        if name == 'yaml-syntax': i += 3
        line = text[:i].count('\n') + 1
        col = i - (text.rfind('\n', 0, i) + 1) + 1
    rows.append((name, name, line, col, keypath, fragment))
# extends loop: two files
open(f'{base_dir}/invalid/extends-loop-a.yaml','w').write('# Invalid on purpose: extends-loop (a extends b extends a)\nextends: extends-loop-b.yaml\nmodel: Loop A\n')
open(f'{base_dir}/invalid/extends-loop-b.yaml','w').write('# Invalid on purpose: extends-loop (b extends a)\nextends: extends-loop-a.yaml\nmodel: Loop B\n')
rows.append(('extends-loop-a', 'extends-loop-b', 2, 10, 'extends', 'makes a loop'))
def q(x): return '"' + x.replace('\\','\\\\').replace('"','\\"') + '"'
for r in rows:
    print(f'        Bad({q(r[0])}, in: {q(r[1])}, line: {r[2]}, column: {r[3]}, key: {q(r[4])}, says: {q(r[5])}),')
