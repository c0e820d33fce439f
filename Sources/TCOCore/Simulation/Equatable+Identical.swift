extension Equatable {
    /// Equal by `==` and by description: `==` takes −0 for +0, which could change the sign of a
    /// zero downstream, so a value shared between scenarios is one each would compute itself.
    func isIdentical(to other: Self) -> Bool {
        self == other && String(describing: self) == String(describing: other)
    }

    /// `isIdentical(to:)`, by `==` alone when neither value can hold a −0 (`Model.mayHoldNegativeZero`):
    /// describing a model's parts costs far more than comparing them.
    func isIdentical(to other: Self, zerosUnsigned: Bool) -> Bool {
        zerosUnsigned ? self == other : isIdentical(to: other)
    }
}

extension Model {
    /// Whether a number of the model may be −0: its description shows `-0.0` not followed by a digit
    /// (−0.05 is not one). Described once per simulation, so that the scenarios' parts can be compared
    /// by `==` when no model has one.
    var mayHoldNegativeZero: Bool {
        let text = Array(String(describing: self).utf8), pattern = Array("-0.0".utf8)
        guard text.count >= pattern.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start..<(start + pattern.count)].elementsEqual(pattern) {
            let next = start + pattern.count
            if next == text.count || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[next]) { return true }
        }
        return false
    }
}
