import TCOCore
import TCOLoading

/// Every schedulable input that some scenario writes as a schedule (model-format.md, "Schedules"),
/// laid out as the blocks of the `Schedules` sheet: a row of the values as written, each in the
/// month column it takes effect (input cells), and below it the value in force in every month (a
/// formula). Month columns line up with the Calc sheets' columns, so month `m` is the same column
/// on both sheets. A scenario that keeps the base's schedule shares the base block; one whose
/// schedule differs has its own. Inputs written as a single value stay on `Inputs` only.
struct ScheduleCatalog {
    /// One schedulable input of a model, as numbers: a level, or a rate of change as a fraction
    /// per year (or per month when every step is monthly).
    struct Schedulable {
        var key: String
        var schedule: Schedule<Double>
        /// The rate of change this level follows (`workloads.w.growth` for its `requests`), if any.
        var trend: String?
        /// The rate as written, for a rate of change; `nil` for a level.
        var rate: Schedule<Rate>?
        var isMonthly: Bool
        /// A rate schedule with both %/year and %/month steps, shown per year.
        var mixesPeriods = false
    }

    struct Block {
        var key: String
        var label: String
        var unit: String
        var format: CellStyle.NumberFormat
        /// The values its cells accept (the input's).
        var range: AllowedRange
        /// Indexes of the scenarios that use this block (base is 0).
        var scenarios: [Int]
        /// The steps inside the columns of the sheet (later ones are unused).
        var steps: [Schedule<Double>.Step]
        var isRate: Bool
        var isMonthly: Bool
        var mixesPeriods: Bool
        /// The value in force in each month of the sheet.
        var inForce: [Double]
        /// Row of the written values; the values in force are on the row below.
        var writtenRow: Int
        /// Fixed weight of the block in the input fingerprint (Checks, "solver values current").
        var weight: Double
        var inForceRow: Int { writtenRow + 1 }
        /// Σ weight × value × month: the block's part of the fingerprint at export.
        var fingerprint: Double { steps.reduce(0) { $0 + weight * $1.value * Double($1.month) } }
    }

    /// Title and two short lines of explanation (short, so that they fit in the label columns that
    /// every printed page repeats), header, month index and calendar month rows; the blocks start
    /// below them, three rows each (written values, value in force, a blank row).
    static let sheetName = "Schedules"
    static let headerRow = 3, monthRow = 4, dateRow = 5, firstRow = 7

    private(set) var blocks: [Block] = []
    /// Block index by `key|scenario`.
    private var index: [String: Int] = [:]
    /// Month columns of the sheet: the longest horizon of any scenario.
    let months: Int

    var isEmpty: Bool { blocks.isEmpty }
    var lastColumn: Int { CalcLayout.firstMonthColumn + months - 1 }
    /// Fixed weights of the fingerprint, one column right of the months.
    var weightColumn: Int { lastColumn + 2 }

    init(_ loaded: LoadedModel, inputs: InputCatalog) {
        let scenarios = loaded.scenarios
        months = scenarios.map(\.model.horizonMonths).max() ?? 0
        let perScenario = scenarios.map { Dictionary(Self.schedulables($0.model).map { ($0.key, $0) }) { a, _ in a } }
        var row = Self.firstRow
        for item in Self.schedulables(loaded.base) + scenarios.dropFirst().flatMap({ Self.schedulables($0.model) }) {
            let key = item.key
            for (s, scenario) in scenarios.enumerated() where index["\(key)|\(s)"] == nil {
                guard let own = perScenario[s][key], !own.schedule.isConstant else { continue }
                // The base's block when the scenario has the base's schedule and does not write its own.
                let overrides = scenario.overrides.contains { key == $0.path || key.hasPrefix($0.path + ".") }
                let base = perScenario[0][key]
                if s > 0, !overrides, base?.schedule == own.schedule, base?.rate == own.rate,
                   let shared = index["\(key)|0"] {
                    blocks[shared].scenarios.append(s)
                    index["\(key)|\(s)"] = shared
                    continue
                }
                let input = inputs.item(key)
                let steps = own.schedule.steps.filter { $0.month <= months }
                blocks.append(
                    Block(
                        key: key, label: Self.label(input?.label ?? key),
                        unit: own.rate == nil ? input?.unit ?? "" : own.isMonthly ? "%/month" : "%/year",
                        format: input?.format ?? .number, range: input?.range ?? .any,
                        scenarios: [s], steps: steps, isRate: own.rate != nil, isMonthly: own.isMonthly,
                        mixesPeriods: own.mixesPeriods,
                        inForce: own.schedule.valuesByMonth(months), writtenRow: row,
                        weight: WorkbookWriter.fingerprintWeight(
                            index: inputs.items.count + blocks.count, values: steps.map(\.value))))
                index["\(key)|\(s)"] = blocks.count - 1
                row += 3
            }
        }
    }

    /// `Schedules!E8`: a cell of the sheet, for formulas on other sheets (relative, so that a Calc
    /// cell reads its own month's column).
    static func cell(row: Int, column: Int) -> String { sheetName + "!" + CellReference.a1(row: row, column: column) }

    /// The block scenario `s` uses for `key`, when that scenario writes it as a schedule.
    func block(_ key: String, scenario s: Int) -> Block? { index["\(key)|\(s)"].map { blocks[$0] } }

    /// The blocks scenario `s` uses.
    func blocks(scenario s: Int) -> [Block] { blocks.filter { $0.scenarios.contains(s) } }

    /// The input's label without the "in month 1" that `Inputs` needs for a single value.
    static func label(_ text: String) -> String {
        text.hasSuffix(" in month 1") ? String(text.dropLast(" in month 1".count)) : text
    }

    /// Every schedulable input of `model` (model-format.md, "Schedulable keys"), constant or not,
    /// from the registry of inputs.
    static func schedulables(_ model: Model) -> [Schedulable] {
        InputRegistry.inputs(of: model).compactMap { input in
            guard input.key.isSchedulable, let access = input.key.access else { return nil }
            if let schedule = access.rateSchedule(in: model, of: input.owner) {
                // A schedule mixing %/year and %/month steps is shown per year: (1 + x)^12 − 1 for a
                // monthly x gives the same monthly factor (calculations.md, Schedules).
                let monthly = schedule.allSatisfy(\.isMonthly)
                let values = schedule.map { r in r.isMonthly && !monthly ? Double.pow(1 + r.value, 12) - 1 : r.value }
                return Schedulable(
                    key: input.path, schedule: values, trend: nil, rate: schedule, isMonthly: monthly,
                    mixesPeriods: !monthly && schedule.contains(where: \.isMonthly))
            }
            guard let schedule = access.schedule(in: model, of: input.owner) else { return nil }
            let trend = input.key.trend.map { String(input.path.dropLast(input.key.name.count)) + $0 }
            return Schedulable(key: input.path, schedule: schedule, trend: trend, rate: nil, isMonthly: false)
        }
    }
}
