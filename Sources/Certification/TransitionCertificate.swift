import Families
import LinearAlgebra
import LossModel
import MultiPrecision

/// A proved saddle/minimum transition: an interval [d_lo, d_hi] over which the family is one
/// smooth curve of critical points, on which exactly one eigenvalue (of the crossing isotypic
/// part) has opposite certified signs at the two ends while every other eigenvalue of every
/// part keeps its sign on the whole interval.
public struct TransitionCertificate: Sendable {
    public let family: String
    public let partition: Partition
    /// The isotypic part whose eigenvalue crosses zero.
    public let irrep: String
    /// The ends of the interval as exact decimal text.
    public let dLower: String
    public let dUpper: String
    /// An enclosure of [dLower, dUpper] (the ends rounded outward to binary).
    public let interval: Interval
    /// The digits that every d of the interval shares when correctly rounded, up to the digits
    /// asked for: proved digits of the transition's d.
    public let provedD: String?
    public let names: [String]
    /// The box in which, for every d of the interval, the reduced gradient has exactly one zero.
    public let uniquenessBox: [Interval]
    /// An enclosure of the whole curve over the interval, inside that box.
    public let curve: [Interval]
    /// The crossing eigenvalue at d_lo and at d_hi (its sign is certified), when its cluster
    /// there is a single eigenvalue.
    public let crossingAtLower: Interval?
    public let crossingAtUpper: Interval?
    /// The index (sum of multiplicities of negative eigenvalues) at d_lo and d_hi.
    public let indexAtLower: Double
    public let indexAtUpper: Double
    /// Working precision of the attempt that succeeded, in bits.
    public let precision: Int
    /// Attempts that failed before, each naming its step.
    public let failedAttempts: [CertificationFailure]

    /// How the certificate is obtained, in one sentence for reports.
    public static let method = "parametric Krawczyk on the reduced gradient over [d_lo, d_hi]; signs of every isotypic part's eigenvalues over that box and at both ends from Gershgorin discs of Q^T H Q (Q approximate eigenvectors of the midpoint) scaled by 1/(1 +- ||Q^T M Q - I||) (Ostrowski), per part by exact 0/+-1 congruences of refined reduced Hessians; outward-rounded MPFR interval arithmetic"

    /// Width d_hi - d_lo, rounded up, for orientation.
    public var width: String { interval.width.formatted(significantDigits: 2) }

    /// The largest radius of the uniqueness box around its centre, rounded up, for orientation.
    public var boxRadius: String {
        let radius = uniquenessBox.map { $0.width }.reduce(BigFloat(0, precision: precision)) { $0 < $1 ? $1 : $0 } / BigFloat(2)
        return radius.formatted(significantDigits: 2)
    }

    /// The theorem, in words.
    public var statement: String {
        func signWord(_ value: Interval?) -> String {
            guard let value else { return "" }
            return value.sign == -1 ? "negative" : "positive"
        }
        let ends: String
        if let crossingAtLower, let crossingAtUpper {
            ends = "the eigenvalue of \(irrep) that crosses zero is \(signWord(crossingAtLower)) at d_lo (in \(crossingAtLower.formatted(significantDigits: 3))) and \(signWord(crossingAtUpper)) at d_hi (in \(crossingAtUpper.formatted(significantDigits: 3)))"
        } else {
            ends = "exactly one eigenvalue of \(irrep) has opposite signs at d_lo and d_hi"
        }
        return "for every d in [d_lo, d_hi] the reduced gradient of \(partition) has exactly one zero in a box of radius \(boxRadius) around the coordinates, so the family is a single smooth curve there; along it \(ends), and every other eigenvalue of every isotypic part keeps its sign on the whole interval: the index goes from \(Self.number(indexAtLower)) at d_lo to \(Self.number(indexAtUpper)) at d_hi"
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.formatted(significantDigits: 6)
    }
}

