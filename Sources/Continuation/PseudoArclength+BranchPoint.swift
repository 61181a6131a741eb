import MultiPrecision

extension PseudoArclength {
    /// Locates a branch point, or an event seen in the same sweep step as one, at `working` bits.
    ///
    /// Near a branch point a second branch crosses the curve, so the corrector's points there
    /// are ill-conditioned (determined to about eps / distance) and may even land on the other
    /// branch: bracketing along the curve would stop at sqrt(eps) or go astray. Instead:
    ///
    /// 1. The branch point is the solution of its augmented system (``BranchPointSystem``),
    ///    found by Newton's method in `Double` from the secant's linear estimate of the zero of
    ///    det[F_x F_lambda; t^T], then at working precision from there. It must lie inside the
    ///    bracket, with mu = 0 to the noise.
    /// 2. The curve is sampled eps^(1/3) either side of it (``LocationSettings/branchPointWindow``),
    ///    from guesses along the tangent interpolated between the sweep's points.
    /// 3. A branch point needs det[F_x F_lambda; t^T] of opposite signs there: the evidence. Any
    ///    other event either changes sign between those two samples, and is located at the
    ///    branch point when its function vanishes there to within the tolerance (its value
    ///    over its slope), or outside them, and is located by the safeguarded secant on that
    ///    side alone, whose samples then all keep their distance from the branch point.
    func locateAroundBranchPoint<T: Scalar>(
        event: ContinuationEvent, function: EventFunction, in result: ContinuationResult, precision working: Int,
        digits: Int, settings: LocationSettings
    ) throws -> LocatedEvent<T> {
        let before = result.points[event.bracket.lowerBound]
        let after = result.points[event.bracket.upperBound]
        let corrector = Corrector(problem: problem)
        let system = BranchPointSystem(corrector: corrector)

        let coarseLocator = try EventLocator<P, Double>(
            corrector: corrector, function: .borderedDeterminant, from: before.state, to: after.state, precision: 53,
            settings: settings)
        let ends = try coarseLocator.fullBracket()
        guard (ends.lower.value.signum < 0) != (ends.upper.value.signum < 0) else {
            throw LocationError.bracketLost(lowerValue: ends.lower.value, upperValue: ends.upper.value)
        }
        let estimate = coarseLocator.length * ends.lower.value / (ends.lower.value - ends.upper.value)
        let start = coarseLocator.pointOnSecant(estimate)
        let coarse = try branchPoint(
            system, from: start, nullVector: try guessedNullVector(system, at: start, sigma: estimate),
            on: coarseLocator, settings: settings)

        let locator = try EventLocator<P, T>(
            corrector: corrector, function: function, from: before.state, to: after.state, precision: working,
            settings: settings)
        let lift = { (values: [Double]) in values.map { T($0, precision: working) } }
        let fine = try branchPoint(
            system, from: lift(coarse.solution.state), nullVector: lift(coarse.solution.nullVector), on: locator,
            settings: settings)
        let point = fine.solution.state
        let n = problem.dimension

        // The tangent there, interpolated between the sweep's: good to the square of the step,
        // which is all the guesses eps^(1/3) away need.
        let weight = fine.sigma / locator.length
        let tangent = adding(lift(before.tangent).map { $0 * (1 - weight) }, weight, times: lift(after.tangent))
        let along = dot(locator.direction, tangent)
        let one = T(1, precision: working)
        let window = try epsilonPower(settings.branchPointWindow, precision: working) * T.maximum(one, maxNorm(point))
        let zero = T(0, precision: working)
        let sides = [T.maximum(zero, fine.sigma - window), locator.length < fine.sigma + window ? locator.length : fine.sigma + window]
        let samples = try sides.map { sigma in
            try locator.sample(at: sigma, guess: adding(point, (sigma - fine.sigma) / along, times: tangent))
        }
        let (lower, upper) = (samples[0], samples[1])
        let changes = { (a: BracketSample<T>, b: BracketSample<T>) in (a.value.signum < 0) != (b.value.signum < 0) }
        let coarseIterations = coarse.solution.iterations + 2
        let iterations = fine.solution.iterations + 2

        if case .borderedDeterminant = function {
            guard changes(lower, upper) else {
                throw LocationError.bracketLost(lowerValue: lower.value.doubleValue, upperValue: upper.value.doubleValue)
            }
            return LocatedEvent(
                event: event, x: Array(point[0..<n]), parameter: point[n], value: fine.solution.unfolding,
                lowerEnd: bracketEnd(lower), upperEnd: bracketEnd(upper), criterion: .branchPointSystem,
                precision: working, digits: digits, coarseIterations: coarseIterations, fineIterations: iterations)
        }
        let tolerance = try T.pow(
            T(10, precision: working), T(-(digits + PrecisionPolicy.locationGuardDigits), precision: working))
        if changes(lower, upper) {
            // Linear across the window: the zero lies value / slope from the branch point.
            guard case let .testFunction(index) = function else {
                throw LocationError.tooCloseToBranchPoint(event, bits: working)
            }
            let value: T
            do throws(StepFailure) {
                value = try corrector.testFunctions(at: point, precision: working)[index]
            } catch {
                throw LocationError.correctorFailed(sigma: fine.sigma.doubleValue, error)
            }
            let slope = (upper.value - lower.value) / (upper.sigma - lower.sigma)
            let size = point[n].magnitude < maxNorm(point) ? point[n].magnitude : maxNorm(point)
            guard (value / slope).magnitude <= tolerance * size else {
                throw LocationError.tooCloseToBranchPoint(event, bits: working)
            }
            return LocatedEvent(
                event: event, x: Array(point[0..<n]), parameter: point[n], value: value, lowerEnd: bracketEnd(lower),
                upperEnd: bracketEnd(upper), criterion: .atBranchPoint, precision: working, digits: digits,
                coarseIterations: coarseIterations, fineIterations: iterations)
        }
        let whole = try locator.fullBracket()
        let side: InitialBracket<T>
        if changes(whole.lower, lower) {
            side = InitialBracket(lower: whole.lower, upper: lower, samples: 4)
        } else if changes(upper, whole.upper) {
            side = InitialBracket(lower: upper, upper: whole.upper, samples: 4)
        } else {
            throw LocationError.bracketLost(lowerValue: whole.lower.value.doubleValue, upperValue: whole.upper.value.doubleValue)
        }
        let refined = try refine(side, with: locator, tolerance: tolerance, collapseIsFailure: true, digits: digits)
        return located(
            event, by: refined, precision: working, digits: digits, coarseIterations: coarseIterations,
            fineIterations: iterations + side.samples + refined.evaluations)
    }

