import TCOCore

extension WorkbookWriter {
    /// One row of the Checks sheet: what is checked, the rule, and for each scenario the condition
    /// that holds when the check passes (`nil` where it does not apply).
    struct Check {
        var label: String
        var rule: String
        var passes: [String?]
    }

    /// The `Checks` sheet (FAST: a checks sheet and a master check): every row is a check with a
    /// flag per scenario, 0 when it passes and 1 when it fails (an error value counts as a
    /// failure); the failures add up in B3, which `Master_Check` on Summary shows. Each section
    /// states its rules once above its checks.
    mutating func writeChecks(
        _ sheet: XLSXWorksheet, book: XLSXWorkbook, calcSheets: [CalcSheet], summary: SummaryRows,
        annual: AnnualRows
    ) throws {
        let scenarios = loaded.scenarios
        let firstFlag = ChecksLayout.firstScenarioColumn
        let lastFlag = firstFlag + scenarios.count - 1
        sheet.write("Checks — \(loaded.base.title)", row: 0, column: 0, style: .title)
        sheet.write(
            "Each check shows OK (0) or FAIL (1) per scenario; the failures add up below and in Master_Check on "
            + "Summary. A failed check means the workbook no longer computes what the model says: fix the input, or "
            + "change the model file and export again. 'Solver values current' is not counted there: an edited "
            + "input only makes the solver's values stale (Summary says so beside Master_Check).",
            row: 1, column: 0, style: .subtitle)
        sheet.write("Failed checks, all scenarios", row: ChecksLayout.totalRow, column: 0, style: .label)
        for (c, text) in ["Check", "Failures"].enumerated() {
            sheet.write(text, row: ChecksLayout.headerRow, column: c, style: .header)
        }
        for (s, scenario) in scenarios.enumerated() {
            sheet.write(scenario.name, row: ChecksLayout.headerRow, column: firstFlag + s, style: .centredHeader)
        }

        manifest.checkRows = []
        writeFingerprint(sheet)
        var row = ChecksLayout.firstCheckRow
        let sections: [(String, [Check])] = [
            ("Time axis", timeAxisChecks(calcSheets)),
            ("Schedules", scheduleChecks()),
            ("Routes", routeChecks()),
            ("Sensitive data", sensitiveDataChecks()),
            ("Escalation and fallback targets", targetChecks(calcSheets)),
            ("Summary and Annual tie to Calc", tieChecks(calcSheets, summary: summary, annual: annual)),
            ("Cash and P&L reconcile over the horizon", reconcileChecks(calcSheets)),
            ("No error values", errorChecks(calcSheets)),
        ]
        var checkRows = [ChecksLayout.staleRow]
        for (title, checks) in sections where !checks.isEmpty {
            sheet.write(title, row: row, column: 0, style: .label)
            row += 1
            // The rules of the section, each once (a run of checks, one per strategy or workload,
            // shares one), on rows of their own that the text can run across.
            var rules: [String] = []
            for check in checks where !rules.contains(check.rule) { rules.append(check.rule) }
            for rule in rules {
                sheet.write("Rule: " + rule, row: row, column: 0, style: .remark)
                row += 1
            }
            for check in checks {
                writeCheck(sheet, check, row: row)
                checkRows.append(row)
                row += 1
            }
            row += 1
        }
        // The integrity checks only: the stale row below the fingerprints is reported on its own.
        let failures =
            CellReference.absolute(row: ChecksLayout.firstCheckRow, column: ChecksLayout.failuresColumn) + ":"
            + CellReference.absolute(row: row, column: ChecksLayout.failuresColumn)
        sheet.write(
            formula: "=SUM(\(failures))", cached: 0, row: ChecksLayout.totalRow, column: ChecksLayout.failuresColumn,
            style: .total(.failures))
        sheet.highlight(
            row: ChecksLayout.totalRow, columns: ChecksLayout.failuresColumn...ChecksLayout.failuresColumn,
            whenEqual: true, to: 0, style: .good)
        sheet.highlight(
            row: ChecksLayout.totalRow, columns: ChecksLayout.failuresColumn...ChecksLayout.failuresColumn,
            whenEqual: false, to: 0, style: .bad)
        manifest.cells.append(
            .init(
                sheet: "Checks", row: ChecksLayout.totalRow, column: ChecksLayout.failuresColumn,
                label: "check: failures in all", number: 0, text: nil, isSolverValue: false))
        for r in checkRows {
            sheet.highlight(
                row: r, columns: ChecksLayout.failuresColumn...lastFlag, whenEqual: false, to: 0, style: .bad)
        }
        sheet.setColumn(0, 0, width: ColumnWidths.fit(manifest.checkRows.map(\.label), minimum: 40, maximum: 80))
        sheet.setColumn(1, 1, width: 13)
        sheet.setColumn(firstFlag, lastFlag, width: ColumnWidths.fit(scenarios.map(\.name), minimum: 10, maximum: 24))
        sheet.freezePanes(row: ChecksLayout.headerRow + 1, column: firstFlag)
        sheet.printSetup(.init(lastRow: row, lastColumn: lastFlag, repeatRows: 0...ChecksLayout.headerRow))
    }

