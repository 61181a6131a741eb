import LinearAlgebra
import MultiPrecision

/// A box proved to hold exactly one zero of a parametric system for every parameter value.
public struct KrawczykBox: Sendable {
    /// The box X with K(X) inside its interior.
    public let box: [Interval]
    /// K(X): a tighter enclosure of the zero (for every parameter value), inside `box`.
    public let enclosure: [Interval]
    /// An upper bound of ||I - C J(X)|| in the max-row-sum norm; below 1 means the Jacobian is
    /// nonsingular on the whole box.
    public let contraction: BigFloat

    public init(box: [Interval], enclosure: [Interval], contraction: BigFloat) {
        self.box = box
        self.enclosure = enclosure
        self.contraction = contraction
    }
}

/// The parametric Krawczyk test.
///
/// With m a point, C an approximate inverse of the Jacobian at m, and X a box around m, the
/// Krawczyk operator is
///
///     K(X, L) = m - C F(m, L) + (I - C J(X, L)) (X - m).
///
/// If K(X, L) lies in the interior of X, then for every lambda in L the system has exactly
/// one zero in X (Krawczyk 1969, uniqueness by Moore and Rump; e.g. Neumaier, Interval Methods
/// for Systems of Equations, theorem 5.1.7): for a fixed lambda, K(X, lambda) is contained in
/// K(X, L) by inclusion monotonicity, and the one-parameter statement applies. The Jacobian is
/// then nonsingular on the whole box, so by the implicit function theorem the zeros form a
/// single smooth curve over L. Every zero in X also lies in K(X), which is how ``tighten``
/// narrows a box that is known to hold one.
///
/// The box is found by epsilon-inflation (Rump): start from radii that should hold the curve,
/// and when the test fails, widen the box to hold K and try again. A box holding two zeros can
/// never pass; the test then fails after its inflations and says so.
public enum Krawczyk {
    /// Searches for a box around `center` that passes the test for the parameter interval
    /// `parameter`, starting from `radii` and inflating at most `inflations` times.
    public static func verify<F: ParametricSystem>(
        _ system: F, center: [BigFloat], parameter: Interval, radii: [BigFloat], inflations: Int = 8
    ) throws -> KrawczykBox {
        let n = system.dimension
        let precision = center.reduce(parameter.precision) { max($0, $1.precision) }
        guard center.count == n, radii.count == n else {
            throw CertificationFailure(step: .krawczyk, reason: "\(center.count) coordinates and \(radii.count) radii for \(n) unknowns", precision: precision)
        }
        let m = center.map(Interval.init)
        let (residual, jacobianAtCenter) = try evaluate(system, m, parameter, precision)
        let c = try preconditioner(jacobianAtCenter, precision)
        let shift = c * residual
        // A radius never drops below a few units of the centre's last place, so that a zero
        // radius cannot stall the inflation.
        let floors = center.map { ($0.magnitude + BigFloat(1)) * BigFloat.epsilon(precision: precision) * BigFloat(16) }
        var radius = zip(radii, floors).map { r, floor in floor < r ? r.rounded(toPrecision: precision) : floor }
        for _ in 0...inflations {
            let x = zip(m, radius).map { centre, r in
                Interval(lower: centre.lower - r, upper: centre.upper + r).rounded(toPrecision: precision)
            }
            let (k, contraction) = try krawczykOperator(system, m: m, x: x, shift: shift, c: c, parameter: parameter, precision: precision)
            if zip(x, k).allSatisfy({ $0.containsInInterior($1) }) {
                return KrawczykBox(box: x, enclosure: k, contraction: contraction)
            }
            // Widen to hold K with room to spare, and never less than doubling.
            radius = zip(k, zip(m, radius)).map { kk, pair in
                let reach = (kk - pair.0).magnitudeBound
                let grown = reach * BigFloat(3) / BigFloat(2)
                let doubled = pair.1 * BigFloat(2)
                return grown < doubled ? doubled : grown
            }
        }
        throw CertificationFailure(
            step: .krawczyk,
            reason: "no box around the approximate zero passed Krawczyk's test after \(inflations) inflations (a nearly singular Jacobian, two zeros close together, or too low a precision)",
            precision: precision)
    }

