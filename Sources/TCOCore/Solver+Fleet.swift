import RealModule

extension Solver {
    /// Plans one self-hosted option's fleet and adds its capex, loans, depreciation, maintenance,
    /// power, energy, colocation, residual and terminal value (calculations.md, "Fleet" and
    /// "Loans"). Returns servers in service by month.
    func addFleetCosts(
        hardware: Hardware, demand: GPUDemand, into lines: inout MonthlyLines, detail: inout StrategyDetails.InHouse?
    ) -> [Int] {
        let needed = demand.peakGPUs.map { Calendar.tolerantCeiling($0 / Double(hardware.gpus)) }
        let plan = FleetPlan(needed: needed, leadTime: hardware.leadTimeMonths, life: hardware.lifeMonths)
        let price = hardware.price
        let residualValue = hardware.residual * price
        let depreciationPerMonth = (price - residualValue) / Double(hardware.lifeMonths)
        let maintenancePerMonth = price * hardware.maintenancePerYear / 12
        let facility = model.facility ?? Facility(electricityPerKilowattHour: 0)
        let loan = model.finance.loan(for: hardware.name)
        let countsTerminalValue = model.finance.terminalValue == .book

        if detail != nil {
            detail?.unitsNeeded = needed
            detail?.entering = plan.entering
            detail?.inService = plan.inService
        }
        for (index, count) in plan.entering.enumerated() where count > 0 {
            let firstMonth = index + 1
            let servers = Double(count)
            let orderMonth = firstMonth - hardware.leadTimeMonths
            lines.capex[orderMonth - 1] += servers * price
            detail?.capex[orderMonth - 1] += servers * price
            if let loan {
                // Each server brings its own loan (calculations.md, "Loans"). A ledger kept server by
                // server adds up in the same order as a reviewer's, so months where new loans and
                // repayments cancel come out the same; a large cohort is one loan of n servers.
                let perServer = loan.share * price
                if count <= Self.serversFinancedOneByOne {
                    for _ in 0..<count { addLoan(amount: perServer, bought: orderMonth, loan: loan, into: &lines) }
                } else {
                    addLoan(amount: servers * perServer, bought: orderMonth, loan: loan, into: &lines)
                }
            }
            let lastMonth = firstMonth + hardware.lifeMonths - 1
            if lastMonth <= months {
                lines.residual[lastMonth - 1] += servers * residualValue
                detail?.residual[lastMonth - 1] += servers * residualValue
            } else if countsTerminalValue {
                let monthsInService = Double(months - firstMonth + 1)
                let netBookValue = price - (price - residualValue) * monthsInService / Double(hardware.lifeMonths)
                lines.terminalValue[months - 1] += servers * netBookValue
                detail?.terminalValue[months - 1] += servers * netBookValue
            }
        }
        for m in 0..<months where plan.inService[m] > 0 {
            let servers = Double(plan.inService[m])
            let colocationPerServer = hardware.power * colocation[m]
            lines.servers[m] += plan.inService[m]
            lines.depreciation[m] += servers * depreciationPerMonth
            lines.maintenance[m] += servers * maintenancePerMonth
            lines.colocation[m] += servers * colocationPerServer
            let busyShare = min(1, demand.averageBusyGPUs[m] / (servers * Double(hardware.gpus)))
            let draw = hardware.idlePower + (hardware.power - hardware.idlePower) * busyShare
            let energy = servers * draw * Calendar.hoursPerMonth * facility.pue
            let power = energy * electricityLevels[m] * electricityFactors[m]
            lines.energyKilowattHours[m] += energy
            lines.power[m] += power
            if detail != nil {
                detail?.depreciation[m] = servers * depreciationPerMonth
                detail?.maintenance[m] = servers * maintenancePerMonth
                detail?.colocation[m] = servers * colocationPerServer
                detail?.busyShare[m] = busyShare
                detail?.power[m] = power
            }
        }
        return plan.inService
    }

    /// Largest cohort of servers whose loans are kept one by one.
    static let serversFinancedOneByOne = 64

    /// A loan of `amount` taken in month `bought`: an inflow then, equal payments in the `term`
    /// months after it with interest on the balance before each payment, and what is still owed
    /// after month M's payment settled in month M (principal only).
    func addLoan(amount: Double, bought: Int, loan: Loan, into lines: inout MonthlyLines) {
        let rate = loan.monthlyRate
        Self.addLoan(amount: amount, bought: bought, term: loan.termMonths, rate: rate,
                     annuity: Double.pow(1 + rate, Double(-loan.termMonths)), months: months, into: &lines)
    }

