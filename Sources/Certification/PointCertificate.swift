import LinearAlgebra
import LossModel
import MultiPrecision

/// A critical point of a fixed space at one d, with rigorous enclosures: a box in which the
/// reduced gradient has exactly one zero, enclosures of that zero, of its loss and of every
/// eigenvalue of every isotypic part of the full Hessian there, and the index when every sign
/// is decided (`spurious spectrum --certify`).
public struct PointCertificate: Sendable {
    public let partition: Partition
    /// d as given, and the interval enclosing it (a point when it is representable).
    public let d: DecimalLiteral
    public let dEnclosure: Interval
    public let names: [String]
    /// The box that passed Krawczyk's test: the critical point in it is unique.
    public let uniquenessBox: [Interval]
    /// The critical point, narrowed inside that box.
    public let coordinates: [Interval]
    public let loss: Interval
    /// Set when the box holds a point where the student network fits the teacher exactly
    /// (``ExactFit``): that point is a global minimum, hence critical, hence the box's one
    /// critical point; the coordinates and the loss 0 are then exact.
    public let exactFit: ExactFit.Kind?
    /// Every part's eigenvalue clusters at the point.
    public let parts: [PartEnclosure]
    /// Working precision of the attempt that succeeded, in bits.
    public let precision: Int
    /// Attempts that failed before (at lower precisions).
    public let failedAttempts: [CertificationFailure]

    public init(partition: Partition, d: DecimalLiteral, dEnclosure: Interval, names: [String], uniquenessBox: [Interval], coordinates: [Interval], loss: Interval, exactFit: ExactFit.Kind? = nil, parts: [PartEnclosure], precision: Int, failedAttempts: [CertificationFailure]) {
        self.partition = partition
        self.d = d
        self.dEnclosure = dEnclosure
        self.names = names
        self.uniquenessBox = uniquenessBox
        self.coordinates = coordinates
        self.loss = loss
        self.exactFit = exactFit
        self.parts = parts
        self.precision = precision
        self.failedAttempts = failedAttempts
    }

    /// The index (sum of the multiplicities of the negative eigenvalues), or nil when some
    /// eigenvalue of a present part has an enclosure containing 0, or a part's presence is
    /// undecided.
    public var index: Double? {
        var total = 0.0
        for part in parts where !part.isAbsent {
            guard part.isPresent, let negative = part.negativeCount else { return nil }
            total += Double(negative) * part.multiplicityValue.midpoint.doubleValue
        }
        return total
    }
}

/// Builds ``PointCertificate``s.
public enum PointCertifier {
    /// Corrects `seed` to a critical point at `d` and certifies it, at a precision that carries
    /// `digits` digits and, when a step fails, at twice and four times that precision; throws
    /// ``CertificationGaveUp`` listing every failed attempt.
    public static func certify(model: SpectrumModel, seed: [DecimalLiteral], d dText: DecimalLiteral, digits: Int) throws -> PointCertificate {
        let start = try model.loss.criticalPoint(seed: seed, d: dText)
        var failures: [CertificationFailure] = []
        let base = PrecisionPolicy.pointCertificate(digits: digits)
        for precision in PrecisionPolicy.certificateRetries.map({ $0 * base }) {
            do {
                return try certify(model: model, start: start.x, d: dText, precision: precision, failures: failures)
            } catch let failure as CertificationFailure {
                failures.append(failure)
            }
        }
        throw CertificationGaveUp(attempts: failures)
    }

    static func certify(
        model: SpectrumModel, start: [Double], d dText: DecimalLiteral, precision: Int, failures: [CertificationFailure]
    ) throws -> PointCertificate {
        let d = try Interval(parsing: dText.text, precision: precision)
        let center: [BigFloat]
        do {
            center = try model.loss.criticalPoint(from: start.map { BigFloat($0, precision: precision) }, d: d.midpoint).x
        } catch {
            throw CertificationFailure(step: .location, reason: "Newton's method at \(precision) bits: \(error)", precision: precision)
        }
        let system = ReducedGradient(model.loss)
        let radii = center.map { ($0.magnitude + BigFloat(1)) * BigFloat.epsilon(precision: precision) * BigFloat(1 << 20) }
        let verified = try Krawczyk.verify(system, center: center, parameter: d, radii: radii)
        var x = try Krawczyk.tighten(system, box: verified.enclosure, parameter: d)
        var loss: Interval
        let fit = exactFit(model: model, x: x, box: verified.box, d: d, precision: precision)
        if let fit {
            x = fit.point
            loss = Interval(BigFloat(0, precision: precision))
        } else {
            do {
                loss = try model.loss.hessian(at: x, d: d).value
            } catch {
                throw CertificationFailure(step: .enclosure, reason: "the loss cannot be enclosed on the box: \(error)", precision: precision)
            }
        }
        let parts = try PartEnclosures.enclose(model: model, x: x, d: d, precision: precision)
        return PointCertificate(
            partition: model.loss.space.partition, d: dText, dEnclosure: d, names: model.loss.space.names,
            uniquenessBox: verified.box, coordinates: x, loss: loss, exactFit: fit?.kind, parts: parts, precision: precision,
            failedAttempts: failures)
    }

    /// The exact fit of the teacher (``ExactFit``) near the box's midpoint, when its enclosure
    /// lies inside the box: it is then the box's unique critical point, known exactly.
    static func exactFit(model: SpectrumModel, x: [Interval], box: [Interval], d: Interval, precision: Int) -> (kind: ExactFit.Kind, point: [Interval])? {
        guard let fit = ExactFit.recognize(
            x.map(\.midpoint), space: model.loss.space, d: d.midpoint, tolerance: BigFloat.epsilon(precision: precision / 2)),
            let point: [Interval] = fit.point(d: d), zip(box, point).allSatisfy({ $0.contains($1) })
        else { return nil }
        return (fit.kind, point)
    }
}

/// Every attempt to certify failed; each says which step failed and why.
public struct CertificationGaveUp: Error, Sendable, CustomStringConvertible {
    public let attempts: [CertificationFailure]

    public init(attempts: [CertificationFailure]) {
        self.attempts = attempts
    }

    public var description: String {
        "could not certify: " + attempts.enumerated().map { "attempt \($0.offset + 1): \($0.element)" }.joined(separator: "; ")
    }
}
