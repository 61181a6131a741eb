import MultiPrecision

/// A point of the curve at `sigma` along a secant, with the event function's value there.
struct BracketSample<S: Scalar>: Sendable {
    let sigma: S
    /// y = (x, lambda).
    let state: [S]
    let value: S
}

/// How a refinement ended.
enum RefinementEnd: Sendable, Equatable {
    /// The bracket met the tolerance.
    case narrow
    /// The event function was exactly zero at a sample.
    case zero
    /// No point strictly inside the bracket is distinguishable at working precision.
    case collapsed
}

/// A sign-changing bracket of the event function along the secant, shrunk by a safeguarded
/// secant method in the manner of Dekker and Brent.
///
/// The secant through the two samples with the smallest |value| converges with order about
/// 1.6, and, unlike regula falsi, does not stall on a stale bracket end. The bracket is kept
/// alongside, for safety: a secant point outside it, or three iterations in a row that do not
/// halve the smallest |value|, give way to a bisection. A secant point closer than a quarter of
/// the target width to an end is pushed that far inside, so that once the best sample is that
/// close to the zero the next sample lands across it and closes the bracket.
struct BracketRefinement<S: Scalar> {
    /// lower.sigma < upper.sigma; the values have opposite, non-zero signs.
    private(set) var lower: BracketSample<S>
    private(set) var upper: BracketSample<S>
    /// An exact zero found on the way.
    private(set) var zero: BracketSample<S>?
    /// Event-function evaluations so far.
    private(set) var evaluations = 0

    init(lower: BracketSample<S>, upper: BracketSample<S>) {
        self.lower = lower
        self.upper = upper
    }

    /// A bracket already closed on an exact zero of the event function.
    init(zero: BracketSample<S>) {
        lower = zero
        upper = zero
        self.zero = zero
    }

    /// The sample nearest to the event: the exact zero, else the end with the smaller value.
    var best: BracketSample<S> {
        if let zero { return zero }
        return lower.value.magnitude <= upper.value.magnitude ? lower : upper
    }

    /// Shrinks the bracket until both lambda and the whole state y are pinned to `tolerance`,
    /// relative, or the event function is exactly zero, or the precision runs out. `sample`
    /// corrects the curve point at a sigma from a guess. Both lambda and y are asked for because
    /// at a fold lambda is stationary: two ends on either side of the fold can have nearly the
    /// same lambda while both are far from it, so a small bracket in lambda alone proves nothing.
    mutating func run(
        tolerance: S, precision: Int, maxIterations: Int, sample: (S, [S]) throws -> BracketSample<S>
    ) throws -> RefinementEnd {
        let half = S(1, precision: precision) / 2
        let noise = 16 * S.epsilon(precision: precision)
        // The two samples with the smallest |value|, the better first: the secant's nodes.
        var nodes = lower.value.magnitude <= upper.value.magnitude ? (lower, upper) : (upper, lower)
        var stalls = 0
        for _ in 0..<maxIterations {
            let difference = subtracting(upper.state, lower.state)
            let n = difference.count - 1
            let size = maxNorm(upper.state)
            let parameterSize = upper.state[n].magnitude
            if difference[n].magnitude <= tolerance * parameterSize && maxNorm(difference) <= tolerance * size {
                return .narrow
            }
            if maxNorm(difference) <= noise * size { return .collapsed }

            let (first, second) = nodes
            var sigma = first.sigma - first.value * (first.sigma - second.sigma) / (first.value - second.value)
            let bisect = stalls >= 3 || !(sigma.isFinite && lower.sigma <= sigma && sigma <= upper.sigma)
            let margin = tolerance * (parameterSize < size ? parameterSize : size) * half * half
            if bisect || upper.sigma - lower.sigma <= margin + margin {
                sigma = (lower.sigma + upper.sigma) * half
            } else if sigma - lower.sigma < margin {
                sigma = lower.sigma + margin
            } else if upper.sigma - sigma < margin {
                sigma = upper.sigma - margin
            }
            guard lower.sigma < sigma && sigma < upper.sigma else { return .collapsed }

            // The guess interpolates between the nearest samples known: the secant's nodes (whose
            // sigmas differ, since every sample became a bracket end when taken), or for a
            // bisection the bracket's ends.
            let (from, to) = bisect ? (lower, upper) : (first, second)
            let fraction = (sigma - from.sigma) / (to.sigma - from.sigma)
            let next = try sample(sigma, adding(from.state, fraction, times: subtracting(to.state, from.state)))
            evaluations += 1
            if next.value.signum == 0 {
                zero = next
                return .zero
            }
            if (next.value.signum < 0) == (lower.value.signum < 0) { lower = next } else { upper = next }
            let improved = next.value.magnitude + next.value.magnitude <= first.value.magnitude
            stalls = bisect || improved ? 0 : stalls + 1
            if next.value.magnitude < first.value.magnitude {
                nodes = (next, first)
            } else if next.value.magnitude < second.value.magnitude {
                nodes = (first, next)
            }
        }
        throw LocationError.notConverged(iterations: maxIterations)
    }
}
