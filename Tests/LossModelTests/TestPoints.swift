import BruteForce
import LinearAlgebra

/// Reproducible pseudo-random points for the cross-checks (a 64-bit LCG, so the tests do not
/// depend on the platform's random source).
struct TestPoints {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }

    /// Uniform in [lower, upper).
    mutating func next(_ lower: Double = -1, _ upper: Double = 1) -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return lower + (upper - lower) * Double(state >> 11) / Double(1 << 53)
    }

    /// A point of the fixed space with diagonal values near 1, so that it is not singular.
    mutating func point(names: [String]) -> [Double] {
        names.map { $0.hasPrefix("D") ? next(0.5, 1.5) : next(-0.6, 0.6) }
    }
}

/// The brute-force loss, reduced gradient and reduced Hessian at a fixed-space point.
func bruteForce(_ partition: String, d: Int, _ values: [Double]) throws -> (layout: FixedSpaceLayout, network: FullSpaceNetwork) {
    let layout = try FixedSpaceLayout.parse(partition, d: d)
    return (layout, FullSpaceNetwork(weights: try layout.weights(values)))
}
