extension ModelKey {
    /// Every key of the model format (version 1.1), place by place, in the order the docs show them.
    public static let all: [ModelKey] = top + workload + serving + hardware + facility + staff + strategy

    private static func key(
        _ place: Place, _ name: String, _ form: Form, required: Bool = false, default value: String? = nil,
        range: String? = nil, example: String, _ summary: String
    ) -> ModelKey {
        ModelKey(place: place, name: name, form: form, isRequired: required, defaultValue: value, range: range,
                 example: example, summary: summary)
    }

    private static let rateOfChange: Form = .quantity([.ratePerYear, .ratePerMonth])
    private static let aboveMinus100 = "above -100%/year (or -100%/month)"

    private static let top: [ModelKey] = [
        key(.top, "model", .text, required: true, example: "Support copilot — build vs buy",
            "Title shown on the workbook, the memo and the tables."),
        key(.top, "currency", .currencyCode, required: true, example: "USD",
            "ISO code of the currency every amount of the model is written in."),
        key(.top, "start", .month, required: true, example: "2027-01", "First month of the timeline, YYYY-MM."),
        key(.top, "horizon", .quantity([.duration]), required: true, range: "1 month to 30 years",
            example: "5 years", "Length of the timeline, in whole months."),
        key(.top, "discount_rate", .quantity([.percent, .ratePerYear]), required: true, range: "0% to 100%",
            example: "9%", "Annual cost of capital used to discount monthly cash flows (effective annual rate)."),
        key(.top, "extends", .text, example: "support-copilot.yaml",
            "Path of a base model file, relative to this file; this file's keys override the base's."),
        key(.top, "workloads", .map, required: true, example: "{support-chat: {...}}",
            "The AI workloads: name → requests and tokens."),
        key(.top, "serving", .map, required: true, example: "{frontier: {kind: api, ...}}",
            "Ways to serve requests: name → api, self_hosted or rented option."),
        key(.top, "hardware", .map, default: "none", example: "{h100-server: {...}}",
            "Server types bought for self_hosted options: name → price, power, life."),
        key(.top, "facility", .map, default: "none", example: "{electricity: 0.11 USD/kWh}",
            "Power and space costs of owned servers; required with electricity when a self_hosted option exists."),
        key(.top, "staff", .map, default: "none", example: "{ml-platform-engineer: {count: 2, cost: 220k USD/year}}",
            "The team that runs in-house serving: role → headcount and cost."),
        key(.top, "strategies", .map, required: true, example: "{buy: {route: {frontier: 100%}}}",
            "The options compared: name → route of requests to serving options."),
        key(.top, "baseline", .reference, required: true, example: "buy",
            "The strategy every other one is compared against (savings, payback, break-even)."),
        key(.top, "scenarios", .map, default: "none", example: "{price-war: {serving.frontier.price_change: -50%/year}}",
            "Named what-ifs: scenario → dotted key paths and the values they take instead."),
    ]

    private static let workload: [ModelKey] = [
        key(.workload, "requests", .quantity([.perMonth]), required: true, range: "at least 0",
            example: "1.2M/month", "Requests in the first month (`/day` is converted at 365/12 days a month)."),
        key(.workload, "growth", rateOfChange, default: "0%/year", range: aboveMinus100, example: "40%/year",
            "Growth of requests, an effective annual rate spread evenly over the months."),
        key(.workload, "input_tokens", .quantity([.number]), required: true, range: "at least 0", example: "1800",
            "Input (prompt) tokens per request."),
        key(.workload, "output_tokens", .quantity([.number]), required: true, range: "at least 0", example: "350",
            "Output (generated) tokens per request."),
        key(.workload, "cached_input", .quantity([.percent]), default: "0%", range: "0% to 100%", example: "30%",
            "Share of input tokens an API bills at its cached-input price."),
        key(.workload, "peak_to_average", .quantity([.number]), default: "1", range: "at least 1", example: "2.5",
            "Peak-hour load over average load; GPUs are sized for the peak."),
        key(.workload, "sensitive", .boolean, default: "false", example: "false",
            "true: only self_hosted, rented or private api options may serve it."),
    ]

