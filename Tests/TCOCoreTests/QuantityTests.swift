import Testing
@testable import TCOCore

@Suite("Quantities and units")
struct QuantityTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var value: Double
        var dimension: Dimension
        var description: String { text }
    }

    // Each expected value is the spec's conversion done by hand (model-format.md, "Quantities and units").
    static let valid: [Case] = [
        Case(text: "1800", value: 1800, dimension: .number),
        Case(text: "0.11", value: 0.11, dimension: .number),
        Case(text: "1_200_000", value: 1_200_000, dimension: .number),
        Case(text: "1.8k", value: 1800, dimension: .number),
        Case(text: "1.5B", value: 1_500_000_000, dimension: .number),
        Case(text: "40%", value: 0.4, dimension: .percent),
        Case(text: "49.03%", value: 0.4903, dimension: .percent),
        Case(text: "40%/year", value: 0.4, dimension: .ratePerYear),
        Case(text: "-20%/year", value: -0.2, dimension: .ratePerYear),
        Case(text: "3%/month", value: 0.03, dimension: .ratePerMonth),
        Case(text: "280k USD", value: 280_000, dimension: .money),
        Case(text: "280kUSD", value: 280_000, dimension: .money),
        Case(text: "3 USD/Mtok", value: 3, dimension: .pricePerMillionTokens),
        Case(text: "0.30 USD/Mtok", value: 0.3, dimension: .pricePerMillionTokens),
        Case(text: "2.4 USD/GPU-hour", value: 2.4, dimension: .pricePerGPUHour),
        Case(text: "180 USD/kW/month", value: 180, dimension: .pricePerKilowattMonth),
        Case(text: "0.11 USD/kWh", value: 0.11, dimension: .pricePerKilowattHour),
        Case(text: "220k USD/year", value: 220_000, dimension: .moneyPerYear),
        // 18 333.33 per month × 12 = 220 000 per year.
        Case(text: "20k USD/month", value: 240_000, dimension: .moneyPerYear),
        Case(text: "1.2M/month", value: 1_200_000, dimension: .perMonth),
        // 40 000 per day × 365/12 days per month = 1 216 666.67 per month.
        Case(text: "40k/day", value: 40_000.0 * 365 / 12, dimension: .perMonth),
        Case(text: "10.2 kW", value: 10.2, dimension: .power),
        Case(text: "10.2kW", value: 10.2, dimension: .power),
        Case(text: "500 W", value: 0.5, dimension: .power),
        // Unit letters win: 1.2MW is 1.2 megawatts = 1200 kW, not 1.2 million watts.
        Case(text: "1.2MW", value: 1200, dimension: .power),
        Case(text: "2400 tok/s", value: 2400, dimension: .throughput),
        Case(text: "3 months", value: 3, dimension: .duration),
        Case(text: "1 month", value: 1, dimension: .duration),
        Case(text: "3 mo", value: 3, dimension: .duration),
        Case(text: "4 years", value: 48, dimension: .duration),
        Case(text: "1 year", value: 12, dimension: .duration),
        Case(text: "4y", value: 48, dimension: .duration),
        Case(text: "1.5 years", value: 18, dimension: .duration),
        Case(text: "0 months", value: 0, dimension: .duration),
        Case(text: "  9% ", value: 0.09, dimension: .percent),
    ]

    @Test("parses every unit form", arguments: valid)
    func parses(_ c: Case) throws {
        let q = try Quantity.parse(c.text, currency: "USD").get()
        #expect(q.dimension == c.dimension)
        #expect(abs(q.value - c.value) <= 1e-12 * max(1, abs(c.value)))
    }

    @Test("70% is the double nearest 0.7, as written")
    func readsAsWritten() throws {
        #expect(try Quantity.parse("70%", currency: "USD").get().value == 0.7)
        #expect(try Quantity.parse("1.2M/month", currency: "USD").get().value == 1_200_000)
    }

    struct Bad: Sendable, CustomStringConvertible {
        var text: String
        var expecting: [Dimension]
        var message: String
        var hint: String?
        var example: String? = nil
        var description: String { text }
    }

    static let invalid: [Bad] = [
        Bad(text: "40", expecting: [.ratePerYear], message: "expected a rate per year such as '40%/year', got '40'", hint: "write the unit: '40%/year'"),
        Bad(text: "10 kW", expecting: [.money], message: "expected an amount of money such as '280k USD', got '10 kW'", hint: "'10 kW' is a power; write an amount of money, e.g. '280k USD'"),
        Bad(text: "280k EUR", expecting: [.money], message: "'280k EUR' is in EUR, but the model's currency is USD", hint: "write every amount of this model in USD, e.g. '280k USD'"),
        Bad(text: "3 USD/Mtk", expecting: [.pricePerMillionTokens], message: "unknown unit 'USD/Mtk' in '3 USD/Mtk'", hint: "did you mean 'USD/Mtok'? This key expects a price per million tokens, e.g. '3 USD/Mtok'"),
        Bad(text: "1.3 months", expecting: [.duration], message: "'1.3 months' is not a whole number of months", hint: "durations come to whole months, e.g. '18 months' or '1.5 years'"),
        Bad(text: "abc", expecting: [.number], message: "'abc' is not a number with a unit", hint: "write a number first, e.g. '280k USD' or '40%'"),
        Bad(text: "nan", expecting: [.number], message: "'nan' is not a number with a unit", hint: "write a number first, e.g. '280k USD' or '40%'"),
        Bad(text: ".inf", expecting: [.number], message: "'.inf' is not a number with a unit", hint: "write a number first, e.g. '280k USD' or '40%'"),
        Bad(text: "", expecting: [.number], message: "expected a value, got nothing", hint: "write a number with its unit, e.g. '280k USD'"),
        Bad(text: "8 GPUs", expecting: [.number], message: "unknown unit 'GPUs' in '8 GPUs'", hint: nil),
        Bad(text: "40%", expecting: [.ratePerYear], message: "expected a rate per year such as '40%/year', got '40%'", hint: "'40%' is a percentage; a rate of change gives its period: '40%/year'"),
        Bad(text: "-15%", expecting: [.ratePerMonth], message: "expected a rate per month such as '3%/month', got '-15%'", hint: "'-15%' is a percentage; a rate of change gives its period: '-15%/month'"),
        Bad(text: "0.000015 USD/tok", expecting: [.pricePerMillionTokens], message: "unknown unit 'USD/tok' in '0.000015 USD/tok'", hint: "prices here are per million tokens: '0.000015 USD/tok' is '15 USD/Mtok'"),
        Bad(text: "1e12 USD/Mtok", expecting: [.pricePerMillionTokens], message: "unknown unit 'e12 USD/Mtok' in '1e12 USD/Mtok'", hint: "write the number in full or with a scale (k, M, B: '1.2M'), not as a power of ten ('1e12 USD/Mtok')"),
        Bad(text: "0.003 USD/ktok", expecting: [.pricePerMillionTokens], message: "unknown unit 'USD/ktok' in '0.003 USD/ktok'", hint: "prices here are per million tokens: '0.003 USD/ktok' is '3 USD/Mtok'"),
        Bad(text: "2 kW", expecting: [.number], message: "expected a plain number such as '8', got '2 kW'", hint: "this key counts things: write the number alone, e.g. '8'"),
        Bad(text: "5 parsecs", expecting: [.duration], message: "unknown unit 'parsecs' in '5 parsecs'", hint: nil),
        Bad(text: "1e6", expecting: [.number], message: "unknown unit 'e6' in '1e6'", hint: nil),
        // A fraction where a percentage belongs is most likely a share written as a decimal: 0.09 → 9%.
        Bad(text: "0.09", expecting: [.percent, .ratePerYear], message: "expected a percentage such as '9%', got '0.09'",
            hint: "'0.09' reads as a fraction; as a percentage it is '9%'", example: "9%"),
        Bad(text: "0.65", expecting: [.percent], message: "expected a percentage such as '70%', got '0.65'",
            hint: "'0.65' reads as a fraction; as a percentage it is '65%'", example: "70%"),
        Bad(text: "0.6", expecting: [.ratePerYear, .ratePerMonth], message: "expected a rate per year such as '40%/year', got '0.6'",
            hint: "'0.6' reads as a fraction; as a percentage it is '60%/year'"),
        // The unit the key is usually written in: months for a lead time, not years.
        Bad(text: "3", expecting: [.duration], message: "expected a duration such as '3 months', got '3'",
            hint: "write the unit: '3 months'", example: "3 months"),
        Bad(text: "280,000/month", expecting: [.perMonth], message: "unknown unit ',000/month' in '280,000/month'",
            hint: "thousands separators are written with '_' or a scale: '280_000' or '280k', not '280,000'"),
        Bad(text: "3x", expecting: [.number], message: "unknown unit 'x' in '3x'",
            hint: "this key expects a plain number, e.g. '2.5'", example: "2.5"),
        Bad(text: "3x", expecting: [.percent], message: "unknown unit 'x' in '3x'",
            hint: "did you mean '%'? This key expects a percentage, e.g. '40%'"),
    ]

    @Test("rejects bad values with a message and a hint", arguments: invalid)
    func rejects(_ bad: Bad) {
        switch Quantity.parse(bad.text, expecting: bad.expecting, currency: "USD", example: bad.example) {
        case .success(let q):
            Issue.record("accepted '\(bad.text)' as \(q)")
        case .failure(let error):
            #expect(error.message == bad.message)
            if let hint = bad.hint { #expect(error.hint == hint) } else { #expect(error.hint != nil) }
        }
    }
}