    /// Narrows a box known to hold a zero for the parameter interval `parameter` (for instance a
    /// point inside the interval a box was verified for): X <- K(X) n X, recentred each time,
    /// until the widths stop halving or after `iterations` steps. Every iterate holds the zero.
    public static func tighten<F: ParametricSystem>(
        _ system: F, box: [Interval], parameter: Interval, iterations: Int = 8
    ) throws -> [Interval] {
        let precision = box.reduce(parameter.precision) { max($0, $1.precision) }
        var x = box
        for _ in 0..<iterations {
            let m = x.map { Interval($0.midpoint) }
            let (residual, jacobianAtCenter) = try evaluate(system, m, parameter, precision)
            let c = try preconditioner(jacobianAtCenter, precision)
            let (k, _) = try krawczykOperator(system, m: m, x: x, shift: c * residual, c: c, parameter: parameter, precision: precision)
            var next: [Interval] = []
            for (old, new) in zip(x, k) {
                guard let both = old.intersection(new) else {
                    throw CertificationFailure(step: .krawczyk, reason: "the box said to hold a zero does not (K(X) misses X)", precision: precision)
                }
                next.append(both)
            }
            let shrinking = zip(x, next).contains { old, new in new.width * BigFloat(2) < old.width }
            x = next
            if !shrinking { break }
        }
        return x
    }

    /// K(X) and a bound of ||I - C J(X)||.
    static func krawczykOperator<F: ParametricSystem>(
        _ system: F, m: [Interval], x: [Interval], shift: [Interval], c: Matrix<Interval>, parameter: Interval, precision: Int
    ) throws -> (k: [Interval], contraction: BigFloat) {
        let n = m.count
        let (_, jacobian) = try evaluate(system, x, parameter, precision)
        let product = c * jacobian
        var k: [Interval] = []
        var contraction = BigFloat(0, precision: precision)
        for i in 0..<n {
            var row: [Interval] = []
            var sum = m[i] - shift[i]
            for j in 0..<n {
                let entry = (i == j ? Interval(1) : Interval(0)) - product[i, j]
                row.append(entry)
                sum += entry * (x[j] - m[j])
            }
            k.append(sum)
            let rowSum = IntervalLinearAlgebra.magnitudeSum(row, precision: precision)
            if contraction < rowSum { contraction = rowSum }
        }
        return (k, contraction)
    }

    /// The system's enclosures of F and F_x over the box, with evaluation errors and
    /// non-finite results reported as a failed Krawczyk step.
    ///
    /// Over an interval of the parameter the residual is also enclosed in mean-value form,
    /// F(x, c) + F_lambda(x, L) (L - c) with c the midpoint of L (for each lambda some point of
    /// L gives the slope), and intersected with the direct enclosure: evaluating a closed form
    /// with lambda an interval lets every occurrence of lambda vary on its own, which
    /// overestimates the residual's variation (by two or three orders of magnitude for the
    /// reduced gradient), and that width would set the size of the box the test needs.
    static func evaluate<F: ParametricSystem>(
        _ system: F, _ x: [Interval], _ parameter: Interval, _ precision: Int
    ) throws -> (residual: [Interval], jacobian: Matrix<Interval>) {
        let result: (residual: [Interval], jacobian: Matrix<Interval>)
        do {
            let full = try system.evaluate(x, parameter: parameter)
            if parameter.lower == parameter.upper {
                result = (full.residual, full.jacobian)
            } else {
                let centre = Interval(parameter.midpoint)
                let atCentre = try system.evaluate(x, parameter: centre).residual
                let residual = full.residual.indices.map { i in
                    let meanValue = atCentre[i] + full.parameterDerivative[i] * (parameter - centre)
                    return meanValue.intersection(full.residual[i]) ?? meanValue
                }
                result = (residual, full.jacobian)
            }
        } catch let failure as CertificationFailure {
            throw failure
        } catch {
            throw CertificationFailure(step: .krawczyk, reason: "the system cannot be evaluated on the box: \(error)", precision: precision)
        }
        guard result.residual.allSatisfy(\.isFinite), result.jacobian.elements.allSatisfy(\.isFinite) else {
            throw CertificationFailure(step: .krawczyk, reason: "the enclosure of the residual or the Jacobian is not finite on the box", precision: precision)
        }
        return result
    }

    /// C: the inverse of the Jacobian's midpoint, as point intervals.
    static func preconditioner(_ jacobian: Matrix<Interval>, _ precision: Int) throws -> Matrix<Interval> {
        do {
            return IntervalLinearAlgebra.points(try IntervalLinearAlgebra.approximateInverse(IntervalLinearAlgebra.midpoints(jacobian)))
        } catch {
            throw CertificationFailure(step: .krawczyk, reason: "the Jacobian at the approximate zero is singular to working precision (\(error))", precision: precision)
        }
    }
}