    private static let serving: [ModelKey] = [
        key(.api, "kind", .word(["api", "self_hosted", "rented"]), required: true, example: "api",
            "How the option serves: api (billed per token), self_hosted (own servers) or rented (GPU-hours)."),
        key(.api, "price_input", .quantity([.pricePerMillionTokens]), required: true, range: "at least 0",
            example: "3 USD/Mtok", "Price per million input tokens."),
        key(.api, "price_output", .quantity([.pricePerMillionTokens]), required: true, range: "at least 0",
            example: "15 USD/Mtok", "Price per million output tokens."),
        key(.api, "price_cached_input", .quantity([.pricePerMillionTokens]), default: "the option's price_input",
            range: "at least 0", example: "0.30 USD/Mtok", "Price per million cached input tokens."),
        key(.api, "price_change", rateOfChange, default: "0%/year", range: aboveMinus100, example: "-20%/year",
            "Change of every price of the option, an effective annual rate."),
        key(.api, "private", .boolean, default: "false", example: "false",
            "true: a private deployment (e.g. in the company's cloud tenancy) that may serve sensitive workloads."),

        key(.selfHosted, "kind", .word(["api", "self_hosted", "rented"]), required: true, example: "self_hosted",
            "How the option serves."),
        key(.selfHosted, "hardware", .reference, required: true, example: "h100-server",
            "The server type (under hardware) bought for this option."),
        key(.selfHosted, "decode_throughput", .quantity([.throughput]), required: true, range: "above 0",
            example: "2400 tok/s", "Output tokens a GPU generates per second at full load."),
        key(.selfHosted, "prefill_throughput", .quantity([.throughput]), required: true, range: "above 0",
            example: "24000 tok/s", "Input tokens a GPU processes per second at full load."),
        key(.selfHosted, "max_utilization", .quantity([.percent]), required: true, range: "above 0% to 100%",
            example: "70%", "Highest share of GPU time planned at peak (headroom for latency and failures)."),

        key(.rented, "kind", .word(["api", "self_hosted", "rented"]), required: true, example: "rented",
            "How the option serves."),
        key(.rented, "gpu_hour", .quantity([.pricePerGPUHour]), required: true, range: "at least 0",
            example: "2.40 USD/GPU-hour", "Price of one rented GPU for one hour."),
        key(.rented, "decode_throughput", .quantity([.throughput]), required: true, range: "above 0",
            example: "2400 tok/s", "Output tokens a GPU generates per second at full load."),
        key(.rented, "prefill_throughput", .quantity([.throughput]), required: true, range: "above 0",
            example: "24000 tok/s", "Input tokens a GPU processes per second at full load."),
        key(.rented, "max_utilization", .quantity([.percent]), required: true, range: "above 0% to 100%",
            example: "70%", "Highest share of GPU time planned at peak."),
        key(.rented, "price_change", rateOfChange, default: "0%/year", range: aboveMinus100, example: "-15%/year",
            "Change of the GPU-hour price, an effective annual rate."),
    ]

    private static let hardware: [ModelKey] = [
        key(.hardware, "gpus", .quantity([.number]), required: true, range: "a whole number, at least 1",
            example: "8", "GPUs in one server."),
        key(.hardware, "price", .quantity([.money]), required: true, range: "at least 0", example: "280k USD",
            "Purchase price of one server (capex)."),
        key(.hardware, "power", .quantity([.power]), required: true, range: "above 0", example: "10.2 kW",
            "Power one server draws at full load."),
        key(.hardware, "idle_power", .quantity([.power]), default: "equal to power", range: "0 to power",
            example: "3 kW", "Power one server draws when idle."),
        key(.hardware, "life", .quantity([.duration]), required: true, range: "at least 1 month",
            example: "4 years", "Useful life: straight-line depreciation period and replacement age."),
        key(.hardware, "residual", .quantity([.percent]), default: "0%", range: "0% to below 100%",
            example: "10%", "Resale value at the end of life, as a share of price."),
        key(.hardware, "maintenance", .quantity([.ratePerYear, .ratePerMonth]), default: "0%/year",
            range: "at least 0", example: "8%/year", "Yearly support and maintenance, as a share of price."),
        key(.hardware, "lead_time", .quantity([.duration]), default: "0 months", range: "at least 0",
            example: "3 months", "Months from order (and payment) to the server being in service."),
    ]

    private static let facility: [ModelKey] = [
        key(.facility, "pue", .quantity([.number]), default: "1", range: "at least 1", example: "1.3",
            "Power usage effectiveness: facility power over IT power."),
        key(.facility, "electricity", .quantity([.pricePerKilowattHour]), range: "at least 0",
            example: "0.11 USD/kWh", "Price of electricity; required when a self_hosted option exists."),
        key(.facility, "electricity_change", rateOfChange, default: "0%/year", range: aboveMinus100,
            example: "3%/year", "Change of the electricity price, an effective annual rate."),
        key(.facility, "colocation", .quantity([.pricePerKilowattMonth]), default: "0 USD/kW/month",
            range: "at least 0", example: "180 USD/kW/month", "Rack space, per kW of full-load power per month."),
    ]

    private static let staff: [ModelKey] = [
        key(.staffRole, "count", .quantity([.number]), required: true, range: "at least 0", example: "2",
            "Full-time equivalents in the role."),
        key(.staffRole, "cost", .quantity([.moneyPerYear]), required: true, range: "at least 0",
            example: "220k USD/year", "Fully loaded cost of one full-time equivalent (`USD/month` is × 12)."),
    ]

    private static let strategy: [ModelKey] = [
        key(.strategy, "route", .route, required: true, range: "shares add up to 100%",
            example: "{slm-8b: 80%, frontier: 20%}", "Share of every workload's requests sent to each option."),
        key(.strategy, "escalation", .escalation, default: "none", example: "{rate: 10%, to: frontier}",
            "Share of in-house requests re-sent to an api option (hard cases), or none."),
        key(.strategy, "workloads", .map, default: "none", example: "{claims: {route: {slm-8b: 100%}}}",
            "Per-workload route or escalation that replaces the strategy's own."),
        key(.strategy, "fallback", .reference, default: "none", example: "frontier",
            "An api option that serves self-hosted demand while servers are not yet in service."),
        key(.strategyWorkload, "route", .route, example: "{slm-8b: 100%}",
            "This workload's own route (replaces the strategy's route)."),
        key(.strategyWorkload, "escalation", .escalation, example: "none",
            "This workload's own escalation, or none."),
        key(.escalation, "rate", .quantity([.percent]), required: true, range: "0% to 100%", example: "10%",
            "Share of in-house requests that are escalated."),
        key(.escalation, "to", .reference, required: true, example: "frontier", "The api option that serves them."),
    ]
}