/// Any finite or non-finite number is formatted or counted without trapping (a crash is never
/// an answer to an extreme model).
@Suite("Extreme numbers")
struct ExtremeNumberTests {
    @Test("grouping and short money forms accept any Double", arguments: [
        0, 1, -1, 999.5, 1e15, 9.2e18, 1e19, -1e300, Double.greatestFiniteMagnitude, .infinity, -.infinity, .nan,
    ])
    func formats(_ value: Double) {
        #expect(!MoneyFormat.grouped(value).isEmpty)
        #expect(!MoneyFormat.grouped(value, decimals: 2).isEmpty)
        #expect(!MoneyFormat.short(value, currency: "USD").isEmpty)
        #expect(!MoneyFormat.full(value, currency: "EUR").isEmpty)
    }

    @Test("grouping is exact below 2^53: 1,234,567.89")
    func groupsExactly() {
        #expect(MoneyFormat.grouped(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(MoneyFormat.grouped(-9_007_199_254_740_991) == "-9,007,199,254,740,991")
    }

    @Test("GPU ceilings saturate instead of trapping", arguments: [1e300, Double.infinity, Double.nan, 1e16])
    func ceilingSaturates(_ value: Double) {
        #expect(Calendar.tolerantCeiling(value) == Calendar.countLimit)
    }