/// Builds ``TransitionCertificate``s for the transitions a continuation found.
public enum TransitionCertifier {
    /// Certifies the transition `event` of `trace` on an interval of width about 10^-digits
    /// (relative to d's size). When a step fails it tries again at twice and four times the
    /// digits (a narrower interval at a higher precision), and throws ``CertificationGaveUp``
    /// listing every failed attempt when none succeeds. Folds are not certified.
    public static func certify(trace: FamilyTrace, event: FamilyEvent, digits: Int) throws -> TransitionCertificate {
        var failures: [CertificationFailure] = []
        for attempt in 0..<3 {
            do {
                return try certify(trace: trace, event: event, digits: digits, intervalDigits: digits << attempt, failures: failures)
            } catch let failure as CertificationFailure {
                failures.append(failure)
            }
        }
        throw CertificationGaveUp(attempts: failures)
    }

    static func certify(
        trace: FamilyTrace, event: FamilyEvent, digits: Int, intervalDigits: Int, failures: [CertificationFailure]
    ) throws -> TransitionCertificate {
        let precision = bits(forDecimalDigits: intervalDigits + 12) + 64
        func fail(_ step: CertificationFailure.Step, _ reason: String) -> CertificationFailure {
            CertificationFailure(step: step, reason: reason, precision: precision)
        }
        let problem = FamilyProblem(trace.family.partition)
        let model = problem.model
        guard case let .testFunction(index) = event.event.kind else {
            throw fail(.location, "only transitions are certified, not folds")
        }
        let crossingPart = problem.testFunctionParts[index].part

        // A location at three more digits than the interval's width needs, so that the
        // interval placed around it holds the transition with room to spare.
        let located: LocatedFamilyEvent
        do {
            located = try trace.locate(event, digits: intervalDigits + 3)
        } catch {
            throw fail(.location, "\(error)")
        }
        guard let centre = try? BigFloat(parsing: located.d, precision: precision),
              let coordinates = try? located.coordinates.map({ try BigFloat(parsing: $0.value, precision: precision) })
        else {
            throw fail(.location, "the transition's d or coordinates were not determined (d = \(located.d))")
        }
        let (dLower, dUpper) = try interval(around: centre, digits: intervalDigits, precision: precision)
        let d = try Interval(parsing: dLower, precision: precision).hull(try Interval(parsing: dUpper, precision: precision))

        // The curve over the interval: Krawczyk around the corrected midpoint, with radii from
        // the curve's slope x'(d) = -F_x^-1 F_d.
        let system = ReducedGradientSystem(loss: model.loss)
        let middle = d.midpoint
        let center: [BigFloat]
        let radii: [BigFloat]
        do {
            center = try model.loss.criticalPoint(from: coordinates, d: middle).x
            let evaluation = try model.loss.evaluate(center, d: middle, order: .hessian, includingD: true)
            guard let hessian = evaluation.hessian else { throw fail(.location, "no Hessian at the transition") }
            let n = center.count
            var jacobian = Matrix(rows: n, columns: n, repeating: BigFloat(0, precision: precision))
            for i in 0..<n { for j in 0..<n { jacobian[i, j] = hessian[i, j] } }
            let slope = try solveLinearSystem(jacobian, (0..<n).map { hessian[$0, n] })
            let halfWidth = d.width / BigFloat(2)
            radii = slope.map { $0.magnitude * halfWidth * BigFloat(2) }
        } catch let failure as CertificationFailure {
            throw failure
        } catch {
            throw fail(.location, "Newton's method at the interval's midpoint: \(error)")
        }
        let verified = try Krawczyk.verify(system, center: center, parameter: d, radii: radii)

        // Over the whole box: every part's eigenvalues keep their signs, except one of the
        // crossing part, alone in the one cluster that contains 0.
        let overBox = try PartEnclosures.enclose(model: model, x: verified.enclosure, d: d, precision: precision)
        var zeroCluster: Interval?
        for part in overBox where !part.isAbsent {
            let straddling = part.clusters.filter { $0.sign == nil }
            if part.part == crossingPart {
                guard straddling.count == 1, let only = straddling.first, only.count == 1 else {
                    throw fail(.signs, "\(part.name): \(straddling.reduce(0) { $0 + $1.count }) of its eigenvalues may vanish on [d_lo, d_hi], not exactly one")
                }
                zeroCluster = only.enclosure
            } else if let cluster = straddling.first {
                throw fail(.signs, "an eigenvalue of \(part.name) in \(cluster.enclosure.formatted(significantDigits: 3)) may vanish on [d_lo, d_hi]")
            }
        }
        guard let zeroCluster else { throw fail(.signs, "\(model.partNames[crossingPart]) is absent on [d_lo, d_hi]") }

        // At each end: the curve's point narrowed inside the box, every sign decided, and the
        // crossing part's count of negative eigenvalues changed by one.
        var ends: [(index: Double, negative: Int, crossing: Interval?)] = []
        for text in [dLower, dUpper] {
            let end = try Interval(parsing: text, precision: precision)
            let x = try Krawczyk.tighten(system, box: verified.enclosure, parameter: end)
            let parts = try PartEnclosures.enclose(model: model, x: x, d: end, precision: precision)
            var index = 0.0
            var crossingNegative = 0
            var crossing: Interval?
            for part in parts where !part.isAbsent {
                guard part.isPresent else { throw fail(.signs, "whether \(part.name) is present at d = \(text) is undecided") }
                guard let negative = part.negativeCount else {
                    throw fail(.signs, "an eigenvalue of \(part.name) at d = \(text) has an enclosure containing 0")
                }
                index += Double(negative) * part.multiplicityValue.midpoint.doubleValue
                if part.part == crossingPart {
                    crossingNegative = negative
                    let meeting = part.clusters.filter { $0.enclosure.overlaps(zeroCluster) }
                    if meeting.count == 1, let only = meeting.first, only.count == 1 { crossing = only.enclosure }
                }
            }
            ends.append((index, crossingNegative, crossing))
        }
        guard abs(ends[0].negative - ends[1].negative) == 1 else {
            throw fail(.signs, "\(model.partNames[crossingPart]) has \(ends[0].negative) negative eigenvalues at d_lo and \(ends[1].negative) at d_hi: no sign change proved")
        }
        return TransitionCertificate(
            family: trace.family.name, partition: trace.family.partition, irrep: model.partNames[crossingPart],
            dLower: dLower, dUpper: dUpper, interval: d, provedD: d.provedDigits(upTo: digits),
            names: model.loss.space.names, uniquenessBox: verified.box, curve: verified.enclosure,
            crossingAtLower: ends[0].crossing, crossingAtUpper: ends[1].crossing,
            indexAtLower: ends[0].index, indexAtUpper: ends[1].index, precision: precision, failedAttempts: failures)
    }

