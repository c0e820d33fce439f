/// Values written as words or left out, read as numbers (the workbook shows them as 1/0 inputs).
extension InputField where Root == RentedPricing {
    /// `scaling`: 1 for hourly, 0 for peak.
    static var hourly: Self {
        Self(kind: .flag, get: { $0.scaling == .hourly ? 1 : 0 }, set: { $0.scaling = $1 >= 0.5 ? .hourly : .peak })
    }
}

extension InputField where Root == Finance {
    /// `terminal_value`: 1 for book, 0 for none.
    static var atBook: Self {
        Self(kind: .flag, get: { $0.terminalValue == .book ? 1 : 0 },
             set: { $0.terminalValue = $1 >= 0.5 ? .book : .none })
    }
}

extension InputField where Root == OneTimeCost {
    /// `capitalize`: months of depreciation, 0 when expensed.
    static var capitalize: Self {
        Self(kind: .whole, get: { Double($0.capitalizeMonths ?? 0) },
             set: { let months = Int(exactly: $1.rounded()) ?? 0; $0.capitalizeMonths = months > 0 ? months : nil })
    }
}
