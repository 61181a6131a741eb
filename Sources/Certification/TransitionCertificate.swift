import Continuation
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
    /// The isotypic part whose eigenvalue crosses zero, and its display name.
    public let part: IsotypicPartID
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

    public init(family: String, partition: Partition, part: IsotypicPartID, irrep: String, dLower: String, dUpper: String, interval: Interval, provedD: String?, names: [String], uniquenessBox: [Interval], curve: [Interval], crossingAtLower: Interval?, crossingAtUpper: Interval?, indexAtLower: Double, indexAtUpper: Double, precision: Int, failedAttempts: [CertificationFailure]) {
        self.family = family
        self.partition = partition
        self.part = part
        self.irrep = irrep
        self.dLower = dLower
        self.dUpper = dUpper
        self.interval = interval
        self.provedD = provedD
        self.names = names
        self.uniquenessBox = uniquenessBox
        self.curve = curve
        self.crossingAtLower = crossingAtLower
        self.crossingAtUpper = crossingAtUpper
        self.indexAtLower = indexAtLower
        self.indexAtUpper = indexAtUpper
        self.precision = precision
        self.failedAttempts = failedAttempts
    }
}

/// Builds ``TransitionCertificate``s for the transitions a continuation found.
public enum TransitionCertifier {
    /// Certifies the located transition `event` of `trace` on an interval of width about
    /// 10^-digits (relative to d's size). When a step fails it tries again at twice and four
    /// times the digits (a narrower interval at a higher precision), and throws
    /// ``CertificationGaveUp`` listing every failed attempt when none succeeds. Folds are not
    /// certified.
    public static func certify(_ event: LocatedFamilyEvent, of trace: FamilyTrace, digits: Int) throws -> TransitionCertificate {
        var failures: [CertificationFailure] = []
        for factor in PrecisionPolicy.certificateRetries {
            do {
                return try certify(event, of: trace, digits: digits, intervalDigits: digits * factor, failures: failures)
            } catch let failure as CertificationFailure {
                failures.append(failure)
            }
        }
        throw CertificationGaveUp(attempts: failures)
    }

    static func certify(
        _ event: LocatedFamilyEvent, of trace: FamilyTrace, digits: Int, intervalDigits: Int, failures: [CertificationFailure]
    ) throws -> TransitionCertificate {
        let precision = PrecisionPolicy.transitionCertificate(intervalDigits: intervalDigits)
        func fail(_ step: CertificationFailure.Step, _ reason: String) -> CertificationFailure {
            CertificationFailure(step: step, reason: reason, precision: precision)
        }
        let model = trace.problem.model
        guard event.kind == .transition else {
            throw fail(.location, "only transitions are certified, not folds")
        }
        let crossingPart = event.part

        // The location carried three more digits than the interval's width needs, so that the
        // interval placed around it holds the transition with room to spare: the event's
        // location is refined to that many digits (not located again from the sweep).
        let refined: LocatedEvent<BigFloat>
        do {
            refined = try trace.relocate(event, digits: intervalDigits + 3)
        } catch {
            throw fail(.location, "\(error)")
        }
        let centre = refined.parameter.roundedToSignificantDigits(intervalDigits + 3, precision: precision)
        let coordinates = refined.x.map { $0.rounded(toPrecision: precision) }
        let (dLower, dUpper) = try interval(around: centre, digits: intervalDigits, precision: precision)
        let d = try Interval(parsing: dLower, precision: precision).hull(try Interval(parsing: dUpper, precision: precision))

        // The curve over the interval: Krawczyk around the corrected midpoint, with radii from
        // the curve's slope x'(d) = -F_x^-1 F_d.
        let system = ReducedGradient(model.loss)
        let middle = d.midpoint
        let center: [BigFloat]
        let radii: [BigFloat]
        do {
            center = try model.loss.criticalPoint(from: coordinates, d: middle).x
            let equations = try system.evaluate(center, parameter: middle)
            let slope = try solveLinearSystem(equations.jacobian, equations.parameterDerivative)
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
        let crossingName = model.name(of: crossingPart)
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
        guard let zeroCluster else { throw fail(.signs, "\(crossingName) is absent on [d_lo, d_hi]") }

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
            throw fail(.signs, "\(crossingName) has \(ends[0].negative) negative eigenvalues at d_lo and \(ends[1].negative) at d_hi: no sign change proved")
        }
        return TransitionCertificate(
            family: trace.family.name, partition: trace.family.partition, part: crossingPart, irrep: crossingName,
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
        let unit = BigFloat.powerOfTen(centre.lastDigitExponent(significantDigits: digits), precision: precision)
        let value = centre.roundedToSignificantDigits(digits, precision: precision)
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