    @Test("ceil forgives floating-point noise: 3.0000000001 → 3, 3.01 → 4, −2 → 0")
    func ceilingNoise() {
        #expect(Calendar.tolerantCeiling(3.0000000001) == 3)
        #expect(Calendar.tolerantCeiling(3.01) == 4)
        #expect(Calendar.tolerantCeiling(-2) == 0)
    }
}

@Suite("Trends of rates of change")
struct TrendTests {
    @Test("25 %/year: whole years and the first year are the formula's powers; other months within a rounding")
    func yearlyRate() {
        let trend = Schedule(Rate(0.25)).trend(months: 60)
        // Month 13 is a year on: 1.25; month 25 two years: 1.25² = 1.5625; month 7 half a year: √1.25.
        #expect(trend[0] == 1 && trend[12] == 1.25 && trend[24] == 1.5625)
        #expect(trend[6] == 1.25.squareRoot())
        // Month 19, a year and a half on: 1.25 × √1.25 = 1.3975424859373686.
        #expect(abs(trend[18] - 1.3975424859373686) <= 2 * trend[18].ulp)
        for m in 1...60 {
            let formula = Calendar.changeFactor(Rate(0.25), month: m)
            #expect(abs(trend[m - 1] - formula) <= 2 * formula.ulp, "month \(m)")
        }
    }

    @Test("a step in 2028 grows from the month before it: 10 %/year, then −20 %/year from month 13")
    func steppedRate() throws {
        let schedule = try #require(Schedule<Rate>(entries: [(1, Rate(0.1)), (13, Rate(-0.2))]))
        let trend = schedule.trend(months: 36)
        // Month 12 is 1.1^(11/12); month 24 is T(12) × 0.8^(12/12) and month 36 T(12) × 0.8^2.
        let t12 = Calendar.changeFactor(Rate(0.1), month: 12)
        #expect(abs(trend[11] - t12) <= t12.ulp)
        #expect(trend[23] == trend[11] * 0.8)
        #expect(trend[35] == trend[11] * (0.8 * 0.8))
    }
}
