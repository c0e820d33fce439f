import TCOCore

extension CalcSheet {
    /// The rows of a strategy's in-house options that its totals add up.
    struct InHouseRows {
        var rented: [Int] = [], capex: [Int] = [], residual: [Int] = [], terminal: [Int] = []
        var depreciation: [Int] = [], maintenance: [Int] = [], colocation: [Int] = [], power: [Int] = []
        /// Energy of each self-hosted fleet, kWh (calculations.md, Energy).
        var energy: [Int] = []
        /// Loan flows and interest of each financed fleet (calculations.md, Loans).
        var financing: [Int] = [], interest: [Int] = []
        /// The rows of each financed fleet's loans, for the Checks sheet.
        var loans: [LoanRows] = []
        /// Servers in service and the capacity-available flag, by self-hosted option.
        var inService: [String: Int] = [:]
        /// Servers needed at peak, by self-hosted option (the fleet must cover it once deliveries begin).
        var needed: [String: Int] = [:]
        var capacity: [String: Int] = [:]
    }

    /// GPU demand of every in-house option of `strategy` (calculations.md, GPU demand), then
    /// rented GPUs or the self-hosted fleet.
    mutating func addInHouse(
        _ strategy: Strategy, details: StrategyDetails, solver: Solver, requestRows: [String: Int]
    ) -> InHouseRows {
        let f = self.f
        let model = scenario.model
        let s = strategy.name
        var out = InHouseRows()
        for detail in details.inHouse {
            guard let option = model.servingOption(named: detail.option) else { continue }
            let o = option.name
            let key = "serving.\(o)"
            let prefill = f.input("\(key).prefill_throughput")
            let decode = f.input("\(key).decode_throughput")
            // One helper row per workload: its GPU-seconds on this option, so that the demand rows
            // below add short references instead of repeating every workload's arithmetic.
            let serving: GPUServing
            switch option.kind {
            case .selfHosted(let gpu, _), .rented(let gpu, _): serving = gpu
            case .api: continue
            }
            var helpers: [(row: Int, peakToAverage: String)] = []
            for (w, workload) in model.workloads.enumerated() {
                guard
                    let share = strategy.effectiveRoute(for: workload.name).activeShares.first(where: {
                        $0.option == o
                    })
                else { continue }
                helpers.append(
                    addGPUSeconds(
                        s, o, workload, share.share, serving, solver.requestsByWorkload[w],
                        requests: requestRows[workload.name] ?? 0, strategy: strategy, prefill, decode))
            }
            let busy = add(
                Row(
                    label: "\(s) · \(o): average busy GPUs", unit: "GPUs", format: .number,
                    formula: { c in
                        "(" + helpers.map { f.ref($0.row, c) }.joined(separator: "+") + ")/Seconds_Per_Month"
                    },
                    values: detail.averageBusyGPUs, total: .max))
            let peak = add(
                Row(
                    label: "\(s) · \(o): GPUs needed at peak", unit: "GPUs", format: .number,
                    formula: { c in
                        "(" + helpers.map { "\(f.ref($0.row, c))*\($0.peakToAverage)" }.joined(separator: "+")
                            + ")/Seconds_Per_Month/\(f.input("\(key).max_utilization"))"
                    },
                    values: detail.peakGPUs, total: .max))
            if detail.isRented {
                let gpus = add(
                    Row(
                        label: "\(s) · \(o): GPUs rented", unit: "GPUs", format: .integer,
                        formula: { c in "MAX(0,ROUNDUP(\(f.ref(peak, c))-Ceiling_Tolerance,0))" },
                        values: detail.unitsNeeded.map(Double.init), total: .max))
                if case .rented(_, let pricing) = option.kind {
                    addRented(s, o, pricing: pricing, detail: detail, busy: busy, gpus: gpus, into: &out)
                }
                continue
            }
            guard case .selfHosted(_, let hardwareName) = option.kind,
                let hardware = model.hardware(named: hardwareName)
            else { continue }
            addFleet(s, o, hardware: hardware, detail: detail, peak: peak, busy: busy, into: &out)
        }
        return out
    }

    private mutating func addGPUSeconds(
        _ s: String, _ o: String, _ workload: Workload, _ share: Double, _ serving: GPUServing, _ requests: [Double],
        requests row: Int, strategy: Strategy, _ prefill: String, _ decode: String
    ) -> (row: Int, peakToAverage: String) {
        let f = self.f
        let wk = "workloads.\(workload.name)"
        let shareName = f.shareName(strategy, workload.name, o)
        let perRequest =
            workload.inputTokens / serving.prefillThroughput + workload.outputTokens / serving.decodeThroughput
        let helper = add(
            Row(
                label: "\(s) · \(o) · \(workload.name): GPU-seconds", unit: "GPU-s", format: .integer,
                formula: { c in
                    "\(f.ref(row, c))*\(shareName)*"
                    + "(\(f.input("\(wk).input_tokens"))/\(prefill)+\(f.input("\(wk).output_tokens"))/\(decode))"
                },
                values: requests.map { $0 * share * perRequest }, total: .sum))
        // Batch requests run off-peak, at the average rate (calculations.md, GPU demand).
        let batch = f.input("\(wk).batch")
        return (helper, "((1-\(batch))*\(f.input("\(wk).peak_to_average"))+\(batch))")
    }

