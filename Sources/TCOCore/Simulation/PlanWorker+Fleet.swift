extension PlanWorker {
    /// `Solver.addFleetCosts` of one self-hosted leg whose fleet plan is in `entering` and
    /// `inService(slot)` and busy GPUs in `average`: capex, loans, residual and terminal value by
    /// cohort, then the monthly lines of the servers in service, into the lines of the parts not
    /// `copied`.
    func addFleetCosts(hardware h: Int, loan l: Int?, slot: Int, skipping copied: StrategyParts) {
        let hardware = terms.hardware[h]
        let hardwareLines = !copied.contains(.hardwareLines), terminalValue = !copied.contains(.terminalValue)
        let price = hardware.price
        let residualValue = hardware.residual * price
        let depreciationPerMonth = (price - residualValue) / Double(hardware.lifeMonths)
        let maintenancePerMonth = price * hardware.maintenancePerYear / 12
        let pue = terms.pue
        let loan = copied.contains(.loans) ? nil : l.map { terms.loans[$0] }
        let countsTerminalValue = terms.countsTerminalValue && terminalValue
        // The loan's monthly rate and annuity factor are the same for every server: worked out once
        // per run (`RunTerms`) with the very calls `Solver.addLoan`'s callers make for each loan.
        let monthlyRate = loan?.monthlyRate ?? 0
        let annuity = loan?.annuity ?? 0

        let buffers = buffers, months = months, entering = buffers.entering
        for index in 0..<months where entering[index] > 0 {
            let count = entering[index], firstMonth = index + 1
            let servers = Double(count)
            let orderMonth = firstMonth - hardware.leadTimeMonths
            if hardwareLines { buffers.capex[orderMonth - 1] += servers * price }
            if let loan {
                let perServer = loan.share * price
                if count <= Solver.serversFinancedOneByOne {
                    for _ in 0..<count {
                        Solver.addLoan(amount: perServer, bought: orderMonth, term: loan.termMonths, rate: monthlyRate,
                                       annuity: annuity, months: months, financing: buffers.financing,
                                       interest: buffers.interest)
                    }
                } else {
                    Solver.addLoan(amount: servers * perServer, bought: orderMonth, term: loan.termMonths,
                                   rate: monthlyRate, annuity: annuity, months: months, financing: buffers.financing,
                                   interest: buffers.interest)
                }
            }
            let lastMonth = firstMonth + hardware.lifeMonths - 1
            if lastMonth <= months {
                if hardwareLines { buffers.residual[lastMonth - 1] += servers * residualValue }
            } else if countsTerminalValue {
                let monthsInService = Double(months - firstMonth + 1)
                let netBookValue = price - (price - residualValue) * monthsInService / Double(hardware.lifeMonths)
                buffers.terminalValue[months - 1] += servers * netBookValue
            }
        }
        guard hardwareLines else { return }
        let inService = buffers.inService(slot), colocation = buffers.colocation, average = buffers.average
        let electricityLevels = buffers.electricityLevels, electricityFactors = buffers.electricityFactors
        let depreciation = buffers.depreciation, maintenance = buffers.maintenance
        let colocationLine = buffers.colocationLine, power = buffers.power
        for m in 0..<months where inService[m] > 0 {
            let servers = Double(inService[m])
            let colocationPerServer = hardware.power * colocation[m]
            depreciation[m] += servers * depreciationPerMonth
            maintenance[m] += servers * maintenancePerMonth
            colocationLine[m] += servers * colocationPerServer
            let busyShare = Swift.min(1, average[m] / (servers * Double(hardware.gpus)))
            let draw = hardware.idlePower + (hardware.power - hardware.idlePower) * busyShare
            let energy = servers * draw * Calendar.hoursPerMonth * pue
            power[m] += energy * electricityLevels[m] * electricityFactors[m]
        }
    }

    /// `FleetPlan(needed:leadTime:life:)` for the servers `peak` needs, into `entering` and
    /// `inService(slot)`.
    func planFleet(gpus: Int, leadTime: Int, life: Int, slot: Int) {
        let needed = buffers.needed, entering = buffers.entering, inService = buffers.inService(slot)
        let peak = buffers.peak
        for m in 0..<months {
            needed[m] = Calendar.tolerantCeiling(peak[m] / Double(gpus))
            entering[m] = 0
            inService[m] = 0
        }
        FleetPlan.plan(needed: UnsafeBufferPointer(needed), leadTime: leadTime, life: life, entering: entering,
                       inService: inService)
    }
}
