/// What a model may produce at its forecast before its numbers stop meaning anything: a check the
/// loader runs so that overflowing inputs are a located error, not a crash, NaN or garbage table.
public enum ModelBounds {
    /// Largest amount of money in any month or total: 10^15 of the model's currency.
    public static let moneyLimit = 1e15
    /// Largest number of GPUs or servers in any month: 10^9.
    public static let countLimit = 1_000_000_000

    /// One input that makes results explode, with what exploded.
    public struct Problem: Sendable, Hashable {
        /// The key path of the input to blame, e.g. `workloads.chat.growth`.
        public var keyPath: String
        public var message: String
    }

    /// The first problem of `model`, if any strategy's forecast leaves the bounds.
    public static func problem(in model: Model) -> Problem? {
        let solver = Solver(model: model)
        for strategy in model.strategies {
            let result = solver.timeline(of: strategy, volumeFactor: 1, apiPriceFactor: 1)
            let lines = result.monthly
            let money = [
                lines.cost, lines.api, lines.rented, lines.capex, lines.power, lines.staff, lines.oneTime,
                lines.financing, lines.interest,
            ].joined()
            let totals = [result.npvCost, result.totalCost, result.totalPnLCost, result.capex, result.npvCostAfterTax]
            let moneyOK = (money + totals).allSatisfy { $0.isFinite && abs($0) <= moneyLimit }
            let countOK = result.serversMax <= countLimit
                && (result.levelizedCostPerMillionTokens.map(\.isFinite) ?? true)
            if moneyOK, countOK { continue }
            let what = countOK
                ? "costs more than 10^15 \(model.currency)"
                : "needs more than 10^9 servers or GPUs"
            let cause = blame(model, solver: solver)
            return Problem(
                keyPath: cause,
                message: "strategy '\(strategy.name)' \(what) at the forecast; '\(cause)' drives the numbers "
                    + "beyond what a cost model can represent")
        }
        return nil
    }

    /// The input most likely behind an explosion: a growth that multiplies volume more than a
    /// millionfold, else the largest volume, else the slowest throughput.
    static func blame(_ model: Model, solver: Solver) -> String {
        let last = model.horizonMonths
        if let w = model.workloads.first(where: { ($0.growth.trend(months: last).max() ?? 1) > 1e6 }) {
            return "workloads.\(w.name).growth"
        }
        let largest = model.workloads.map { $0.requests.steps.map(\.value).max() ?? 0 }
        let volumes = zip(model.workloads, largest).map { $1 * ($0.inputTokens + $0.outputTokens) }
        if let i = volumes.indices.max(by: { volumes[$0] < volumes[$1] }), volumes[i] > 1e18 || !volumes[i].isFinite {
            let w = model.workloads[i]
            return largest[i] > 1e15 ? "workloads.\(w.name).requests"
                : "workloads.\(w.name).\(w.inputTokens > w.outputTokens ? "input_tokens" : "output_tokens")"
        }
        var slowest: (key: String, value: Double)?
        for option in model.serving {
            switch option.kind {
            case .selfHosted(let s, _), .rented(let s, _):
                let throughputs = [("decode_throughput", s.decodeThroughput), ("prefill_throughput", s.prefillThroughput)]
                for (key, value) in throughputs where value < (slowest?.value ?? .infinity) {
                    slowest = ("serving.\(option.name).\(key)", value)
                }
            case .api:
                continue
            }
        }
        if let slowest, slowest.value < 1 { return slowest.key }
        let i = volumes.indices.max(by: { volumes[$0] < volumes[$1] }) ?? 0
        return model.workloads.isEmpty ? "workloads" : "workloads.\(model.workloads[i].name).requests"
    }
}
