import MultiPrecision

/// A block size `slope * d + offset`, such as `d-1` or `2` (docs/design.md section 2). Sizes are
/// affine in d so that the fixed-space loss makes sense for real d.
public struct AffineSize: Hashable, Sendable, Codable, CustomStringConvertible {
    public let slope: Int
    public let offset: Int

    public init(slope: Int, offset: Int) {
        self.slope = slope
        self.offset = offset
    }

    public static func constant(_ n: Int) -> AffineSize { AffineSize(slope: 0, offset: n) }
    public static let d = AffineSize(slope: 1, offset: 0)

    /// True for a size that does not depend on d.
    public var isConstant: Bool { slope == 0 }

    public func value<S: Scalar>(at d: S) -> S {
        slope == 0 ? S(offset, precision: d.precision) : S(slope) * d + S(offset)
    }

    public func value(at d: Double) -> Double { Double(slope) * d + Double(offset) }

    public static func + (a: AffineSize, b: AffineSize) -> AffineSize {
        AffineSize(slope: a.slope + b.slope, offset: a.offset + b.offset)
    }

    public static func - (a: AffineSize, n: Int) -> AffineSize {
        AffineSize(slope: a.slope, offset: a.offset - n)
    }

    /// `d`, `d-1`, `2d+3`, `2`.
    public var description: String {
        if slope == 0 { return String(offset) }
        let head = slope == 1 ? "d" : (slope == -1 ? "-d" : "\(slope)d")
        if offset == 0 { return head }
        return head + (offset > 0 ? "+\(offset)" : "\(offset)")
    }
}