    private mutating func writeCheck(_ sheet: XLSXWorksheet, _ check: Check, row: Int) {
        let firstFlag = ChecksLayout.firstScenarioColumn
        sheet.write(check.label, row: row, column: ChecksLayout.labelColumn)
        for (s, condition) in check.passes.enumerated() {
            guard let condition else { continue }
            sheet.write(
                formula: "=IFERROR(IF(\(condition),0,1),1)", cached: 0, row: row, column: firstFlag + s,
                style: .calc(.flag))
            manifest.cells.append(
                .init(
                    sheet: "Checks", row: row, column: firstFlag + s,
                    label: "check: \(check.label) (\(loaded.scenarios[s].name))", number: 0, text: nil,
                    isSolverValue: false))
        }
        let flags =
            CellReference.a1(row: row, column: firstFlag) + ":"
            + CellReference.a1(row: row, column: firstFlag + check.passes.count - 1)
        sheet.write(
            formula: "=SUM(\(flags))", cached: 0, row: row, column: ChecksLayout.failuresColumn, style: .calc(.integer)
        )
        manifest.checkRows.append((check.label, row))
    }

    /// The input fingerprint: Σ weight × value over every numeric input of a scenario column,
    /// stored at export (a solver value) and recomputed live; when they differ, the solver values
    /// (the volume break-even) no longer belong to the inputs shown.
    private mutating func writeFingerprint(_ sheet: XLSXWorksheet) {
        let scenarios = loaded.scenarios
        let firstItem = Self.inputsHeaderRow + 1
        let lastItem = Self.inputsHeaderRow + catalog.items.count
        let weightColumn = Self.inputsBaseColumn + scenarios.count + 1
        let weights =
            "Inputs!" + CellReference.absolute(row: firstItem, column: weightColumn) + ":"
            + CellReference.absolute(row: lastItem, column: weightColumn)
        let edited = schedules.isEmpty ? "Inputs" : "Inputs or Schedules"
        sheet.write(
            "Solver values (lilac) belong to the inputs shown", row: ChecksLayout.exportFingerprintRow - 2, column: 0,
            style: .label)
        sheet.write(
            "Rule: fingerprint now = at export. Any edit on \(edited) fails it: export again to refresh the volume "
                + "break-even",
            row: ChecksLayout.exportFingerprintRow - 1, column: 0, style: .remark)
        sheet.write(
            "Input fingerprint at export (Σ weight × value on Inputs)", row: ChecksLayout.exportFingerprintRow,
            column: 0)
        sheet.write(
            "Input fingerprint now (weights: last column of Inputs)", row: ChecksLayout.liveFingerprintRow, column: 0)
        let first = ChecksLayout.firstScenarioColumn
        var passes: [String?] = []
        for s in scenarios.indices {
            let values =
                "Inputs!" + CellReference.absolute(row: firstItem, column: Self.inputsBaseColumn + s) + ":"
                + CellReference.absolute(row: lastItem, column: Self.inputsBaseColumn + s)
            let stored = exportFingerprints[s]
            sheet.write(stored, row: ChecksLayout.exportFingerprintRow, column: first + s, style: .solver(.number))
            sheet.write(
                formula: "=SUMPRODUCT(\(values),\(weights))" + scheduleFingerprint(scenario: s)
                    + textFingerprint(column: Self.inputsBaseColumn + s), cached: stored,
                row: ChecksLayout.liveFingerprintRow,
                column: first + s, style: .calc(.number))
            manifest.cells.append(
                .init(
                    sheet: "Checks", row: ChecksLayout.liveFingerprintRow, column: first + s,
                    label: "check: input fingerprint now (\(scenarios[s].name))", number: stored, text: nil,
                    isSolverValue: false))
            let exported = CellReference.a1(row: ChecksLayout.exportFingerprintRow, column: first + s)
            let now = CellReference.a1(row: ChecksLayout.liveFingerprintRow, column: first + s)
            passes.append(Self.tie(now, exported))
        }
        writeCheck(
            sheet,
            Check(
                label: "Solver values current (volume break-even)",
                rule: "Fingerprint now = at export. Any edit on \(edited) fails it: export again to refresh the volume "
                    + "break-even",
                passes: passes), row: ChecksLayout.staleRow)
    }

