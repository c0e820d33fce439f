import TCOCore

/// Reference and name helpers of a Calc sheet, free of the builder's mutable state so that the
/// per-month formula closures can capture them.
struct CalcFormulas {
    let months: Int
    let catalog: InputCatalog


    /// `E$4`-style reference to row `row` in the month column `c`.
    func ref(_ row: Int, _ c: Int) -> String { CellReference.a1(row: row, column: c) }
    /// Month index cell of column `c` (row absolute).
    func month(_ c: Int) -> String { CellReference.a1(row: CalcSheet.monthRow, column: c, absoluteRow: true) }
    func elapsed(_ c: Int) -> String { CellReference.a1(row: CalcSheet.elapsedRow, column: c, absoluteRow: true) }
    var lastColumn: Int { CalcLayout.firstMonthColumn + months - 1 }
    /// `$E20:$BL20`: the whole timeline of a row.
    func span(_ row: Int) -> String {
        CellReference.a1(row: row, column: CalcLayout.firstMonthColumn, absoluteColumn: true) + ":"
            + CellReference.a1(row: row, column: lastColumn, absoluteColumn: true)
    }
    /// `$E$4:$BL$4`: the month index row.
    var monthSpan: String {
        CellReference.absolute(row: CalcSheet.monthRow, column: CalcLayout.firstMonthColumn) + ":" + CellReference.absolute(row: CalcSheet.monthRow, column: lastColumn)
    }
    /// Growth-style factor `(1+rate)^(elapsed/12)`, or `^elapsed` for a monthly rate.
    func changeFactor(_ rateName: String, monthly: Bool, _ c: Int) -> String {
        "(1+\(rateName))^(\(elapsed(c))\(monthly ? "" : "/Months_Per_Year"))"
    }

    func input(_ key: String) -> String { catalog.name(key) ?? "0" }

    /// The name of the share `strategy` gives `option` for `workload`, under its effective route.
    func shareName(_ strategy: Strategy, _ workload: String, _ option: String) -> String {
        if let own = strategy.workloadOverrides.first(where: { $0.workload == workload }), own.route != nil {
            return input("strategies.\(strategy.name).workloads.\(workload).route.\(option)")
        }
        return input("strategies.\(strategy.name).route.\(option)")
    }

    /// The name of the escalation rate `workload` follows under `strategy`, if it escalates.
    func escalationRateName(_ strategy: Strategy, _ workload: String) -> String? {
        if let own = strategy.workloadOverrides.first(where: { $0.workload == workload }), let setting = own.escalation {
            return setting == nil ? nil : input("strategies.\(strategy.name).workloads.\(workload).escalation.rate")
        }
        return strategy.escalation == nil ? nil : input("strategies.\(strategy.name).escalation.rate")
    }

}
