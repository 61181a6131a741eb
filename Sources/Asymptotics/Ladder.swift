import Foundation
import LinearAlgebra
import MultiPrecision

/// One rung of a ``Ladder``: an exactly given d and the branch's solution there.
public struct LadderRung: Sendable {
    /// d exactly ("10", "1e15"), so that every precision reads the same number.
    public let exactD: DecimalLiteral
    public let d: BigFloat
    public let x: [BigFloat]
    /// m when d = 10^m exactly: the rungs that serve as extrapolation nodes.
    public let exponent: Int?
    /// dx/dd there: the next step's predictor.
    public let tangent: [BigFloat]

    public init(exactD: DecimalLiteral, d: BigFloat, x: [BigFloat], exponent: Int?, tangent: [BigFloat]) {
        self.exactD = exactD
        self.d = d
        self.x = x
        self.exponent = exponent
        self.tangent = tangent
    }
}

/// A family of solutions followed to very large d on a geometric ladder: the seed's d, then
/// every power of ten above it up to 10^`topExponent`.
///
/// Between rungs the branch is continued in log d. Each coordinate is predicted by the power
/// law x_i d^(p_i) that matches its value and exact slope (p_i = d x_i'/x_i, with
/// x' = -F_x^(-1) F_d): coordinates of these families tend to limits or shrink like powers of d,
/// which this predictor follows exactly, so steps of a factor of ten need only a few Newton
/// iterations. ``ScaledNewton`` corrects with tolerances relative to each coordinate. A step
/// whose Newton iteration fails, or lands farther than a quarter of a coordinate's size from
/// the prediction (a jump to another branch), is halved in log d and retried.
public struct Ladder: Sendable {
    public let rungs: [LadderRung]
    /// The working precision of every solution, in bits.
    public let precision: Int

    public init(rungs: [LadderRung], precision: Int) {
        self.rungs = rungs
        self.precision = precision
    }

