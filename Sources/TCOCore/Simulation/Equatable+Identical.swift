extension Equatable {
    /// Equal by `==` and by description: `==` takes −0 for +0, which could change the sign of a
    /// zero downstream, so a value shared between scenarios is one each would compute itself.
    func isIdentical(to other: Self) -> Bool {
        self == other && String(describing: self) == String(describing: other)
    }
}
