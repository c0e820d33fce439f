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
    /// Whether a number of the model may be −0: a value of an input of the registry (schedules
    /// step by step). Those are every number a file writes that reaches a cost; the others (route
    /// shares) count only when above zero, where −0 and +0 are alike. Checked once per simulation,
    /// so that the scenarios' parts can be compared by `==` when no model has one.
    var mayHoldNegativeZero: Bool {
        func negativeZero(_ x: Double) -> Bool { x == 0 && x.sign == .minus }
        return InputRegistry.inputs(of: self).contains { input in
            guard let access = input.key.access else { return false }
            if let levels = access.schedule(in: self, of: input.owner) {
                return levels.steps.contains { negativeZero($0.value) }
            }
            if let rates = access.rateSchedule(in: self, of: input.owner) {
                return rates.steps.contains { negativeZero($0.value.value) }
            }
            return input.value(in: self).map(negativeZero) ?? false
        }
    }
}