    /// `a` equals `b` within the relative `Check_Tolerance`.
    static func tie(_ a: String, _ b: String) -> String { "ABS(\(a)-(\(b)))<=Check_Tolerance*MAX(ABS(\(b)),1)" }

    /// The `Inputs` cell of `key` in scenario column `s`, absolute and sheet-qualified.
    func inputCell(_ key: String, _ s: Int) -> String? {
        inputRows[key].map { "Inputs!" + CellReference.absolute(row: $0, column: Self.inputsBaseColumn + s) }
    }

    private func timeAxisChecks(_ calcSheets: [CalcSheet]) -> [Check] {
        let months = calcSheets.enumerated().map { s, calc -> String? in
            inputCell("horizon", s).map {
                "COUNT(\(CellReference.sheet(calc.name))!\(calc.f.absoluteSpan(CalcSheet.monthRow)))=\($0)"
            }
        }
        return [
            Check(
                label: "Calc sheets have one month column per month of the horizon",
                rule: "Month columns = Horizon_Months (the layout is fixed at export: change the model, export again)",
                passes: months)
        ]
    }

    private func tieChecks(_ calcSheets: [CalcSheet], summary: SummaryRows, annual: AnnualRows) -> [Check] {
        var checks: [Check] = [], annualChecks: [Check] = []
        for strategy in loaded.base.strategies {
            let name = strategy.name
            var toSummary: [String?] = []
            var toAnnual: [String?] = []
            for (s, calc) in calcSheets.enumerated() {
                guard let lines = calc.strategyRows[name],
                    let row = summary[s].rows.first(where: { $0.strategy == name })?.row
                else {
                    toSummary.append(nil)
                    toAnnual.append(nil)
                    continue
                }
                let span = calc.monthsReference
                func shown(_ column: Int) -> String { "Summary!" + CellReference.absolute(row: row, column: column) }
                toSummary.append(
                    "AND("
                        + [
                            Self.tie(shown(1), "SUMPRODUCT(\(span(lines.cost)),\(span(CalcSheet.discountRow)))"),
                            Self.tie(shown(2), "SUM(\(span(lines.cost)))"),
                            Self.tie(shown(3), "SUM(\(span(lines[.capex])))"),
                            Self.tie(shown(4), "SUM(\(span(lines.pnl)))"),
                            Self.tie(shown(5), "SUM(\(span(lines[.terminalValue])))"),
                            "\(shown(7))=MAX(\(span(lines.servers)))",
                        ].joined(separator: ",")
                        + (isTaxed
                            ? "," + Self.tie(
                                shown(Self.afterTaxColumn),
                                "SUMPRODUCT(\(span(lines.afterTax)),\(span(CalcSheet.discountRow)))")
                            : "")
                        + ")")
                guard let years = annual[s][name] else {
                    toAnnual.append(nil)
                    continue
                }
                let calcTotal = calc.totalReference
                func annualTotal(_ r: Int) -> String {
                    "Annual!" + CellReference.absolute(row: r, column: CalcLayout.totalColumn)
                }
                toAnnual.append(
                    "AND("
                        + [
                            Self.tie(annualTotal(years.cash), calcTotal(lines.cost)),
                            Self.tie(annualTotal(years.pnl), calcTotal(lines.pnl)),
                            Self.tie(annualTotal(years.capex), calcTotal(lines[.capex])),
                            Self.tie(annualTotal(years.depreciation), calcTotal(lines[.depreciation])),
                        ].joined(separator: ",") + ")")
            }
            checks.append(
                Check(
                    label: "\(name): Summary shows the Calc lines",
                    rule: "NPV = Σ cash cost × discount factor; totals = Σ of their Calc rows; peak servers = max",
                    passes: toSummary))
            annualChecks.append(
                Check(
                    label: "\(name): Annual years add up to the Calc totals",
                    rule: "Σ over years of cash cost, P&L cost, capex and depreciation = the Calc total of each",
                    passes: toAnnual))
        }
        return checks + annualChecks
    }

