import MultiPrecision

/// The function whose zero is an event.
enum EventFunction: Sendable {
    /// dlambda/ds of the unit tangent: zero at a fold.
    case parameterTangent
    /// det[F_x F_lambda; t^T] for the unit tangent: zero at a branch point.
    case borderedDeterminant
    /// Test function `index` of the problem.
    case testFunction(Int)

    /// `nil` for a touch, which has no sign change.
    init?(_ kind: ContinuationEvent.Kind) {
        switch kind {
        case .fold: self = .parameterTangent
        case .branchPoint: self = .borderedDeterminant
        case let .testFunction(index): self = .testFunction(index)
        case .touch: return nil
        }
    }
}

/// The curve between two continuation points, parameterized along their secant at one
/// precision: the point at sigma in [0, Delta] is the curve's crossing of the plane through
/// a + sigma c orthogonal to the unit secant c, found by Newton's method on
/// [F(y); c . (y - a - sigma c)] = 0. The secant is fixed once, so sigma is a single real
/// coordinate along which the event function has a simple zero, even at a fold, where lambda
/// would not do.
struct EventLocator<P: ContinuationProblem, S: Scalar> {
    let corrector: Corrector<P>
    let function: EventFunction
    let precision: Int
    /// a, the first bracketing point.
    let origin: [S]
    /// c, the unit secant from a to b.
    let direction: [S]
    /// Delta = |b - a|.
    let length: S
    /// Newton stops once its update is below eps^(2/3): the quadratic convergence then leaves
    /// an error far below eps. An ill-conditioned point whose updates stall on the noise below
    /// eps^(1/3) is accepted as it is.
    let newton: NewtonOptions<S>
    let settings: LocationSettings

    init(
        corrector: Corrector<P>, function: EventFunction, from a: [Double], to b: [Double], precision: Int,
        settings: LocationSettings
    ) throws {
        self.settings = settings
        self.corrector = corrector
        self.function = function
        self.precision = precision
        origin = a.map { S($0, precision: precision) }
        let chord = subtracting(b.map { S($0, precision: precision) }, origin)
        let size = try euclideanNorm(chord)
        guard size.signum > 0 else { throw LocationError.degenerateBracket }
        length = size
        direction = chord.map { $0 / size }
        newton = NewtonOptions(
            precision: precision, tolerance: try powerOfTwo(-(2 * (precision - 1)) / 3, precision: precision),
            maxIterations: 60, rejectsResidualGrowth: false,
            noiseLevel: try powerOfTwo(-(precision - 1) / 3, precision: precision))
    }

    /// a + sigma c.
    func pointOnSecant(_ sigma: S) -> [S] { adding(origin, sigma, times: direction) }

    /// The curve point at `sigma`, corrected from `guess`, with the event function there.
    func sample(at sigma: S, guess: [S]) throws -> BracketSample<S> {
        do throws(StepFailure) {
            let corrected = try corrector.correct(
                from: guess, constraint: .hyperplane(normal: direction, anchor: pointOnSecant(sigma)), options: newton)
            let value: S
            switch function {
            case .parameterTangent:
                // Oriented along the secant, as the sweep's tangents are along the sweep.
                value = try corrector.tangent(at: corrected, orientedAlong: direction, precision: precision)
                    .direction[origin.count - 1]
            case .borderedDeterminant:
                value = try corrector.tangent(at: corrected, orientedAlong: direction, precision: precision)
                    .borderedDeterminant
            case let .testFunction(index):
                value = try corrector.testFunctions(at: corrected.state, precision: precision)[index]
            }
            return BracketSample(sigma: sigma, state: corrected.state, value: value)
        } catch {
            throw LocationError.correctorFailed(sigma: sigma.doubleValue, error)
        }
    }

    /// The samples at the two bracketing points themselves (sigma = 0 and Delta).
    func fullBracket() throws -> InitialBracket<S> {
        let lower = try sample(at: S(0, precision: precision), guess: origin)
        let upper = try sample(at: length, guess: pointOnSecant(length))
        return InitialBracket(lower: lower, upper: upper, samples: 2)
    }

    /// A bracket around `estimate` (a sigma known to `halfWidth` from a lower precision), with
    /// its ends sampled at this precision. The bracket is widened (256-fold by default,
    /// ``LocationSettings/widening``) until the event
    /// function changes sign over it, up to the whole secant: a lower-precision bracket may sit
    /// inside the rounding noise of the new one. Stops early at an exact zero. With
    /// `concurrently` the two ends are sampled on two threads; the lower end's failure is still
    /// the one thrown when both fail.
    func bracket(around estimate: S, halfWidth: S, guess: [S], concurrently: Bool) throws -> InitialBracket<S> {
        let zero = S(0, precision: precision)
        var width = halfWidth
        var samples = 0
        while true {
            let low = S.maximum(zero, estimate - width)
            let high = length < estimate + width ? length : estimate + width
            let (sampledLower, sampledUpper) = bothOf(concurrently: concurrently, {
                Result { try sample(at: low, guess: adding(guess, low - estimate, times: direction)) }
            }, {
                Result { try sample(at: high, guess: adding(guess, high - estimate, times: direction)) }
            })
            let lower = try sampledLower.get()
            let upper = try sampledUpper.get()
            samples += 2
            let found = InitialBracket(lower: lower, upper: upper, samples: samples)
            if lower.value.signum == 0 || upper.value.signum == 0 || (lower.value.signum < 0) != (upper.value.signum < 0) {
                return found
            }
            guard low.signum > 0 || high < length else {
                throw LocationError.bracketLost(lowerValue: lower.value.doubleValue, upperValue: upper.value.doubleValue)
            }
            width *= S(settings.widening, precision: precision)
        }
    }
}

/// Two samples to start a refinement from, and how many samples it took to find them.
struct InitialBracket<S: Scalar>: Sendable {
    let lower: BracketSample<S>
    let upper: BracketSample<S>
    let samples: Int
}
