/// What `spurious series` expands along a family, as the user names it: the loss, a coordinate
/// (`D0`, `C1_0`), the i-th smallest (from 1) distinct eigenvalue of an isotypic part named as
/// `spurious spectrum` prints it (`eigenvalue:standard of S_{d-1}:1`), or the whole spectrum. Names are checked against
/// a fixed space by ``Observable/init(_:model:)``.
public struct SeriesQuantity: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case loss
        case coordinate(String)
        case eigenvalue(irrep: String, rank: Int)
        /// Every eigenvalue of every part (``SpectrumSeries``).
        case spectrum
    }

    public let kind: Kind
    /// As typed, without surrounding white space, for reports.
    public let description: String

    public static let loss = SeriesQuantity(kind: .loss, description: "loss")
    public static let spectrum = SeriesQuantity(kind: .spectrum, description: "spectrum")

    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    /// Reads `loss`, `spectrum`, `eigenvalue:<irrep>:<i>` (i an integer) or a coordinate name. Anything
    /// else (an `eigenvalue:` form without its index, say) reads as a coordinate name, which no
    /// fixed space has, so that resolving it lists the forms the space accepts.
    public init(parsing text: String) {
        let trimmed = text.withoutSurroundingWhitespace
        description = trimmed
        let prefix = "eigenvalue:"
        let body = trimmed.dropFirst(prefix.count)
        if trimmed == "loss" {
            kind = .loss
        } else if trimmed == "spectrum" {
            kind = .spectrum
        } else if trimmed.hasPrefix(prefix), let colon = body.lastIndex(of: ":"), let rank = Int(body[body.index(after: colon)...]) {
            kind = .eigenvalue(irrep: String(body[..<colon]), rank: rank)
        } else {
            kind = .coordinate(trimmed)
        }
    }
}
