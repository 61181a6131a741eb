import Families
import LossModel

extension FamilyTrace {
    /// A corrected point may lie this far (max-norm, relative to max(1, |x|)) from the trace's
    /// interpolation and still count as the family's: steps of at most 0.25 in arclength keep
    /// the interpolation within about 1e-3 of the curve, while another branch of critical
    /// points is a distance of order one away except next to a branch point.
    static let onCurveTolerance = 1e-2

    /// The family's critical points at `d`, one for every step of the trace that crosses d (a
    /// family that folds crosses some d more than once): the two points around d interpolated
    /// linearly and corrected by Newton's method at d in Double. Crossings that land on the
    /// same point (d is a trace point) are kept once.
    func points(at d: Double) -> [[Double]] {
        var found: [[Double]] = []
        for (a, b) in zip(points, points.dropFirst()) where (a.d - d) * (b.d - d) <= 0 && a.d != b.d {
            let t = (d - a.d) / (b.d - a.d)
            let start = zip(a.x, b.x).map { $0 + t * ($1 - $0) }
            guard let corrected = try? problem.model.loss.criticalPoint(from: start, d: d) else { continue }
            let x = corrected.x
            guard FamilyTrace.distance(x, start) <= FamilyTrace.onCurveTolerance * FamilyTrace.scale(start),
                  !found.contains(where: { FamilyTrace.distance($0, x) <= 1e-9 * FamilyTrace.scale(x) })
            else { continue }
            found.append(x)
        }
        return found
    }

    static func distance(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).map { abs($0 - $1) }.max() ?? 0 }
    static func scale(_ x: [Double]) -> Double { x.reduce(1) { Swift.max($0, abs($1)) } }
}