    /// The fleet corkscrew of one self-hosted option (calculations.md, Fleet): orders placed
    /// `lead_time` months before the servers are needed, deliveries, retirements, and the servers
    /// in service; then the option's cost lines. Only the "needed at delivery" row looks ahead
    /// (the plan's perfect foresight); every other row refers to its own month or earlier ones.
    private mutating func addFleet(
        _ s: String, _ o: String, hardware: Hardware, detail: StrategyDetails.InHouse, peak: Int, busy: Int,
        into out: inout InHouseRows
    ) {
        let f = self.f
        let model = scenario.model
        let h = "hardware.\(hardware.name)"
        let gpusPerServer = f.input("\(h).gpus")
        let price = f.input("\(h).price")
        let life = f.input("\(h).life")
        let lead = f.input("\(h).lead_time")
        let residualShare = f.input("\(h).residual")
        let power = f.input("\(h).power")
        let idle = f.input("\(h).idle_power")
        let entering = detail.entering.map(Double.init)
        let inServiceValues = detail.inService.map(Double.init)
        let leadMonths = hardware.leadTimeMonths
        let lifeMonths = hardware.lifeMonths
        func at(_ values: [Double], _ i: Int) -> Double { values.indices.contains(i) ? values[i] : 0 }
        let retiredValues = (0..<months).map { at(entering, $0 - lifeMonths + 1) }

        let needed = add(
            Row(
                label: "\(s) · \(o): servers needed", unit: "servers", format: .integer,
                formula: { c in "MAX(0,ROUNDUP(\(f.ref(peak, c))/\(gpusPerServer)-Ceiling_Tolerance,0))" },
                values: detail.unitsNeeded.map(Double.init), total: .max))
        let atDelivery = add(
            Row(
                label: "\(s) · \(o): servers needed at delivery (lead time ahead)", unit: "servers", format: .integer,
                formula: { c in "SUMIFS(\(f.span(needed)),\(f.monthSpan),\(f.month(c))+\(lead))" },
                values: (0..<months).map { at(detail.unitsNeeded.map(Double.init), $0 + leadMonths) }, total: .max,
                note:
                    "The plan's foresight: what the month's orders must cover when they arrive, lead time later. 0 "
                    + "when that is after the horizon."
            ))
        let ordered = nextRow
        _ = add(
            Row(
                label: "\(s) · \(o): servers ordered", unit: "servers", format: .integer,
                formula: { c in
                    "MAX(0,\(f.ref(atDelivery, c))-SUMIFS(\(f.upTo(ordered, c - 1)),\(f.monthsUpTo(c - 1)),"
                    + "\">\"&(\(f.month(c))-\(life))))"
                },
                values: (0..<months).map { at(entering, $0 + leadMonths) }, total: .sum,
                note:
                    "Tops up to the servers needed at delivery, counting earlier orders still in service then "
                    + "(ordered in the last life months)."
            ))
        let closing = nextRow + 5
        let opening = add(
            Row(
                label: "\(s) · \(o): servers at the start of the month", unit: "servers", format: .integer,
                formula: { c in f.ref(closing, c - 1) },
                values: zip(inServiceValues, entering).map { $0 - $1 }))
        let delivered = add(
            Row(
                label: "\(s) · \(o): servers delivered (enter service)", unit: "servers", format: .integer,
                formula: { c in "SUMIFS(\(f.upTo(ordered, c)),\(f.monthsUpTo(c)),\(f.month(c))-\(lead))" },
                values: entering, total: .sum))
        let inService = add(
            Row(
                label: "\(s) · \(o): servers in service", unit: "servers", format: .integer,
                formula: { c in "\(f.ref(opening, c))+\(f.ref(delivered, c))" },
                values: inServiceValues, total: .max))
        let retired = add(
            Row(
                label: "\(s) · \(o): servers retired (last month of service)", unit: "servers", format: .integer,
                formula: { c in "SUMIFS(\(f.upTo(delivered, c)),\(f.monthsUpTo(c)),\(f.month(c))-\(life)+1)" },
                values: retiredValues, total: .sum))
        let capacity = add(
            Row(
                label: "\(s) · \(o): capacity available (1 = a server in service)", unit: "1 = yes", format: .integer,
                formula: { c in "IF(\(f.ref(inService, c))>0,1,0)" },
                values: inServiceValues.map { $0 > 0 ? 1 : 0 }))
        let closingRow = add(
            Row(
                label: "\(s) · \(o): servers at the end of the month", unit: "servers", format: .integer,
                formula: { c in "\(f.ref(inService, c))-\(f.ref(retired, c))" },
                values: zip(inServiceValues, retiredValues).map { $0 - $1 }))
        assert(closingRow == closing)
        out.inService[o] = inService
        out.needed[o] = needed
        out.capacity[o] = capacity

        out.capex.append(
            add(
                Row(
                    label: "\(s) · \(o): capex (servers ordered)", unit: model.currency, format: .money,
                    formula: { c in "\(f.ref(ordered, c))*\(price)" }, values: detail.capex, total: .sum)))
        out.residual.append(
            add(
                Row(
                    label: "\(s) · \(o): residual value of retiring servers", unit: model.currency, format: .money,
                    formula: { c in "\(f.ref(retired, c))*\(price)*\(residualShare)" }, values: detail.residual,
                    total: .sum)))
        out.terminal.append(
            add(
                Row(
                    label: "\(s) · \(o): terminal value (net book value at horizon)", unit: model.currency,
                    format: .money,
                    formula: { c in
                        let served = f.monthsUpTo(c)
                        return
                            "IF(\(f.lastMonth(c))=1,SUMPRODUCT((\(served)>\(f.month(c))-\(life)+1)"
                            + "*\(f.upTo(delivered, c))"
                            + "*(\(price)-(\(price)-\(residualShare)*\(price))*(\(f.month(c))-\(served)+1)/\(life))"
                            + "),0)*Terminal_Value_Book"
                    },
                    values: detail.terminalValue, total: .sum)))
        out.depreciation.append(
            add(
                Row(
                    label: "\(s) · \(o): depreciation", unit: model.currency, format: .money,
                    formula: { c in "\(f.ref(inService, c))*(\(price)-\(residualShare)*\(price))/\(life)" },
                    values: detail.depreciation, total: .sum)))
        out.maintenance.append(
            add(
                Row(
                    label: "\(s) · \(o): maintenance", unit: model.currency, format: .money,
                    formula: { c in "\(f.ref(inService, c))*\(price)*\(f.input("\(h).maintenance"))/Months_Per_Year" },
                    values: detail.maintenance, total: .sum)))
        out.colocation.append(
            add(
                Row(
                    label: "\(s) · \(o): colocation", unit: model.currency, format: .money,
                    formula: { [scheduled] c in
                        "\(f.ref(inService, c))*\(power)*\(scheduled.value("facility.colocation", c))"
                    },
                    values: detail.colocation, total: .sum)))
        let share = add(
            Row(
                label: "\(s) · \(o): fleet busy share", unit: "%", format: .percent,
                formula: { c in
                    "IF(\(f.ref(inService, c))=0,0,MIN(1,\(f.ref(busy, c))/(\(f.ref(inService, c))*\(gpusPerServer))))"
                },
                values: detail.busyShare))
        let electricityMonthly = model.facility?.electricityChange.first.isMonthly ?? false
        let scheduled = self.scheduled, pue = f.input("facility.pue")
        // Energy is its own row (v2 reports kWh); power prices it, so the two cannot disagree.
        let hoursPerMonth = TCOCore.Calendar.hoursPerMonth, pueValue = model.facility?.pue ?? 1
        let energyValues = (0..<months).map { i in
            Double(detail.inService[i]) * (hardware.idlePower + (hardware.power - hardware.idlePower)
                * detail.busyShare[i]) * hoursPerMonth * pueValue
        }
        let energy = add(
            Row(
                label: "\(s) · \(o): energy", unit: "kWh", format: .integer,
                formula: { c in
                    "\(f.ref(inService, c))*(\(idle)+(\(power)-\(idle))*\(f.ref(share, c)))*Hours_Per_Month*\(pue)"
                },
                values: energyValues, total: .sum))
        out.energy.append(energy)
        out.power.append(
            add(
                Row(
                    label: "\(s) · \(o): power", unit: model.currency, format: .money,
                    formula: { c in
                        "\(f.ref(energy, c))*"
                            + scheduled.level(
                                "facility.electricity", trend: "facility.electricity_change",
                                monthly: electricityMonthly, c)
                    },
                    values: detail.power, total: .sum)))
        if let loan = model.finance.loan(for: hardware.name) {
            addLoans(s, o, loan: loan, capexRow: out.capex[out.capex.count - 1], capex: detail.capex, into: &out)
        }
    }
}
