import TCOCore

/// How a Calc sheet reads the inputs that may change on known dates (calculations.md,
/// "Schedules"). An input written as a single value is its `Inputs` name, with its rate of change
/// as v1's closed form `(1 + x)^((m − 1)/12)`, so a model without schedules gets v1's formulas.
/// A schedule is read from its `Schedules` block in the same column (the sheets' months line up),
/// and a level with a rate gets a row of its own that steps through the written values.
struct ScheduledInputs {
    let f: CalcFormulas
    /// The `Schedules` block of each input this scenario writes as a schedule, by key path.
    let blocks: [String: ScheduleCatalog.Block]
    /// The trend `T(m)` of a rate of change, by key path, where a schedule needs one.
    var trendRows: [String: Int] = [:]
    /// A level with a rate written as a schedule, month by month with its trend, by key path.
    var levelRows: [String: Int] = [:]

    /// Whether any of `keys` is written as a schedule or has a trend row: its formulas then read rows,
    /// not v1's closed form.
    func involves(_ keys: [String]) -> Bool { keys.contains { blocks[$0] != nil || trendRows[$0] != nil } }

    private func schedules(_ row: Int, _ c: Int) -> String { ScheduleCatalog.cell(row: row, column: c) }

    /// A level without a rate of change (colocation, a staff count) in month column `c`.
    func value(_ key: String, _ c: Int) -> String { blocks[key].map { schedules($0.inForceRow, c) } ?? f.input(key) }

    /// The trend of the rate `rateKey` in month column `c`; `monthly` is how a single rate is written.
    func trend(_ rateKey: String, monthly: Bool, _ c: Int) -> String {
        trendRows[rateKey].map { f.ref($0, c) } ?? f.changeFactor(f.input(rateKey), monthly: monthly, c)
    }

    /// A level with its rate of change in month column `c`: `v × T(m) / T(s)`.
    func level(_ key: String, trend rateKey: String, monthly: Bool, _ c: Int) -> String {
        if let row = levelRows[key] { return f.ref(row, c) }
        return "\(f.input(key))*\(trend(rateKey, monthly: monthly, c))"
    }

    /// The formula of row `row` holding a level written as a schedule: the written value in a month
    /// that has one (and in month 1), else last month's value times this month's change of the
    /// trend — so a written value holds exactly in its month and the trend goes on from there.
    func stepping(_ key: String, trend rateKey: String, row: Int, _ c: Int) -> String? {
        guard let block = blocks[key], let t = trendRows[rateKey] else { return nil }
        return "IF(OR(\(f.month(c))=1,\(schedules(block.writtenRow, c))<>\"\"),\(schedules(block.inForceRow, c)),"
            + "\(f.ref(row, c - 1))*\(f.ref(t, c))/\(f.ref(t, c - 1)))"
    }
}

extension CalcSheet {
    /// The rows that turn this scenario's schedules into monthly values: the trend of every rate of
    /// change that is a schedule or that a scheduled level follows, then every scheduled level with a
    /// rate (prices, GPU-hour, electricity, staff cost). Requests step in their own Volumes row.
    mutating func addSchedules(_ schedules: ScheduleCatalog, scenario s: Int) {
        let f = self.f
        var inputs = ScheduledInputs(
            f: f, blocks: Dictionary(schedules.blocks(scenario: s).map { ($0.key, $0) }) { a, _ in a })
        let items = ScheduleCatalog.schedulables(scenario.model)
        let levels = items.filter { $0.trend != nil && inputs.blocks[$0.key] != nil }
        let rates = items.filter { r in
            r.rate != nil && (inputs.blocks[r.key] != nil || levels.contains { $0.trend == r.key })
        }
        let rows = levels.filter { !$0.key.hasSuffix(".requests") }
        if !rates.isEmpty || !rows.isEmpty { header("Schedules: values by month (Schedules sheet) and trends") }
        var trends: [String: [Double]] = [:]
        for item in rates {
            guard let rate = item.rate else { continue }
            let block = inputs.blocks[item.key], name = f.input(item.key)
            let monthly = block?.isMonthly ?? rate.first.isMonthly
            let row = nextRow
            trends[item.key] = rate.trend(months: months)
            inputs.trendRows[item.key] = add(
                Row(
                    label: "\(label(item.key)) — trend index (month 1 = 1)", unit: "factor", format: .factor,
                    formula: { c in
                        guard let block else { return f.changeFactor(name, monthly: monthly, c) }
                        let x = ScheduleCatalog.cell(row: block.inForceRow, column: c)
                        return "IF(\(f.month(c))=1,1,\(f.ref(row, c - 1))*(1+\(x))"
                            + (monthly ? ")" : "^(1/Months_Per_Year))")
                    },
                    values: trends[item.key] ?? [],
                    note: block == nil
                        ? "The rate is one value: (1 + rate)^(months since start / 12), or ^months for a rate "
                            + "per month."
                        : "Each month multiplies the last by the month's change, from the rate in force that month "
                            + "(Schedules sheet)."))
        }
        let frozen = inputs
        for item in rows {
            guard let rateKey = item.trend, let trend = trends[rateKey] else { continue }
            let row = nextRow
            inputs.levelRows[item.key] = add(
                Row(
                    label: "\(label(item.key)) by month, with its trend", unit: catalog.item(item.key)?.unit ?? "",
                    format: catalog.item(item.key)?.format ?? .number,
                    formula: { c in frozen.stepping(item.key, trend: rateKey, row: row, c) ?? "0" },
                    values: zip(item.schedule.levels(over: trend), trend).map { $0 * $1 },
                    note: "A written value holds exactly in its month; in other months last month's value "
                        + "follows the trend (calculations.md, Schedules)."))
        }
        scheduled = inputs
    }

    private func label(_ key: String) -> String { ScheduleCatalog.label(catalog.item(key)?.label ?? key) }
}
