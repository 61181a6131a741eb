import MultiPrecision

/// What kind of critical point a point found by the search is.
public enum CriticalPointLabel: String, Sendable, CaseIterable {
    /// Loss 0 (to 1e-12): W is a permutation of the teacher.
    case globalMinimum = "global minimum"
    /// Index 0, every eigenvalue positive, loss above 0.
    case spuriousMinimum = "spurious minimum"
    /// Index above 0.
    case saddle
    /// The smallest |eigenvalue| is below ``CriticalPointLabel/degenerateEigenvalue``, or some
    /// isotypic part cannot be computed at this d: the index does not decide the type.
    case degenerate

    /// Eigenvalues smaller than this in magnitude count as zero.
    public static let degenerateEigenvalue = 1e-8

    /// The label of a non-singular critical point with positive loss, from its spectrum.
    public init<S: Scalar>(spectrum: Spectrum<S>) {
        let smallest = spectrum.eigenvalues.map { $0.value.magnitude.doubleValue }.min()
        guard spectrum.isComplete, let smallest, smallest >= CriticalPointLabel.degenerateEigenvalue else {
            self = .degenerate
            return
        }
        self = spectrum.index == 0 ? .spuriousMinimum : .saddle
    }
}