    /// Over the horizon, P&L cost = cash cost − capex + depreciation + residual + terminal value
    /// (the two lines differ only there: calculations.md, Cash cost and P&L cost), and every
    /// server's price is depreciated, sold at residual value or carried at book value, so capex =
    /// depreciation + residual + terminal value and total P&L cost = total cash cost.
    /// The lines that take cash cost to P&L cost, each with its sign: Σ (P&L membership − cash
    /// sign) × line (capex out, depreciation in, the inflows back, loan principal out, interest in).
    static let bridge: [(line: CostLine, sign: String)] = CostLine.allCases.compactMap { line in
        let weight = (line.isPnLCost ? 1 : 0) - line.cashSign
        return weight == 0 ? nil : (line, weight > 0 ? "+" : "-")
    }

    private func reconcileChecks(_ calcSheets: [CalcSheet]) -> [Check] {
        var checks: [Check] = [], bookChecks: [Check] = []
        for strategy in loaded.base.strategies {
            var bridge: [String?] = []
            var book: [String?] = []
            for calc in calcSheets {
                guard let l = calc.strategyRows[strategy.name] else {
                    bridge.append(nil)
                    book.append(nil)
                    continue
                }
                let t = calc.totalReference
                bridge.append(Self.tie(t(l.pnl), t(l.cost) + Self.bridge.map { "\($0.sign)\(t(l[$0.line]))" }.joined()))
                let recovered = "\(t(l[.depreciation]))+\(t(l[.residual]))+\(t(l[.terminalValue]))"
                // With terminal_value none the book value left at the horizon is written off, so capex
                // only bounds what is recovered (calculations.md, Fleet), read from the scenario's input.
                let lost = "\(recovered)<=\(t(l[.capex]))+Check_Tolerance*MAX(ABS(\(t(l[.capex]))),1)"
                let s = calcSheets.firstIndex { $0.name == calc.name } ?? 0
                book.append(
                    inputCell("finance.terminal_value", s).map {
                        "IF(\($0)=1,\(Self.tie(t(l[.capex]), recovered)),\(lost))"
                    } ?? Self.tie(t(l[.capex]), recovered))
            }
            checks.append(
                Check(
                    label: "\(strategy.name): P&L = cash "
                        + Self.bridge.map { "\($0.sign == "-" ? "−" : "+") \($0.line.label)" }
                        .joined(separator: " "),
                    rule: "Horizon totals: P&L swaps the fleet's cash items (capex, residual, terminal value) for "
                        + "depreciation",
                    passes: bridge))
            bookChecks.append(
                Check(
                    label: "\(strategy.name): capex = depreciation + residual + terminal value",
                    rule: "Each server is depreciated, sold at residual value or carried at book value: Σ P&L = Σ "
                        + "cash (with terminal value none, capex ≥ the rest: book value at the horizon is lost)",
                    passes: book))
        }
        return checks + bookChecks + loanChecks(calcSheets) + fleetChecks(calcSheets)
    }

    private func errorChecks(_ calcSheets: [CalcSheet]) -> [Check] {
        let calcs = calcSheets.map { calc -> String? in
            let last = CellReference.absolute(row: CalcSheet.firstRow + calc.rows.count, column: calc.f.lastColumn)
            return "SUMPRODUCT(--ISERROR(\(CellReference.sheet(calc.name))!$A$1:\(last)))=0"
        }
        let years = (loaded.base.horizonMonths + 11) / 12
        let annualEnd = CellReference.absolute(row: annualLastRow, column: CalcLayout.firstMonthColumn + years - 1)
        return [
            Check(
                label: "Calc sheets show no error values",
                rule: "No error value (division by zero, broken reference, text in arithmetic) on the Calc sheet",
                passes: calcs),
            Check(
                label: "Annual shows no error values", rule: "No error value on the Annual sheet",
                passes: [("SUMPRODUCT(--ISERROR(Annual!$A$1:\(annualEnd)))=0")]
                    + calcSheets.dropFirst().map { _ in nil }),
        ]
    }
}
