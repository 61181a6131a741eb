/// Why a certificate could not be produced: which step of the proof failed, and why, at which
/// precision. A failure never means the claim is false, only that these enclosures did not
/// decide it; the certifiers say so instead of printing anything they did not prove.
public struct CertificationFailure: Error, Sendable, CustomStringConvertible {
    /// The steps of a certificate, in the order they run.
    public enum Step: String, Sendable {
        /// Locating the transition (or correcting the seed) in floating point, before any proof.
        case location = "locating the point in floating point"
        /// Krawczyk's test for a unique critical point in a box.
        case krawczyk = "existence and uniqueness of the critical point (Krawczyk)"
        /// Enclosing the eigenvalues of a refined pencil (congruence and Gershgorin discs).
        case enclosure = "eigenvalue enclosures (congruence and Gershgorin discs)"
        /// Telling apart the eigenvalues of a part from those of the coarser parts in its pencil.
        case attribution = "attributing eigenvalues to isotypic parts"
        /// Deciding signs: the crossing eigenvalue at the ends, the others over the interval.
        case signs = "certified signs of the eigenvalues"
    }

    public let step: Step
    public let reason: String
    /// Working precision of the attempt, in bits.
    public let precision: Int

    public init(step: Step, reason: String, precision: Int) {
        self.step = step
        self.reason = reason
        self.precision = precision
    }

    public var description: String { "\(step.rawValue) failed at \(precision) bits: \(reason)" }
}
