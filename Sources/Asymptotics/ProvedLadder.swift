import LinearAlgebra
import MultiPrecision

/// A quantity along a ladder computed at two precisions, the second twice the first, with the
/// working precision raised until the value at the top rung agrees to the digits needed.
///
/// At large d the loss is a difference of terms of size d^2 (for d = 10^30, 90 decimal digits
/// cancel before its first digit), and how many digits a coordinate or an eigenvalue loses is
/// not known in advance; the agreement of the two precisions at the top rung measures it.
public struct ProvedLadder: Sendable {
    public let low: Ladder
    public let high: Ladder
    /// The quantity at each rung, at the low and the high precision.
    public let lowValues: [BigFloat]
    public let highValues: [BigFloat]
    /// Relative decimal digits on which the two precisions agree, per rung.
    public let agreement: [Double]

    public init(low: Ladder, high: Ladder, lowValues: [BigFloat], highValues: [BigFloat], agreement: [Double]) {
        self.low = low
        self.high = high
        self.lowValues = lowValues
        self.highValues = highValues
        self.agreement = agreement
    }

    /// Climbs at a first guess of the precision that `neededDigits` at the top need (the
    /// needed digits plus three per decade of d, the loss's cancellation) and doubles it until
    /// the top rung's value agrees to `neededDigits` at the two precisions, at most three times:
    /// a quantity still short then has fewer proved digits, and they are reported as such.
    public static func compute(
        _ system: some ParametricSystem, observable: Observable, seed: [DecimalLiteral], seedD: DecimalLiteral,
        topExponent: Int, neededDigits: Int, progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> ProvedLadder {
        try compute(
            system, observables: ObservableSet(observable), seed: seed, seedD: seedD, topExponent: topExponent,
            neededDigits: neededDigits, progress: progress)[0]
    }

    /// Every component of `observables` along one pair of ladders, the precision doubled until
    /// each component's top value agrees to `neededDigits` (at most three times): one
    /// ``ProvedLadder`` per component, in the order of ``ObservableSet/names``.
    public static func compute(
        _ system: some ParametricSystem, observables: ObservableSet, seed: [DecimalLiteral], seedD: DecimalLiteral,
        topExponent: Int, neededDigits: Int, progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> [ProvedLadder] {
        var precision = PrecisionPolicy.ladder(neededDigits: neededDigits, topExponent: topExponent)
        var low = try Ladder.climb(system, seed: seed, seedD: seedD, topExponent: topExponent, precision: precision, progress: progress)
        var lowValues = try values(observables, low)
        var doublings = 0
        while true {
            let high = try low.refined(system, precision: 2 * precision, progress: progress)
            let highValues = try values(observables, high)
            let agreement = zip(lowValues, highValues).map { zip($0, $1).map { AgreeingDigits.relative($0, $1) } }
            if agreement.allSatisfy({ ($0.last ?? 0) >= Double(neededDigits) }) || doublings == 3 {
                return agreement.indices.map { i in
                    ProvedLadder(low: low, high: high, lowValues: lowValues[i], highValues: highValues[i], agreement: agreement[i])
                }
            }
            (low, lowValues, precision) = (high, highValues, 2 * precision)
            doublings += 1
        }
    }

    /// Per component, its value at each rung.
    static func values(_ observables: ObservableSet, _ ladder: Ladder) throws -> [[BigFloat]] {
        let atRungs = try ladder.rungs.map { rung in
            do {
                return try observables.values(at: rung.x, d: rung.d)
            } catch {
                let what = observables.names.count == 1 ? observables.names[0] : "the spectrum"
                throw AsymptoticsError.ladder("\(what) at d = \(rung.exactD): \(error)")
            }
        }
        return observables.names.indices.map { i in atRungs.map { $0[i] } }
    }
}