    /// Corrects `seed` at `seedD` and follows the branch up to d = 10^topExponent,
    /// at `precision` bits throughout. Steps are planned in `Double`, so the top is at most
    /// 10^300.
    public static func climb(
        _ system: some ParametricSystem, seed: [DecimalLiteral], seedD: DecimalLiteral, topExponent: Int, precision: Int,
        progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> Ladder {
        guard topExponent <= 300 else {
            throw AsymptoticsError.settings("the ladder's top, 1e\(topExponent), is above 1e300")
        }
        guard seed.count == system.dimension else {
            throw AsymptoticsError.settings("\(system.dimension) seed values expected, got \(seed.count)")
        }
        let d0 = seedD.value(precision: precision)
        let top = BigFloat.powerOfTen(topExponent, precision: precision)
        guard d0.signum > 0, d0 < top else {
            throw AsymptoticsError.settings("the seed's d (\(seedD)) must be positive and below the top of the ladder, 1e\(topExponent)")
        }
        let start = seed.map { $0.value(precision: precision) }
        let first: NewtonSolution
        do {
            first = try ScaledNewton.solve(system, from: start, d: d0)
        } catch {
            throw AsymptoticsError.ladder("the seed does not converge to a solution at d = \(seedD): \(error)")
        }
        var rungs = [LadderRung(
            exactD: seedD, d: d0, x: first.x, exponent: exponentOfTen(d0, precision: precision), tangent: first.tangent)]
        let firstExponent = Int(Foundation.log10(d0.doubleValue).rounded(.down))
        for m in firstExponent...topExponent {
            let exact = DecimalLiteral.powerOfTen(m)
            let target = exact.value(precision: precision)
            guard let last = rungs.last, last.d < target else { continue }
            let reached = try step(system, from: last, to: target)
            rungs.append(LadderRung(exactD: exact, d: target, x: reached.x, exponent: m, tangent: reached.tangent))
            progress(exact, precision)
        }
        return Ladder(rungs: rungs, precision: precision)
    }

    /// The same rungs solved again at `precision` bits (higher than this ladder's), each from
    /// this ladder's solution.
    public func refined(
        _ system: some ParametricSystem, precision: Int, progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> Ladder {
        let rungs = try self.rungs.map { rung -> LadderRung in
            progress(rung.exactD, precision)
            let d = rung.exactD.value(precision: precision)
            do {
                let solution = try ScaledNewton.solve(system, from: rung.x.map { $0.rounded(toPrecision: precision) }, d: d)
                return LadderRung(exactD: rung.exactD, d: d, x: solution.x, exponent: rung.exponent, tangent: solution.tangent)
            } catch {
                throw AsymptoticsError.ladder("re-solving at d = \(rung.exactD) at \(precision) bits failed: \(error)")
            }
        }
        return Ladder(rungs: rungs, precision: precision)
    }

    /// m when d is exactly 10^m for an integer m >= 0.
    static func exponentOfTen(_ d: BigFloat, precision: Int) -> Int? {
        let m = Int(Foundation.log10(d.doubleValue).rounded())
        guard m >= 0, BigFloat.powerOfTen(m, precision: precision) == d else { return nil }
        return m
    }

    /// The branch through `seed` at `seedD` carried to d = `target`, either way, at `precision`
    /// bits: the seed corrected by ``ScaledNewton`` and followed in log d as between rungs.
    public static func reach(
        _ system: some ParametricSystem, seed: [DecimalLiteral], seedD: DecimalLiteral, target: DecimalLiteral, precision: Int
    ) throws -> NewtonSolution {
        guard seed.count == system.dimension else {
            throw AsymptoticsError.settings("\(system.dimension) seed values expected, got \(seed.count)")
        }
        let d0 = seedD.value(precision: precision)
        let first: NewtonSolution
        do {
            first = try ScaledNewton.solve(system, from: seed.map { $0.value(precision: precision) }, d: d0)
        } catch {
            throw AsymptoticsError.ladder("the seed does not converge to a solution at d = \(seedD): \(error)")
        }
        let rung = LadderRung(exactD: seedD, d: d0, x: first.x, exponent: nil, tangent: first.tangent)
        return try step(system, from: rung, to: target.value(precision: precision))
    }

    /// Follows the branch from `rung` to `target` in log d (up or down), halving a step that
    /// fails and doubling it again after a success; gives up after 24 failures in a row.
    static func step(_ system: some ParametricSystem, from rung: LadderRung, to target: BigFloat) throws -> NewtonSolution {
        let precision = target.precision
        var d = rung.d
        var x = rung.x
        var tangent = rung.tangent
        var remaining = Foundation.log(target.doubleValue / d.doubleValue)
        var logStep = remaining
        var halvings = 0
        var lastFailure = ""
        let direction: Double = remaining < 0 ? -1 : 1
        while true {
            let isLast = abs(logStep) >= abs(remaining) * (1 - 1e-12)
            let trialD = isLast ? target : d * BigFloat(Foundation.exp(logStep), precision: precision)
            let prediction = predict(x: x, tangent: tangent, from: d, to: trialD)
            do {
                let solution = try ScaledNewton.solve(system, from: prediction, d: trialD)
                let deviation = largestDeviation(solution.x, from: prediction, previous: x)
                guard deviation <= 0.25 else {
                    throw AsymptoticsError.ladder("Newton's method landed \(deviation.formatted3) of a coordinate's size away from the prediction (another branch?)")
                }
                if isLast { return solution }
                halvings = 0
                d = trialD
                x = solution.x
                tangent = solution.tangent
                remaining -= logStep
                logStep = direction * min(2 * abs(logStep), abs(remaining))
            } catch {
                lastFailure = "\(error)"
                halvings += 1
                logStep /= 2
                guard halvings <= 24 else {
                    throw AsymptoticsError.ladder(
                        "cannot follow the family beyond d = \(d.formatted(significantDigits: 6)) towards \(target.formatted(significantDigits: 3)): \(lastFailure)")
                }
            }
        }
    }

    /// Each coordinate continued from d to `next` by the power law with its value and slope at
    /// d; a zero coordinate by its tangent. Exponents are clamped to [-8, 8], beyond which a
    /// coordinate is crossing zero and the power law means nothing.
    static func predict(x: [BigFloat], tangent: [BigFloat], from d: BigFloat, to next: BigFloat) -> [BigFloat] {
        let ratio = (next / d).doubleValue
        return x.indices.map { i in
            guard x[i].signum != 0 else { return x[i] + tangent[i] * (next - d) }
            let exponent = min(8, max(-8, (d * tangent[i] / x[i]).doubleValue))
            return x[i] * BigFloat(Foundation.pow(ratio, exponent), precision: x[i].precision)
        }
    }

    /// max_i |new_i - predicted_i| / max(|predicted_i|, |previous_i|).
    static func largestDeviation(_ new: [BigFloat], from predicted: [BigFloat], previous: [BigFloat]) -> Double {
        new.indices.reduce(0) { worst, i in
            let scale = BigFloat.maximum(predicted[i].magnitude, previous[i].magnitude)
            guard scale.signum > 0 else { return worst }
            return max(worst, ((new[i] - predicted[i]).magnitude / scale).doubleValue)
        }
    }
}

extension Double {
    /// Three significant digits, for messages.
    var formatted3: String { BigFloat(self).formatted(significantDigits: 3) }
}
