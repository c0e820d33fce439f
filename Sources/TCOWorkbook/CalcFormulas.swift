import TCOCore

/// Reference and name helpers of a Calc sheet, free of the builder's mutable state so that the
/// per-month formula closures can capture them.
struct CalcFormulas {
    let months: Int
    let catalog: InputCatalog

    /// `E4`-style reference to row `row` in the month column `c`.
    func ref(_ row: Int, _ c: Int) -> String { CellReference.a1(row: row, column: c) }
    /// Month index cell of column `c` (row absolute).
    func month(_ c: Int) -> String { CellReference.a1(row: CalcSheet.monthRow, column: c, absoluteRow: true) }
    func elapsed(_ c: Int) -> String { CellReference.a1(row: CalcSheet.elapsedRow, column: c, absoluteRow: true) }
    func discount(_ c: Int) -> String { CellReference.a1(row: CalcSheet.discountRow, column: c, absoluteRow: true) }
    func lastMonth(_ c: Int) -> String { CellReference.a1(row: CalcSheet.lastMonthRow, column: c, absoluteRow: true) }
    var lastColumn: Int { CalcLayout.firstMonthColumn + months - 1 }
    /// `$E20:$BL20`: the whole timeline of a row.
    func span(_ row: Int) -> String {
        CellReference.a1(row: row, column: CalcLayout.firstMonthColumn, absoluteColumn: true) + ":"
            + CellReference.a1(row: row, column: lastColumn, absoluteColumn: true)
    }
    /// `$E$7:$BL$7`: the whole timeline of a row, the same from every cell.
    func absoluteSpan(_ row: Int) -> String {
        CellReference.absolute(row: row, column: CalcLayout.firstMonthColumn) + ":"
            + CellReference.absolute(row: row, column: lastColumn)
    }
    /// `$E$4:$BL$4`: the month index row.
    var monthSpan: String { absoluteSpan(CalcSheet.monthRow) }
    /// `$D20:F20`: a row from the spacer column through column `c` — the months on the left of
    /// `c` and `c` itself (the spacer keeps the range non-empty in month 1).
    func upTo(_ row: Int, _ c: Int) -> String {
        CellReference.a1(row: row, column: CalcLayout.spacerColumn, absoluteColumn: true) + ":" + ref(row, c)
    }
    /// `$D$4:F$4`: the month indexes matching `upTo(_, c)`.
    func monthsUpTo(_ c: Int) -> String {
        CellReference.absolute(row: CalcSheet.monthRow, column: CalcLayout.spacerColumn) + ":" + month(c)
    }
    /// Growth-style factor `(1+rate)^(elapsed/12)`, or `^elapsed` for a monthly rate.
    func changeFactor(_ rateName: String, monthly: Bool, _ c: Int) -> String {
        "(1+\(rateName))^(\(elapsed(c))\(monthly ? "" : "/Months_Per_Year"))"
    }

    func input(_ key: String) -> String { catalog.name(key) ?? "0" }

    /// A text literal for a formula, quotes doubled.
    static func text(_ value: String) -> String { "\"" + value.replacing("\"", with: "\"\"") + "\"" }

    /// The name of the share `strategy` gives `option` for `workload`, under its effective route.
    func shareName(_ strategy: Strategy, _ workload: String, _ option: String) -> String {
        if let own = strategy.workloadOverrides.first(where: { $0.workload == workload }), own.route != nil {
            return input("strategies.\(strategy.name).workloads.\(workload).route.\(option)")
        }
        return input("strategies.\(strategy.name).route.\(option)")
    }

    /// The key of the escalation `workload` follows under `strategy` (`….escalation`), if it escalates.
    static func escalationKey(_ strategy: Strategy, _ workload: String) -> String? {
        if let own = strategy.workloadOverrides.first(where: { $0.workload == workload }), let setting = own.escalation
        {
            return setting == nil ? nil : "strategies.\(strategy.name).workloads.\(workload).escalation"
        }
        return strategy.escalation == nil ? nil : "strategies.\(strategy.name).escalation"
    }

    /// The name of the escalation rate `workload` follows under `strategy`, if it escalates.
    func escalationRateName(_ strategy: Strategy, _ workload: String) -> String? {
        Self.escalationKey(strategy, workload).map { input($0 + ".rate") }
    }

    /// The name of the text input naming where `workload`'s escalated requests go.
    func escalationTargetName(_ strategy: Strategy, _ workload: String) -> String? {
        Self.escalationKey(strategy, workload).map { input($0 + ".to") }
    }
}
