import LinearAlgebra
import MultiPrecision

/// The kernel line at a transition, in the fixed space of an axial subgroup: where the
/// family's eigenvalue of the crossing part vanishes, the Hessian of the finer space has a zero
/// eigenvalue whose eigenvector v breaks the family's symmetry (docs/design.md section 4b). The
/// branch leaves the family along v.
public struct BranchKernel<System: GradientSystem, S: Scalar>: Sendable {
    /// The finer space's equations.
    public let system: System
    /// The family's point in the finer space, and d there.
    public let point: [S]
    public let d: S
    /// v, normalised by v^T M v = 1 (M the finer space's metric at d) and signed so that its
    /// largest entry is positive.
    public let direction: [S]
    /// The pencil eigenvalue along v (0 up to the location's error) and the nearest other one:
    /// the kernel is a line when the second is far from 0.
    public let eigenvalue: S
    public let nearestOther: S?
    /// F, its Jacobian H and F_d at the point: what the kernel was found in, and what the
    /// bifurcation equation starts from.
    public let evaluation: SystemEvaluation<S>

    /// Solves of the inverse iteration: from half the digits, 10^-(digits/4) gained per solve.
    static var inverseIterations: Int { 3 }

    /// Why there is no kernel line.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// No eigenvalue near 0 along a symmetry-breaking direction, or several.
        case notALine(String)

        public var description: String {
            switch self {
            case let .notALine(why): return why
            }
        }
    }

    /// The kernel at `point` (the family's point, already embedded in the finer space) at `d`.
    /// `embedding[i]` is the family's variable that fine variable i copies: directions that
    /// keep these groups equal are the family's own, and v must be M-orthogonal to all of
    /// them. `tolerance` bounds the kernel's eigenvalue (the location's error makes it tiny but
    /// not 0), and every other eigenvalue must exceed its square root. `space` names the finer
    /// space in messages.
    ///
    /// Which eigenvalue is the kernel's is decided on the pencil's eigendecomposition at half
    /// the precision (while that resolves the tolerance 64 bits over), not at the full one: the
    /// kernel's eigenvalue is then rounding below the tolerance, every other one far above its
    /// square root. v itself is refined at the full precision by one step of inverse iteration,
    /// H w = M v0: the kernel's eigenvalue is about 10^-digits and the others above
    /// 10^-(digits/4), so one solve removes every other direction to the working precision.
    public init(system: System, point: [S], d: S, embedding: [Int], tolerance: S, space: String) throws {
        self.system = system
        self.point = point
        self.d = d
        let n = system.dimension
        let full = d.precision
        let metric = system.metric(parameter: d)
        evaluation = try system.evaluate(point, parameter: d)
        let hessian = evaluation.jacobian
        // Half the precision (the tolerance is about its square root at a located transition),
        // or all of it where that would not resolve the tolerance 64 bits over.
        var classifying = Swift.min(full, Swift.max(128, full / 2 + 64))
        if classifying < full, !(S.epsilon(precision: classifying - 64) <= tolerance) { classifying = full }
        var rounded = hessian
        rounded.elements = hessian.elements.map { $0.rounded(toPrecision: classifying) }
        let roundedMetric = metric.map { $0.rounded(toPrecision: classifying) }
        let pencil = try pencilEigendecomposition(h: rounded, metric: roundedMetric)
        let coarseCount = (embedding.max() ?? -1) + 1
        // The largest M-inner product of eigenvector j with a direction of the family's space
        // (the 0/1 indicator of the fine variables that copy one family variable).
        func symmetricPart(_ j: Int) -> S {
            var worst = S(0, precision: classifying)
            for c in 0..<coarseCount {
                var product = S(0, precision: classifying)
                for i in 0..<n where embedding[i] == c { product += roundedMetric[i] * pencil.vectors[i, j] }
                worst = S.maximum(worst, product.magnitude)
            }
            return worst
        }
        let columns = Array(0..<n)
        let loose = try S.sqrt(tolerance)
        let small = columns.filter { pencil.values[$0].magnitude <= tolerance }
        let breaking = small.filter { symmetricPart($0) <= loose }
        guard breaking.count == 1, let j = breaking.first else {
            throw Failure.notALine(
                "the Hessian in \(space) has \(breaking.count) symmetry-breaking eigenvalues within \(tolerance.formatted(significantDigits: 2)) of 0 at the transition (\(small.count) in all): it is not the fixed space of an axial subgroup for this crossing")
        }
        nearestOther = columns.filter { $0 != j }.map { pencil.values[$0].magnitude }.min()
        if let gap = nearestOther, gap <= loose {
            throw Failure.notALine(
                "the Hessian in \(space) has a second eigenvalue \(gap.formatted(significantDigits: 2)) close to 0 at the transition: the kernel is not a line")
        }
        // Shifted by the tolerance, so that the kernel's pivot is not rounding: each solve
        // multiplies the other directions by about tolerance / loose = sqrt(tolerance).
        var shifted = hessian
        for i in 0..<n { shifted[i, i] += tolerance * metric[i] }
        let lu = try LUDecomposition(shifted)
        var v = columns.map { pencil.vectors[$0, j].rounded(toPrecision: full) }
        for _ in 0..<BranchKernel.inverseIterations {
            let w = lu.solve(zip(metric, v).map { $0 * $1 })
            var squared = S(0, precision: full)
            for i in 0..<n { squared.add(w[i] * metric[i], times: w[i]) }
            let size = try S.sqrt(squared)
            v = w.map { $0 / size }
        }
        let largest = v.indices.max { v[$0].magnitude < v[$1].magnitude } ?? 0
        if v[largest].signum < 0 { v = v.map { -$0 } }
        direction = v
        var rayleigh = S(0, precision: full)
        let image = hessian * v
        for i in 0..<n { rayleigh.add(v[i], times: image[i]) }
        eigenvalue = rayleigh
    }
}