    /// `addLoan` with the loan's monthly rate and `(1 + rate)^−term` worked out by the caller: the
    /// same for every server of a fleet, so a Monte Carlo worker works them out once per run.
    static func addLoan(
        amount: Double, bought: Int, term: Int, rate: Double, annuity: Double, months: Int,
        into lines: inout MonthlyLines
    ) {
        lines.financing.withUnsafeMutableBufferPointer { financing in
            lines.interest.withUnsafeMutableBufferPointer { interest in
                addLoan(amount: amount, bought: bought, term: term, rate: rate, annuity: annuity, months: months,
                        financing: financing, interest: interest)
            }
        }
    }

    /// `addLoan` into the financing and interest lines given as memory the caller owns (`months` long).
    static func addLoan(
        amount: Double, bought: Int, term: Int, rate: Double, annuity: Double, months: Int,
        financing: UnsafeMutableBufferPointer<Double>, interest: UnsafeMutableBufferPointer<Double>
    ) {
        guard bought >= 1, bought <= months, term >= 1 else { return }
        financing[bought - 1] -= amount
        let payment = rate == 0 ? amount / Double(term) : amount * rate / (1 - annuity)
        var balance = amount
        let lastPayment = Swift.min(bought + term, months)
        if lastPayment > bought {
            for t in (bought + 1)...lastPayment {
                let monthInterest = rate * balance
                financing[t - 1] += payment
                interest[t - 1] += monthInterest
                balance -= payment - monthInterest
            }
        }
        if bought + term > months { financing[months - 1] += balance }
    }
}

/// Perfect-foresight fleet orders: from month `1 + lead time`, top up to the servers needed.
public struct FleetPlan: Sendable, Hashable {
    /// Servers entering service in each month (index `m − 1`); ordered `lead time` months earlier.
    public private(set) var entering: [Int]
    /// Servers in service in each month.
    public private(set) var inService: [Int]

    /// Plans for `needed[m − 1]` servers in month `m`; servers serve `life` months, never sold early.
    public init(needed: [Int], leadTime: Int, life: Int) {
        let months = needed.count
        entering = [Int](repeating: 0, count: months)
        inService = [Int](repeating: 0, count: months)
        Self.plan(needed: needed, leadTime: leadTime, life: life, entering: &entering, inService: &inService)
    }

    /// The plan written into `entering` and `inService` (as long as `needed`, all zeros on entry):
    /// a Monte Carlo worker plans into buffers it keeps from run to run.
    static func plan(needed: [Int], leadTime: Int, life: Int, entering: inout [Int], inService: inout [Int]) {
        needed.withUnsafeBufferPointer { needed in
            entering.withUnsafeMutableBufferPointer { entering in
                inService.withUnsafeMutableBufferPointer { inService in
                    plan(needed: needed, leadTime: leadTime, life: life, entering: entering, inService: inService)
                }
            }
        }
    }

    /// `plan` into memory the caller owns (a Monte Carlo worker's buffers).
    static func plan(
        needed: UnsafeBufferPointer<Int>, leadTime: Int, life: Int, entering: UnsafeMutableBufferPointer<Int>,
        inService: UnsafeMutableBufferPointer<Int>
    ) {
        let months = needed.count
        var running = 0
        guard leadTime < months else { return }
        for t in (leadTime + 1)...months {
            let retiringIndex = t - life - 1
            if retiringIndex >= 0 { running -= entering[retiringIndex] }
            let shortfall = needed[t - 1] - running
            if shortfall > 0 {
                entering[t - 1] = shortfall
                running += shortfall
            }
            inService[t - 1] = running
        }
    }
}

extension Solver {
    /// The first self-hosted option and month (1-based) in which `strategy` sends demand to an option
    /// that has no server in service, so that a fallback is needed (calculations.md, "Fleet"); `nil`
    /// when every such month's demand is served.
    public func firstMonthNeedingFallback(of strategy: Strategy) -> (option: String, month: Int)? {
        let routes = model.workloads.map { strategy.effectiveRoute(for: $0.name).activeShares }
        for option in model.serving {
            guard case .selfHosted(let serving, let hardwareName) = option.kind,
                let hardware = model.hardware(named: hardwareName)
            else { continue }
            let shares = routes.map { route in route.first { $0.option == option.name }?.share ?? 0 }
            guard shares.contains(where: { $0 > 0 }) else { continue }
            let demand = gpuDemand(shares: shares, serving: serving, volumeFactor: 1)
            let needed = demand.peakGPUs.map { Calendar.tolerantCeiling($0 / Double(hardware.gpus)) }
            let plan = FleetPlan(needed: needed, leadTime: hardware.leadTimeMonths, life: hardware.lifeMonths)
            if let m = (0..<months).first(where: { demand.averageBusyGPUs[$0] > 0 && plan.inService[$0] == 0 }) {
                return (option.name, m + 1)
            }
        }
        return nil
    }
}
