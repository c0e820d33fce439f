extension SimulationPlan {
    /// How much of a derived line a run derives again: nothing (the scenario solver's line holds),
    /// the levels over the kept trend (a drawn value), or the trend too (a drawn rate of change:
    /// the only case that costs `pow` calls).
    enum Depth: Int, Sendable, Comparable {
        case none, levels, trend

        static func < (lhs: Depth, rhs: Depth) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which derived lines a run derives again, chosen once from the drawn inputs' paths: a path
    /// names the section, item and key it writes (InputSetter). A path of any other form derives
    /// everything again, which is slower but still exact.
    struct Redo: Sendable {
        var discount = false
        var colocation = false
        var electricity = Depth.none
        /// Requests of each workload (`requests`: levels, `growth`: trend).
        var workloads: [Depth]
        /// Each option's price levels and scalars (throughputs, batch discount, long context), and
        /// its trend for `price_change`.
        var options: [Depth]
        /// Each staff role's cost (`cost_change`: trend).
        var staff: [Depth]

        init(paths: [String], model: Model) {
            workloads = model.workloads.map { _ in .none }
            options = model.serving.map { _ in .none }
            staff = model.staff.map { _ in .none }
            for path in paths { mark(path, model: model) }
        }

        private mutating func mark(_ path: String, model: Model) {
            let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let name = parts.count > 1 ? parts[1] : "", key = parts.count > 2 ? parts[2] : ""
            switch parts.first {
            case "discount_rate":
                discount = true
            case "workloads":
                guard let w = model.workloads.firstIndex(where: { $0.name == name }) else { return markAll() }
                // Other keys (tokens, caching, batch, peak) are read from the model in every run.
                if key == "growth" { workloads[w] = .trend }
                if key == "requests" { workloads[w] = Swift.max(workloads[w], .levels) }
            case "serving":
                guard let o = model.serving.firstIndex(where: { $0.name == name }) else { return markAll() }
                options[o] = Swift.max(options[o], key == "price_change" ? .trend : .levels)
            case "staff":
                guard let r = model.staff.firstIndex(where: { $0.name == name }) else { return markAll() }
                staff[r] = Swift.max(staff[r], key == "cost_change" ? .trend : .levels)
            case "facility":
                switch name {
                case "pue": break
                case "electricity": electricity = Swift.max(electricity, .levels)
                case "electricity_change": electricity = .trend
                case "colocation": colocation = true
                default: markAll()
                }
            case "hardware", "strategies", "finance":
                // Scalars read from the model in every run: nothing derived to redo.
                break
            default:
                markAll()
            }
        }

        private mutating func markAll() {
            discount = true
            colocation = true
            electricity = .trend
            workloads = workloads.map { _ in .trend }
            options = options.map { _ in .trend }
            staff = staff.map { _ in .trend }
        }
    }
}
