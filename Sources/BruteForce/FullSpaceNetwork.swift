import LinearAlgebra
import MultiPrecision

/// A student network W (k x d) against the teacher V = I_d, in the full k d-dimensional
/// weight space, in `Double`.
///
/// This is the independent reference the fast reduced model is checked against: it knows
/// nothing of partitions or fixed spaces, and it sums the closed-form kernel of docs/design.md
/// section 1 over all pairs of rows. Its cost grows like (k d)^2 for the Hessian and
/// (k d)^3 for the spectrum, which is why the tool itself never uses it.
public struct FullSpaceNetwork: Sendable {
    /// The student W, k x d: row i is the student neuron w_i; teacher row j is e_j.
    public let weights: Matrix<Double>

    /// The student rows' norms, computed once: every quantity needs them.
    let rowNorms: [Double]
    /// w_i / |w_i|, row after row (a zero row stays zero).
    let unitRows: [Double]

    public init(weights: Matrix<Double>) {
        self.weights = weights
        let d = weights.columns
        let norms = (0..<weights.rows).map { i in
            var sum = 0.0
            for j in 0..<d { sum += weights.elements[i * d + j] * weights.elements[i * d + j] }
            return sum.squareRoot()
        }
        rowNorms = norms
        unitRows = weights.elements.enumerated().map { entry, value in
            let norm = norms[entry / d]
            return norm > 0 ? value / norm : 0
        }
    }

    /// k, the number of student rows.
    public var studentCount: Int { weights.rows }
    /// d, the input dimension and the number of teacher rows.
    public var dimension: Int { weights.columns }

    /// The geometry of student rows i and i'.
    func studentPair(_ i: Int, _ i2: Int) -> PairGeometry {
        let d = dimension
        var distance = 0.0, sum = 0.0
        for j in 0..<d {
            let (a, b) = (unitRows[i * d + j], unitRows[i2 * d + j])
            distance += (a - b) * (a - b)
            sum += (a + b) * (a + b)
        }
        return PairGeometry(normW: rowNorms[i], normV: rowNorms[i2], distance: distance.squareRoot(), sum: sum.squareRoot())
    }

    /// The geometry of student row i and teacher row e_j (norm 1).
    func teacherPair(_ i: Int, _ j: Int) -> PairGeometry {
        let d = dimension
        var others = 0.0
        for l in 0..<d where l != j { others += unitRows[i * d + l] * unitRows[i * d + l] }
        let own = unitRows[i * d + j]
        return PairGeometry(
            normW: rowNorms[i], normV: 1,
            distance: (others + (own - 1) * (own - 1)).squareRoot(), sum: (others + (own + 1) * (own + 1)).squareRoot())
    }

    /// A description of why the loss is not twice differentiable at W, or nil when it is.
    ///
    /// Singular: a non-finite entry, or a row of norm at most `tolerance` (absolute: the
    /// teacher rows fix the scale at 1), where f(w, v) is not differentiable in w and the
    /// Hessian's |v| sin theta / |w| is meaningless. Parallel and anti-parallel rows are not
    /// singular: the loss is C^2 there and the Hessian takes its limits (docs/design.md section 1).
    public func singularity(tolerance: Double = 1e-10) -> String? {
        guard weights.elements.allSatisfy(\.isFinite) else { return "W has a non-finite entry" }
        for i in 0..<studentCount where rowNorms[i] <= tolerance {
            return "row \(i) is zero (norm \(rowNorms[i]))"
        }
        return nil
    }
}
