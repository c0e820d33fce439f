/// What kind of amount a value is; the loader checks that each key gets the dimension it expects.
public enum Dimension: Sendable, Hashable, CaseIterable {
    /// A plain number (counts, tokens per request, ratios such as PUE).
    case number
    /// A share, `40%`; stored as a fraction (0.4).
    case percent
    /// A rate of change per year, `40%/year`; stored as a fraction per year.
    case ratePerYear
    /// A rate of change per month, `3%/month`; stored as a fraction per month.
    case ratePerMonth
    /// Money in the model's currency, `280k USD`.
    case money
    /// Money per year, `220k USD/year` (`/month` is converted: × 12).
    case moneyPerYear
    /// Price per million tokens, `3 USD/Mtok`.
    case pricePerMillionTokens
    /// Price per GPU-hour, `2.4 USD/GPU-hour`.
    case pricePerGPUHour
    /// Price per kW of full-load power per month, `180 USD/kW/month`.
    case pricePerKilowattMonth
    /// Price of energy, `0.11 USD/kWh`.
    case pricePerKilowattHour
    /// A volume per month, `1.2M/month` (`/day` is converted: × 365/12).
    case perMonth
    /// Electrical power in kilowatts, `10.2 kW` (`W` and `MW` are converted).
    case power
    /// Tokens per second per GPU, `2400 tok/s`.
    case throughput
    /// A duration in whole months, `4 years`.
    case duration

    /// How a reader would name this dimension in an error message.
    public var noun: String {
        switch self {
        case .number: "a plain number"
        case .percent: "a percentage"
        case .ratePerYear: "a rate per year"
        case .ratePerMonth: "a rate per month"
        case .money: "an amount of money"
        case .moneyPerYear: "an amount of money per year"
        case .pricePerMillionTokens: "a price per million tokens"
        case .pricePerGPUHour: "a price per GPU-hour"
        case .pricePerKilowattMonth: "a price per kW per month"
        case .pricePerKilowattHour: "a price of energy"
        case .perMonth: "a volume per month"
        case .power: "a power"
        case .throughput: "a throughput"
        case .duration: "a duration"
        }
    }

    /// A valid example, written in `currency`.
    /// The unit values are shown in (tables, workbook inputs).
    public func unitText(currency: String) -> String {
        switch self {
        case .number: ""
        case .percent: "%"
        case .ratePerYear: "%/year"
        case .ratePerMonth: "%/month"
        case .money: currency
        case .moneyPerYear: "\(currency)/year"
        case .pricePerMillionTokens: "\(currency)/Mtok"
        case .pricePerGPUHour: "\(currency)/GPU-hour"
        case .pricePerKilowattMonth: "\(currency)/kW/month"
        case .pricePerKilowattHour: "\(currency)/kWh"
        case .perMonth: "/month"
        case .power: "kW"
        case .throughput: "tok/s"
        case .duration: "months"
        }
    }

    public func example(currency: String) -> String {
        switch self {
        case .number: "8"
        case .percent: "40%"
        case .ratePerYear: "40%/year"
        case .ratePerMonth: "3%/month"
        case .money: "280k \(currency)"
        case .moneyPerYear: "220k \(currency)/year"
        case .pricePerMillionTokens: "3 \(currency)/Mtok"
        case .pricePerGPUHour: "2.40 \(currency)/GPU-hour"
        case .pricePerKilowattMonth: "180 \(currency)/kW/month"
        case .pricePerKilowattHour: "0.11 \(currency)/kWh"
        case .perMonth: "1.2M/month"
        case .power: "10.2 kW"
        case .throughput: "2400 tok/s"
        case .duration: "4 years"
        }
    }
}
