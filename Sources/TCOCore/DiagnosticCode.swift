/// A stable identifier of a class of problem in a model file, printed as `TCO104` and listed in
/// `docs/errors.md`, so editors, CI scripts and readers can look a problem up.
///
/// Codes never change meaning once shipped; a new class of problem gets a new number.
/// Hundreds: 1 reading the file, 2 keys and structure, 3 values and units, 4 references and
/// rules across sections, 5 scenarios, 6 `extends`, 9 warnings.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    // Reading the file.
    case fileNotFound = "TCO101"
    case fileUnreadable = "TCO102"
    case notUTF8 = "TCO103"
    case yamlSyntax = "TCO104"
    case tabIndentation = "TCO105"
    case duplicateKey = "TCO106"
    case aliasNotSupported = "TCO107"
    case keyNotPlain = "TCO108"
    case modelNotMap = "TCO109"
    case fileTooLarge = "TCO110"

    // Keys and structure.
    case unknownKey = "TCO201"
    case missingKey = "TCO202"
    case expectedMap = "TCO203"
    case expectedValue = "TCO204"
    case invalidName = "TCO205"
    case emptySection = "TCO206"
    case unknownKind = "TCO207"
    case emptyRoute = "TCO208"
    case expectedList = "TCO209"

    // Values and units.
    case notANumber = "TCO301"
    case unknownUnit = "TCO302"
    case wrongDimension = "TCO303"
    case foreignCurrency = "TCO304"
    case outOfRange = "TCO305"
    case notWholeNumber = "TCO306"
    case tooLarge = "TCO307"
    case invalidBoolean = "TCO308"
    case invalidMonth = "TCO309"
    case invalidCurrency = "TCO310"
    case scheduleOrder = "TCO311"
    case scheduleStartsLate = "TCO312"
    case monthOutsideHorizon = "TCO313"
    case invalidWord = "TCO314"

    // References and rules across sections.
    case undefinedReference = "TCO401"
    case routeSharesSum = "TCO402"
    case sensitiveData = "TCO403"
    case missingFallback = "TCO404"
    case notAnAPI = "TCO405"
    case missingElectricity = "TCO406"
    case cacheSharesSum = "TCO407"

    // Scenarios.
    case invalidScenarioPath = "TCO501"
    case notOverridable = "TCO502"
    case invalidScenario = "TCO503"
    case notContinuous = "TCO504"

    // extends.
    case extendsLoop = "TCO601"
    case invalidExtends = "TCO602"

    // Warnings.
    case unusedDefinition = "TCO901"
    case baseSettingKept = "TCO902"
    case steepGrowth = "TCO903"

    /// The code as printed, e.g. `TCO104`.
    public var code: String { rawValue }

    /// A one-line title of the class of problem.
    public var title: String {
        switch self {
        case .fileNotFound: "model file not found"
        case .fileUnreadable: "model file cannot be read"
        case .notUTF8: "model file is not UTF-8 text"
        case .yamlSyntax: "YAML syntax error"
        case .tabIndentation: "tab used for indentation"
        case .duplicateKey: "key written twice"
        case .aliasNotSupported: "YAML anchors and aliases are not supported"
        case .keyNotPlain: "key is not a plain name"
        case .modelNotMap: "model is not a map of keys"
        case .fileTooLarge: "model file too large"
        case .unknownKey: "unknown key"
        case .missingKey: "missing required key"
        case .expectedMap: "a map of keys was expected"
        case .expectedValue: "a single value was expected"
        case .invalidName: "invalid name"
        case .emptySection: "empty section"
        case .unknownKind: "unknown serving kind"
        case .emptyRoute: "empty route"
        case .expectedList: "a list was expected"
        case .notANumber: "not a number"
        case .unknownUnit: "unknown unit"
        case .wrongDimension: "wrong kind of amount"
        case .foreignCurrency: "amount in another currency"
        case .outOfRange: "value outside its allowed range"
        case .notWholeNumber: "not a whole number"
        case .tooLarge: "amount too large"
        case .invalidBoolean: "not true or false"
        case .invalidMonth: "not a month"
        case .invalidCurrency: "not a currency code"
        case .scheduleOrder: "schedule months out of order"
        case .scheduleStartsLate: "schedule starts after start"
        case .monthOutsideHorizon: "month outside the horizon"
        case .invalidWord: "not one of the allowed words"
        case .undefinedReference: "name not defined"
        case .routeSharesSum: "route shares do not add up to 100 %"
        case .sensitiveData: "sensitive data leaves the house"
        case .missingFallback: "fallback needed"
        case .notAnAPI: "an api option was expected"
        case .missingElectricity: "electricity price needed"
        case .cacheSharesSum: "cached and cache-write shares above 100 %"
        case .invalidScenarioPath: "scenario path does not name a value"
        case .notOverridable: "value a scenario cannot override"
        case .invalidScenario: "invalid scenario"
        case .notContinuous: "range on a value that is not continuous"
        case .extendsLoop: "extends makes a loop"
        case .invalidExtends: "invalid extends"
        case .unusedDefinition: "definition not used"
        case .baseSettingKept: "a base file's setting still applies"
        case .steepGrowth: "growth above 200 % a year"
        }
    }
}