    /// The augmented system solved from `state` at the locator's precision, placed on its
    /// secant, and checked: inside the bracket, and mu zero to the corrector's noise level.
    private func branchPoint<S: Scalar>(
        _ system: BranchPointSystem<P>, from state: [S], nullVector: [S], on locator: EventLocator<P, S>,
        settings: LocationSettings
    ) throws -> (solution: BranchPointSystem<P>.Solution<S>, sigma: S) {
        var options = locator.newton
        options.maxIterations = settings.branchPointIterations
        let solution: BranchPointSystem<P>.Solution<S>
        do throws(StepFailure) {
            solution = try system.solve(from: state, nullVector: nullVector, options: options)
        } catch {
            throw LocationError.correctorFailed(sigma: dot(locator.direction, subtracting(state, locator.origin)).doubleValue, error)
        }
        let sigma = dot(locator.direction, subtracting(solution.state, locator.origin))
        guard sigma.signum >= 0, sigma <= locator.length else {
            throw LocationError.branchPointOutsideBracket(sigma: sigma.doubleValue, length: locator.length.doubleValue)
        }
        let one = S(1, precision: locator.precision)
        if let noise = options.noiseLevel, noise * S.maximum(one, maxNorm(solution.state)) < solution.unfolding.magnitude {
            throw LocationError.notABranchPoint(unfolding: solution.unfolding.doubleValue)
        }
        return (solution, sigma)
    }

    private func guessedNullVector(_ system: BranchPointSystem<P>, at state: [Double], sigma: Double) throws -> [Double] {
        do throws(StepFailure) {
            return try system.nullVectorGuess(at: state)
        } catch {
            throw LocationError.correctorFailed(sigma: sigma, error)
        }
    }
}
