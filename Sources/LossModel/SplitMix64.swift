/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit generator with a fixed, fully specified
/// output sequence, so that one seed gives the same numbers on every machine and with every
/// Swift version (the standard library's `random(in:using:)` promises neither).
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [lower, upper): the top 53 bits as a fraction in [0, 1), scaled. Every step
    /// is exact or correctly rounded IEEE arithmetic, hence the same everywhere.
    public mutating func next(in lower: Double, _ upper: Double) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return lower + (upper - lower) * unit
    }
}
