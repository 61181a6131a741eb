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
    public init(system: System, point: [S], d: S, embedding: [Int], tolerance: S, space: String) throws {
        self.system = system
        self.point = point
        self.d = d
        let n = system.dimension
        let metric = system.metric(parameter: d)
        let pencil = try pencilEigendecomposition(h: system.evaluate(point, parameter: d).jacobian, metric: metric)
        let coarseCount = (embedding.max() ?? -1) + 1
        // The largest M-inner product of eigenvector j with a direction of the family's space
        // (the 0/1 indicator of the fine variables that copy one family variable).
        func symmetricPart(_ j: Int) -> S {
            var worst = S(0, precision: d.precision)
            for c in 0..<coarseCount {
                var product = S(0, precision: d.precision)
                for i in 0..<n where embedding[i] == c { product += metric[i] * pencil.vectors[i, j] }
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
        var v = columns.map { pencil.vectors[$0, j] }
        let largest = v.indices.max { v[$0].magnitude < v[$1].magnitude } ?? 0
        if v[largest].signum < 0 { v = v.map { -$0 } }
        direction = v
        eigenvalue = pencil.values[j]
    }
}
