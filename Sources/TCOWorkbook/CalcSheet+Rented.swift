import TCOCore

extension CalcSheet {
    /// A rented option's cost (calculations.md, GPU demand): reserved commitments in every month of
    /// their term, used or not, plus on-demand GPUs beyond them — for the peak all month, or with
    /// hourly scaling for the GPU-hours an autoscaler would keep busy at maximum utilization.
    mutating func addRented(
        _ s: String, _ o: String, pricing: RentedPricing, detail: StrategyDetails.InHouse, busy: Int, gpus: Int,
        into out: inout InHouseRows
    ) {
        let f = self.f
        let model = scenario.model
        let key = "serving.\(o)"
        let months = self.months
        let count = catalog.commitmentCount(o)
        func running(_ k: Int, _ c: Int) -> String {
            let ck = "\(key).commitments.\(k + 1)"
            return "IF(AND(\(f.month(c))>=\(f.input("\(ck).from")),\(f.month(c))<\(f.input("\(ck).from"))"
                + "+\(f.input("\(ck).term"))),\(f.input("\(ck).gpus")),0)"
        }
        let committedValues = (1...months).map { m in
            Double(pricing.commitments.filter { $0.covers(month: m) }.reduce(0) { $0 + $1.gpus })
        }
        let committed = add(
            Row(
                label: "\(s) · \(o): committed GPUs", unit: "GPUs", format: .integer,
                formula: { c in count == 0 ? "0" : (0..<count).map { running($0, c) }.joined(separator: "+") },
                values: committedValues, total: .max))
        out.rented.append(
            add(
                Row(
                    label: "\(s) · \(o): commitments (paid used or not)", unit: model.currency, format: .money,
                    formula: { c in
                        count == 0
                            ? "0"
                            : "(" + (0..<count).map {
                                "\(running($0, c))*\(f.input("\(key).commitments.\($0 + 1).gpu_hour"))"
                            }.joined(separator: "+") + ")*Hours_Per_Month"
                    },
                    values: (1...months).map { m in
                        pricing.commitments.filter { $0.covers(month: m) }
                            .reduce(0) { $0 + Double($1.gpus) * $1.gpuHour * TCOCore.Calendar.hoursPerMonth }
                    },
                    total: .sum)))
        let hourly = f.input("\(key).scaling"), utilization = f.input("\(key).max_utilization")
        let onDemandValues = (0..<months).map { i -> Double in
            switch pricing.scaling {
            case .peak: return max(0, Double(detail.unitsNeeded[i]) - committedValues[i])
            case .hourly: return max(0, detail.averageBusyGPUs[i] / scalingUtilization(model, o) - committedValues[i])
            }
        }
        let onDemand = add(
            Row(
                label: "\(s) · \(o): on-demand GPUs (GPU-hours / hours in a month)", unit: "GPUs", format: .number,
                formula: { c in
                    "IF(\(hourly)=1,MAX(0,\(f.ref(busy, c))/\(utilization)-\(f.ref(committed, c))),"
                        + "MAX(0,\(f.ref(gpus, c))-\(f.ref(committed, c))))"
                },
                values: onDemandValues, total: .max,
                note: "Hourly scaling: average busy GPUs at maximum utilization; peak: the GPUs needed at peak."))
        let change = "\(key).price_change", hour = "\(key).gpu_hour", scheduled = self.scheduled
        let monthly = pricing.priceChange.first.isMonthly
        out.rented.append(
            add(
                Row(
                    label: "\(s) · \(o): rented GPU cost on demand", unit: model.currency, format: .money,
                    formula: { c in
                        // v1's formula unless the price or its change is a schedule.
                        scheduled.involves([hour, change])
                            ? "\(f.ref(onDemand, c))*\(scheduled.level(hour, trend: change, monthly: monthly, c))"
                                + "*Hours_Per_Month"
                            : "\(f.ref(onDemand, c))*\(f.input(hour))*Hours_Per_Month"
                                + "*\(f.changeFactor(f.input(change), monthly: monthly, c))"
                    },
                    values: detail.rentedCost, total: .sum)))
    }

    private func scalingUtilization(_ model: Model, _ o: String) -> Double {
        switch model.servingOption(named: o)?.kind {
        case .rented(let serving, _): serving.maxUtilization
        default: 1
        }
    }
}
