import LinearAlgebra
import MultiPrecision

extension FullSpaceNetwork {
    /// The distinct eigenvalues of ``hessian()`` with their multiplicities, ascending.
    ///
    /// Sorted eigenvalues are grouped while they lie within tolerance * max(1, |e|) of the
    /// group's first member (as tools/bruteforce.py does); a group's value is its mean, which
    /// averages out rounding between copies of one eigenvalue. Multiplicities add up to k d:
    /// that, and the values, are what the isotypic spectrum of the reduced model must match.
    public func spectrum(tolerance: Double = 1e-8) throws -> [(value: Double, multiplicity: Int)] {
        let eigenvalues = try SymmetricEigendecomposition<Double>.eigenvalues(ofSymmetric: hessian()).sorted()
        var groups: [(first: Double, sum: Double, multiplicity: Int)] = []
        for e in eigenvalues {
            if let last = groups.last, Swift.abs(e - last.first) <= tolerance * Swift.max(1, Swift.abs(e)) {
                groups[groups.count - 1].sum += e
                groups[groups.count - 1].multiplicity += 1
            } else {
                groups.append((e, e, 1))
            }
        }
        return groups.map { (value: $0.sum / Double($0.multiplicity), multiplicity: $0.multiplicity) }
    }
}
