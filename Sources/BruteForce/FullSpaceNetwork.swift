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

    public init(weights: Matrix<Double>) {
        self.weights = weights
        let d = weights.columns
        rowNorms = (0..<weights.rows).map { i in
            var sum = 0.0
            for j in 0..<d { sum += weights.elements[i * d + j] * weights.elements[i * d + j] }
            return sum.squareRoot()
        }
    }

    /// k, the number of student rows.
    public var studentCount: Int { weights.rows }
    /// d, the input dimension and the number of teacher rows.
    public var dimension: Int { weights.columns }

    /// w_i . w_i'.
    func dot(_ i: Int, _ i2: Int) -> Double {
        let d = dimension
        var sum = 0.0
        for j in 0..<d { sum += weights.elements[i * d + j] * weights.elements[i2 * d + j] }
        return sum
    }

    /// The geometry of student rows i and i'.
    func studentPair(_ i: Int, _ i2: Int) -> PairGeometry {
        PairGeometry(normW: rowNorms[i], normV: rowNorms[i2], dot: dot(i, i2))
    }

    /// The geometry of student row i and teacher row e_j (norm 1, inner product W[i, j]).
    func teacherPair(_ i: Int, _ j: Int) -> PairGeometry {
        PairGeometry(normW: rowNorms[i], normV: 1, dot: weights.elements[i * dimension + j])
    }

    /// A description of why the loss is not twice differentiable at W, or nil when it is.
    ///
    /// Singular: a non-finite entry, a row of norm at most `tolerance` (absolute: the teacher
    /// rows fix the scale at 1), or two rows, or a row and a teacher row e_j, with
    /// |cos theta| > 1 - tolerance. The kernel's second derivatives have sin theta and |w| in
    /// their denominators, so near such points the Hessian is meaningless, not just large.
    public func singularity(tolerance: Double = 1e-10) -> String? {
        guard weights.elements.allSatisfy(\.isFinite) else { return "W has a non-finite entry" }
        for i in 0..<studentCount where rowNorms[i] <= tolerance {
            return "row \(i) is zero (norm \(rowNorms[i]))"
        }
        for i in 0..<studentCount {
            for i2 in 0..<i {
                let c = dot(i2, i) / (rowNorms[i] * rowNorms[i2])
                if Swift.abs(c) > 1 - tolerance {
                    return "rows \(i2) and \(i) are \(c > 0 ? "parallel" : "anti-parallel") (cos \(c))"
                }
            }
            for j in 0..<dimension {
                let c = weights.elements[i * dimension + j] / rowNorms[i]
                if Swift.abs(c) > 1 - tolerance {
                    return "row \(i) is \(c > 0 ? "parallel" : "anti-parallel") to teacher row e_\(j) (cos \(c))"
                }
            }
        }
        return nil
    }
}