    /// Decimal ends [d_lo, d_hi] around `centre`, about a tenth of a unit of the `digits`-th
    /// significant digit apart, and kept inside the rounding interval of `centre` to that many
    /// digits when `centre` is not too close to its edge, so that the certificate also proves
    /// the rounded value. The ends have `digits` + 3 significant digits.
    static func interval(around centre: BigFloat, digits: Int, precision: Int) throws -> (String, String) {
        let rounded = centre.formatted(significantDigits: digits)
        let unit = try BigFloat(parsing: "1e\(DecimalText.lastDigitExponent(rounded))", precision: precision)
        let value = try BigFloat(parsing: rounded, precision: precision)
        let half = unit / BigFloat(2)
        let room = BigFloat.minimum(centre - (value - half), (value + half) - centre) / BigFloat(2)
        let widest = unit / BigFloat(20)
        let narrowest = unit / BigFloat(200)
        let h = BigFloat.maximum(BigFloat.minimum(room, widest), narrowest)
        return (
            Interval(centre - h).lowerText(significantDigits: digits + 3),
            Interval(centre + h).upperText(significantDigits: digits + 3))
    }
}

extension BigFloat {
    /// The smaller of two values.
    static func minimum(_ a: BigFloat, _ b: BigFloat) -> BigFloat { b < a ? b : a }
}

/// Reading decimal text.
enum DecimalText {
    /// The power of ten of the last digit of a decimal text: -4 for "5.4321", -31 for "1.2e-30".
    static func lastDigitExponent(_ text: String) -> Int {
        let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = body.split(separator: "e", maxSplits: 1)
        let shift = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let fraction = (parts.first ?? "").split(separator: ".", maxSplits: 1)
        return shift - (fraction.count > 1 ? fraction[1].count : 0)
    }
}
