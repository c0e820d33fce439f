/// Where each monthly buffer of a `PlanWorker` lies in its `RunStorage`: every buffer is `months`
/// long at a place fixed when the worker is made. A run reads and writes them through these
/// pointers, so its monthly loops do no reference counting (when they were arrays of arrays,
/// retains and releases of their storage were a fifth of a run). Valid while the storage lives.
struct RunBuffers {
    let months: Int
    private let amounts: UnsafeMutablePointer<Double>
    private let counts: UnsafeMutablePointer<Int>
    private let requestsAt, workloadTrendsAt, staffTrendsAt, priceFactorsAt: Int
    private let apiInputAt, apiOutputAt, apiCachedInputAt, apiCacheWriteAt, gpuHourLevelsAt, staffCostsAt: Int
    private let costsPerRequestAt, linesAt, inServiceAt: Int

    // Buffers of which there is one.
    let discount, electricityLevels, electricityFactors, colocation: UnsafeMutableBufferPointer<Double>
    /// Scratch of a run: a schedule's levels and values, a leg's average and peak busy GPUs, a
    /// workload's shares served in-house and sent to the fallback, and the NPV's monthly sums.
    let levels, values, average, peak, servedInHouse, sentToFallback, cash, pnl: UnsafeMutableBufferPointer<Double>
    /// The cost lines of the strategy being solved.
    let api, rented, capex, maintenance, power, colocationLine, staff: UnsafeMutableBufferPointer<Double>
    let residual, terminalValue, depreciation, oneTime, financing, interest: UnsafeMutableBufferPointer<Double>
    /// Servers needed and entering service by month (the fleet plan's input and output).
    let needed, entering: UnsafeMutableBufferPointer<Int>

    /// How many amounts and counts buffers of this shape take: the sizes of the storage to make.
    static func sizes(months: Int, workloads: Int, options: Int, roles: Int, apiOptions: Int, legs: Int)
        -> (amounts: Int, counts: Int) {
        let lines = CostLine.allCases.count
        let amounts = 2 * workloads + roles + options * 6 + roles + workloads * apiOptions + 4 + 8 + lines
        return (amounts * months, (2 + legs) * months)
    }

    /// The buffers of a worker with these numbers of workloads, options (`apiOptions` of them
    /// APIs), staff roles and in-house legs, laid out in `storage` (made with `sizes`).
    init(storage: RunStorage, months: Int, workloads: Int, options: Int, roles: Int, apiOptions: Int) {
        self.months = months
        amounts = storage.amounts
        counts = storage.counts
        var next = 0
        func take(_ buffers: Int) -> Int {
            defer { next += buffers * months }
            return next
        }
        requestsAt = take(workloads)
        workloadTrendsAt = take(workloads)
        staffTrendsAt = take(roles)
        priceFactorsAt = take(options)
        apiInputAt = take(options)
        apiOutputAt = take(options)
        apiCachedInputAt = take(options)
        apiCacheWriteAt = take(options)
        gpuHourLevelsAt = take(options)
        staffCostsAt = take(roles)
        costsPerRequestAt = take(workloads * apiOptions)
        let base = amounts
        func one() -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(start: base + take(1), count: months)
        }
        discount = one()
        electricityLevels = one()
        electricityFactors = one()
        colocation = one()
        levels = one()
        values = one()
        average = one()
        peak = one()
        servedInHouse = one()
        sentToFallback = one()
        cash = one()
        pnl = one()
        let lines = take(CostLine.allCases.count)
        linesAt = lines
        func line(_ line: CostLine) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(start: base + lines + line.index * months, count: months)
        }
        api = line(.api)
        rented = line(.rented)
        capex = line(.capex)
        maintenance = line(.maintenance)
        power = line(.power)
        colocationLine = line(.colocation)
        staff = line(.staff)
        residual = line(.residual)
        terminalValue = line(.terminalValue)
        depreciation = line(.depreciation)
        oneTime = line(.oneTime)
        financing = line(.financing)
        interest = line(.interest)
        let countBase = counts
        needed = UnsafeMutableBufferPointer(start: countBase, count: months)
        entering = UnsafeMutableBufferPointer(start: countBase + months, count: months)
        inServiceAt = 2 * months
    }

    private func buffer(_ offset: Int, _ index: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: amounts + offset + index * months, count: months)
    }

    /// Requests of workload `w` by month.
    func requests(_ w: Int) -> UnsafeMutableBufferPointer<Double> { buffer(requestsAt, w) }
    /// Trend of workload `w`'s growth.
    func workloadTrend(_ w: Int) -> UnsafeMutableBufferPointer<Double> { buffer(workloadTrendsAt, w) }
    /// Trend of staff role `r`'s cost change.
    func staffTrend(_ r: Int) -> UnsafeMutableBufferPointer<Double> { buffer(staffTrendsAt, r) }
    /// Trend of option `o`'s price change (API and rented options).
    func priceFactor(_ o: Int) -> UnsafeMutableBufferPointer<Double> { buffer(priceFactorsAt, o) }
    /// API option `o`'s input price by month at the scale of its trend.
    func apiInput(_ o: Int) -> UnsafeMutableBufferPointer<Double> { buffer(apiInputAt, o) }
    /// API option `o`'s output price by month at the scale of its trend.
    func apiOutput(_ o: Int) -> UnsafeMutableBufferPointer<Double> { buffer(apiOutputAt, o) }
    /// API option `o`'s cached input price by month at the scale of its trend.
    func apiCachedInput(_ o: Int) -> UnsafeMutableBufferPointer<Double> { buffer(apiCachedInputAt, o) }
    /// API option `o`'s cache write price by month at the scale of its trend.
    func apiCacheWrite(_ o: Int) -> UnsafeMutableBufferPointer<Double> { buffer(apiCacheWriteAt, o) }
    /// Rented option `o`'s on-demand GPU-hour price by month at the scale of its trend.
    func gpuHourLevels(_ o: Int) -> UnsafeMutableBufferPointer<Double> { buffer(gpuHourLevelsAt, o) }
    /// Staff role `r`'s cost by month.
    func staffCost(_ r: Int) -> UnsafeMutableBufferPointer<Double> { buffer(staffCostsAt, r) }
    /// Cost per request of workload-and-API pair `pair` by month.
    func costPerRequest(_ pair: Int) -> UnsafeMutableBufferPointer<Double> { buffer(costsPerRequestAt, pair) }
    /// Servers in service by month of in-house leg `slot` of the strategy being solved.
    func inService(_ slot: Int) -> UnsafeMutableBufferPointer<Int> {
        UnsafeMutableBufferPointer(start: counts + inServiceAt + slot * months, count: months)
    }

    /// The buffer of the cost line at `index` in `CostLine.allCases`.
    func line(at index: Int) -> UnsafeMutableBufferPointer<Double> { buffer(linesAt, index) }
}
