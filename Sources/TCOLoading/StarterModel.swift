/// The commented starter model that `tco init` writes: every section, each value with what it
/// means and where a finance team finds its source. It is a valid model (a test loads it).
public enum StarterModel {
    /// The file's text.
    public static let text = #"""
# TokenTCO model file — a starter. Replace every figure with your own and its "TODO: …" comment
# with its source ("# vendor quote 2026-11-02", "# assumption: …"): the memo lists each value
# with the comment at the end of its line as its source, and names the figures still marked TODO.
# Format reference: docs/model-format.md in the TokenTCO repository. Check with: tco check FILE
# Editor completion: run `tco schema > model.schema.json` next to this file; the line below
# points the YAML language server at it.
# yaml-language-server: $schema=model.schema.json

model: My AI assistant — API vs own GPUs vs rented GPUs   # title on the workbook and memo
currency: USD              # every amount below is in this currency (ISO code)
start: 2027-01             # first month of the timeline (YYYY-MM)
horizon: 5 years           # length of the timeline, whole months (1 month to 30 years)
discount_rate: 10%         # TODO: your finance team's cost of capital (WACC or hurdle rate), effective per year

workloads:                 # what the AI does: one entry per use case
  assistant:
    requests: 2M/month     # TODO: requests in the first month: product analytics or a pilot's logs
    growth: 30%/year       # TODO: yearly growth of requests: the product plan
    input_tokens: 2000     # TODO: prompt tokens per request (system prompt + context + question): pilot logs
    output_tokens: 300     # TODO: generated tokens per request: pilot logs
    cached_input: 40%      # TODO: share of input tokens billed at the API's cached price (stable prompt prefix)
    peak_to_average: 2     # TODO: busiest hour over the average hour: traffic dashboards
    sensitive: false       # true: data that may not leave the company (only in-house or private APIs)

serving:                   # ways to serve a request
  frontier:                # a frontier model billed per token
    kind: api
    price_input: 3 USD/Mtok            # TODO: provider's price page, per million input tokens (note the date read)
    price_output: 15 USD/Mtok          # TODO: provider's price page, per million output tokens
    price_cached_input: 0.30 USD/Mtok  # TODO: provider's price page, cache-read price
    price_change: -15%/year            # TODO: expected yearly change of list prices: price history of the model family
    private: false                     # true: a private endpoint allowed to serve sensitive workloads
  small-model:             # an open model on servers you buy
    kind: self_hosted
    hardware: gpu-server               # the server type below that this option runs on
    decode_throughput: 3000 tok/s      # TODO: output tokens per GPU per second: vendor benchmarks or your load test
    prefill_throughput: 30000 tok/s    # TODO: input tokens per GPU per second: vendor benchmarks or your load test
    max_utilization: 60%               # TODO: planned busiest share of GPU time (head-room for latency): SRE team
  rented-gpus:             # the same open model on GPUs rented by the hour
    kind: rented
    gpu_hour: 2.50 USD/GPU-hour        # TODO: GPU cloud price list or quote, per GPU per hour
    decode_throughput: 3000 tok/s      # TODO: as for small-model
    prefill_throughput: 30000 tok/s    # TODO: as for small-model
    max_utilization: 60%               # TODO: as for small-model
    price_change: -10%/year            # TODO: expected yearly change of the hourly price: GPU price indices

hardware:                  # servers you buy (capex)
  gpu-server:
    gpus: 8                # TODO: GPUs per server: vendor specification
    price: 280k USD        # TODO: price of one server, installed: vendor or reseller quote
    power: 10.2 kW         # TODO: power at full load: vendor specification
    idle_power: 3 kW       # TODO: power when idle: vendor specification or measurement
    life: 4 years          # TODO: depreciation life and replacement age: your accounting policy
    residual: 10%          # TODO: resale value at end of life, share of price: used-equipment market or broker quote
    maintenance: 8%/year   # TODO: support contract per year, share of price: vendor quote
    lead_time: 3 months    # TODO: from order (and payment) to service: vendor quote

facility:                  # where bought servers run
  pue: 1.4                 # TODO: facility power over IT power: the data centre's published PUE
  electricity: 0.10 USD/kWh         # TODO: your electricity tariff or the colocation's pass-through rate
  electricity_change: 3%/year       # TODO: expected yearly change of the tariff: energy statistics (e.g. EIA)
  colocation: 190 USD/kW/month      # TODO: rack space per kW of full-load power: colocation quote or market report

staff:                     # people needed to run serving in-house (paid by strategies that use own or rented GPUs)
  ml-platform-engineer: {count: 2, cost: 240k USD/year}   # TODO: full-time equivalents and fully loaded cost each: HR

strategies:                # the options the CFO compares
  buy:                     # everything on the frontier API
    route: {frontier: 100%}                    # every request goes to the frontier API
  hybrid:                  # most requests on the small model, hard cases to the frontier API
    route: {small-model: 80%, frontier: 20%}   # TODO: share of requests to each option (adds up to 100%)
    escalation: {rate: 10%, to: frontier}      # TODO: share of in-house answers re-run on the API: evaluation results
    fallback: frontier     # serves in-house traffic until the servers arrive (lead time)
  rent:                    # the same split on rented GPUs: no capex, no lead time
    route: {rented-gpus: 80%, frontier: 20%}   # TODO: as hybrid, on rented GPUs
    escalation: {rate: 10%, to: frontier}      # TODO: as hybrid
baseline: buy              # the strategy the others are compared against

scenarios:                 # what-ifs: dotted paths to the values that change
  price-war:               # frontier prices fall much faster
    serving.frontier.price_change: -40%/year   # assumption: list prices fall 40 % a year
  high-growth:             # adoption doubles the growth
    workloads.assistant.growth: 60%/year       # assumption: twice the planned growth

uncertainty:               # how sure is the choice? the ranges you believe in; `tco simulate` draws them
  runs: 10000              # more runs, steadier shares
  seed: 1                  # the same seed gives the same results
  inputs:                  # each: low to high (uniform), or triangular(low, most likely, high)
    workloads.assistant.growth: 10%/year to 50%/year                 # TODO: around the product plan's 30 %
    serving.frontier.price_change: -40%/year to -5%/year             # TODO: price history of the model family
    serving.small-model.decode_throughput: triangular(2000 tok/s, 3000 tok/s, 3600 tok/s)   # TODO: your load test
"""#
}
