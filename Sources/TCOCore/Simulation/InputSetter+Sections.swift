extension InputSetter {
    /// Prices, throughputs and rates of a serving option (`serving.NAME.KEY`, `…long_context.KEY`).
    static func servingSetter(_ s: [String], option o: Int, model: Model, written: Set<String>) -> InputSetter? {
        let prefix = "serving.\(s[1])"
        func price(_ set: @escaping @Sendable (inout Model, Double) -> Void) -> InputSetter {
            InputSetter(dimensions: [.pricePerMillionTokens], lowest: 0, highest: .infinity, apply: set)
        }
        func api(_ change: @escaping @Sendable (inout APIPricing, Double) -> Void) -> @Sendable (inout Model, Double) -> Void {
            { model, value in
                if case .api(var pricing) = model.serving[o].kind {
                    change(&pricing, value)
                    model.serving[o].kind = .api(pricing)
                }
            }
        }
        func gpu(_ change: @escaping @Sendable (inout GPUServing, Double) -> Void) -> @Sendable (inout Model, Double) -> Void {
            { model, value in
                switch model.serving[o].kind {
                case .selfHosted(var serving, let hardware):
                    change(&serving, value)
                    model.serving[o].kind = .selfHosted(serving, hardware: hardware)
                case .rented(var serving, let pricing):
                    change(&serving, value)
                    model.serving[o].kind = .rented(serving, pricing)
                case .api:
                    break
                }
            }
        }
        // A default follows the key it defaults to: a drawn price_input is also the price of cached
        // input and cache writes when the file leaves those to their default.
        let cachedFollows = !written.contains("\(prefix).price_cached_input")
        let writeFollows = !written.contains("\(prefix).price_cache_write")
        switch (model.serving[o].kind, s.count, s[2]) {
        case (.api, 3, "price_input"):
            return price(api { p, v in
                p.priceInput = Schedule(v)
                if cachedFollows { p.priceCachedInput = Schedule(v) }
                if writeFollows { p.priceCacheWrite = Schedule(v) }
            })
        case (.api, 3, "price_output"): return price(api { $0.priceOutput = Schedule($1) })
        case (.api, 3, "price_cached_input"): return price(api { $0.priceCachedInput = Schedule($1) })
        case (.api, 3, "price_cache_write"): return price(api { $0.priceCacheWrite = Schedule($1) })
        case (.api(let pricing), 3, "price_change"):
            let monthly = pricing.priceChange.first.isMonthly
            return rate(monthly, api { $0.priceChange = Schedule(Rate($1, monthly: monthly)) })
        case (.api, 3, "batch_discount"):
            return InputSetter(dimensions: [.percent], lowest: 0, highest: 1, apply: api { $0.batchDiscount = $1 })
        case (.api(let pricing), 4, _) where s[2] == "long_context" && pricing.longContext != nil:
            return longContextSetter(s[3], prefix: "\(prefix).long_context", written: written, api: api)
        case (.selfHosted, 3, "decode_throughput"), (.rented, 3, "decode_throughput"):
            return InputSetter(dimensions: [.throughput], lowest: 0, highest: .infinity, lowestExclusive: true,
                               apply: gpu { $0.decodeThroughput = $1 })
        case (.selfHosted, 3, "prefill_throughput"), (.rented, 3, "prefill_throughput"):
            return InputSetter(dimensions: [.throughput], lowest: 0, highest: .infinity, lowestExclusive: true,
                               apply: gpu { $0.prefillThroughput = $1 })
        case (.selfHosted, 3, "max_utilization"), (.rented, 3, "max_utilization"):
            return InputSetter(dimensions: [.percent], lowest: 0, highest: 1, lowestExclusive: true,
                               apply: gpu { $0.maxUtilization = $1 })
        case (.rented, 3, "gpu_hour"):
            return InputSetter(dimensions: [.pricePerGPUHour], lowest: 0, highest: .infinity) { model, value in
                if case .rented(let serving, var pricing) = model.serving[o].kind {
                    pricing.gpuHour = Schedule(value)
                    model.serving[o].kind = .rented(serving, pricing)
                }
            }
        case (.rented(_, let pricing), 3, "price_change"):
            let monthly = pricing.priceChange.first.isMonthly
            return rate(monthly) { model, value in
                if case .rented(let serving, var pricing) = model.serving[o].kind {
                    pricing.priceChange = Schedule(Rate(value, monthly: monthly))
                    model.serving[o].kind = .rented(serving, pricing)
                }
            }
        default:
            return nil
        }
    }

    static func longContextSetter(
        _ key: String, prefix: String, written: Set<String>,
        api: (@escaping @Sendable (inout APIPricing, Double) -> Void) -> @Sendable (inout Model, Double) -> Void
    ) -> InputSetter? {
        func price(_ change: @escaping @Sendable (inout LongContextPricing, Double) -> Void) -> InputSetter {
            InputSetter(dimensions: [.pricePerMillionTokens], lowest: 0, highest: .infinity, apply: api { p, v in
                guard var long = p.longContext else { return }
                change(&long, v)
                p.longContext = long
            })
        }
        let cachedFollows = !written.contains("\(prefix).price_cached_input")
        let writeFollows = !written.contains("\(prefix).price_cache_write")
        switch key {
        case "above":
            return InputSetter(dimensions: [.number], lowest: 0, highest: .infinity, lowestExclusive: true, apply: api { p, v in
                p.longContext?.above = v
            })
        case "price_input":
            return price { long, v in
                long.priceInput = v
                if cachedFollows { long.priceCachedInput = v }
                if writeFollows { long.priceCacheWrite = v }
            }
        case "price_output": return price { $0.priceOutput = $1 }
        case "price_cached_input": return price { $0.priceCachedInput = $1 }
        case "price_cache_write": return price { $0.priceCacheWrite = $1 }
        default: return nil
        }
    }

    /// `finance.tax_rate`, and a loan's `loan` share and `rate` (`finance.financing.HARDWARE.KEY`).
    static func financeSetter(_ s: [String], model: Model) -> InputSetter? {
        if s.count == 2, s[1] == "tax_rate" {
            return InputSetter(dimensions: [.percent], lowest: 0, highest: 1) { $0.finance.taxRate = $1 }
        }
        guard s.count == 4, s[1] == "financing", let l = model.finance.loans.firstIndex(where: { $0.hardware == s[2] })
        else { return nil }
        switch s[3] {
        case "loan": return InputSetter(dimensions: [.percent], lowest: 0, highest: 1) { $0.finance.loans[l].share = $1 }
        case "rate":
            return InputSetter(dimensions: [.percent, .ratePerYear], lowest: 0, highest: 1) { $0.finance.loans[l].annualRate = $1 }
        default: return nil
        }
    }

    /// An escalation `rate` (of the strategy or of one workload) and a one-time `cost`.
    static func strategySetter(_ s: [String], model: Model) -> InputSetter? {
        guard s.count >= 4, let i = model.strategies.firstIndex(where: { $0.name == s[1] }) else { return nil }
        let strategy = model.strategies[i]
        if s.count == 4, s[2] == "escalation", s[3] == "rate", strategy.escalation != nil {
            return InputSetter(dimensions: [.percent], lowest: 0, highest: 1) { $0.strategies[i].escalation?.rate = $1 }
        }
        if s.count == 5, s[2] == "one_time", s[4] == "cost",
            let c = strategy.oneTimeCosts.firstIndex(where: { $0.name == s[3] })
        {
            return InputSetter(dimensions: [.money], lowest: 0, highest: .infinity) { $0.strategies[i].oneTimeCosts[c].cost = $1 }
        }
        if s.count == 6, s[2] == "workloads", s[4] == "escalation", s[5] == "rate",
            let w = strategy.workloadOverrides.firstIndex(where: { $0.workload == s[3] }),
            case .some(.some) = strategy.workloadOverrides[w].escalation
        {
            return InputSetter(dimensions: [.percent], lowest: 0, highest: 1) { model, value in
                if case .some(.some(var escalation)) = model.strategies[i].workloadOverrides[w].escalation {
                    escalation.rate = value
                    model.strategies[i].workloadOverrides[w].escalation = .some(.some(escalation))
                }
            }
        }
        return nil
    }
}
