import MultiPrecision

extension PseudoArclength {
    /// Locates a fold, a branch point or a test-function sign change found by a sweep, to
    /// `digits` decimal digits at `bits` bits of precision in `T` (``BigFloat`` for more than
    /// `Double` carries).
    ///
    /// The two continuation points that bracket the event fix a secant; the curve is
    /// parameterized by the distance sigma along it, each point corrected back to the curve in
    /// the plane orthogonal to the secant (a pseudo-arclength correction), and the event
    /// function (dlambda/ds for a fold, the test function otherwise) is driven to zero by a
    /// safeguarded secant that always keeps a sign-changing bracket. This runs twice: first in
    /// `Double` to about 11 digits (``LocationSettings/coarseTolerance``), where each step is
    /// cheap, then at full precision from a narrow bracket around that estimate, so that the
    /// costly iterations only add digits. It stops when the bracket is below 10^-(digits + 5),
    /// relative, in lambda and in every coordinate of the point, or when the event function is
    /// exactly zero at working precision.
    ///
    /// A branch point, and any event seen in the same sweep step, is located differently
    /// (``locateAroundBranchPoint(event:function:in:precision:digits:settings:)``): two branches
    /// cross there, and the curve's points near it are too ill-conditioned to bracket on.
    ///
    /// Throws ``LocationError`` for a touch or an event of another result, a precision too low
    /// for the digits (``PrecisionPolicy/locationMinimum(digits:)``), a
    /// sign change that is not there at working precision, a failing corrector, or a bracket
    /// that stops shrinking before the tolerance.
    ///
    /// With `concurrently` the two ends of the full-precision bracket are sampled on two
    /// threads; the result is the same bits.
    public func locate<T: Scalar>(
        event: ContinuationEvent, in result: ContinuationResult, precision bits: Int, digits: Int,
        settings: LocationSettings = LocationSettings(), concurrently: Bool = false
    ) throws -> LocatedEvent<T> {
        guard let function = EventFunction(event.kind) else { throw LocationError.notLocatable(event) }
        try validate(event, function: function, in: result)
        guard digits >= 1 else { throw LocationError.invalidDigits(digits) }
        try BigFloat.validate(precision: bits)
        let working = T(1, precision: bits).precision
        let required = PrecisionPolicy.locationMinimum(digits: digits)
        guard working >= required else {
            throw LocationError.precisionTooLow(bits: working, digits: digits, required: required)
        }
        if result.branchPoint(sharingBracketWith: event) != nil {
            return try locateAroundBranchPoint(
                event: event, function: function, in: result, precision: working, digits: digits, settings: settings)
        }
        let a = result.points[event.bracket.lowerBound].state
        let b = result.points[event.bracket.upperBound].state
        let corrector = Corrector(problem: problem)

        let coarseLocator = try EventLocator<P, Double>(
            corrector: corrector, function: function, from: a, to: b, precision: 53, settings: settings)
        let coarseBracket = try coarseLocator.fullBracket()
        let coarse = try refine(
            coarseBracket, with: coarseLocator, tolerance: settings.coarseTolerance, collapseIsFailure: false, digits: digits)

        let halfWidth = 2 * (coarse.upper.sigma - coarse.lower.sigma) + coarseLocator.length * settings.seedWidth
        return try fineStage(
            event: event, function: function, from: a, to: b, corrector: corrector,
            estimate: T(coarse.best.sigma, precision: working), halfWidth: T(halfWidth, precision: working),
            guess: coarse.best.state.map { T($0, precision: working) }, precision: working, digits: digits,
            settings: settings, coarseIterations: coarseBracket.samples + coarse.evaluations, concurrently: concurrently)
    }

    /// The same event located again at a higher precision, `bits`, starting from an earlier
    /// location `previous` (at any lower precision) rather than from the sweep: the bracket is
    /// rebuilt around the earlier estimate (widened until it changes sign, since the earlier
    /// bracket may sit inside the new precision's noise) and refined to `digits` digits. This is
    /// how a certificate asks for more digits without locating the event from scratch. An event
    /// in the step of a branch point is located from scratch at `bits`: its location starts from
    /// the branch point's, whose `Double` stage is cheap. `concurrently` as for ``locate(event:in:precision:digits:settings:concurrently:)``.
    public func relocate(
        _ previous: LocatedEvent<BigFloat>, in result: ContinuationResult, precision bits: Int, digits: Int,
        settings: LocationSettings = LocationSettings(), concurrently: Bool = false
    ) throws -> LocatedEvent<BigFloat> {
        let event = previous.event
        guard let function = EventFunction(event.kind) else { throw LocationError.notLocatable(event) }
        try validate(event, function: function, in: result)
        guard digits >= 1 else { throw LocationError.invalidDigits(digits) }
        try BigFloat.validate(precision: bits)
        let working = bits
        let required = PrecisionPolicy.locationMinimum(digits: digits)
        guard working >= required else {
            throw LocationError.precisionTooLow(bits: working, digits: digits, required: required)
        }
        if result.branchPoint(sharingBracketWith: event) != nil {
            return try locate(
                event: event, in: result, precision: working, digits: digits, settings: settings, concurrently: concurrently)
        }
        let a = result.points[event.bracket.lowerBound].state
        let b = result.points[event.bracket.upperBound].state
        let lift = { (x: BigFloat) in x.rounded(toPrecision: working) }
        let estimate = lift(previous.lowerEnd.sigma + (previous.upperEnd.sigma - previous.lowerEnd.sigma) / 2)
        let width = lift(previous.upperEnd.sigma - previous.lowerEnd.sigma)
        return try fineStage(
            event: event, function: function, from: a, to: b, corrector: Corrector(problem: problem), estimate: estimate,
            halfWidth: 2 * width, guess: (previous.x + [previous.parameter]).map(lift), precision: working,
            digits: digits, settings: settings, coarseIterations: 0, concurrently: concurrently)
    }

    /// The full-precision stage: a bracket around `estimate` (+- `halfWidth`, widened until the
    /// event function changes sign over it) refined by the safeguarded secant to 10^-(digits +
    /// the guard digits).
    private func fineStage<T: Scalar>(
        event: ContinuationEvent, function: EventFunction, from a: [Double], to b: [Double], corrector: Corrector<P>,
        estimate: T, halfWidth: T, guess: [T], precision working: Int, digits: Int, settings: LocationSettings,
        coarseIterations: Int, concurrently: Bool
    ) throws -> LocatedEvent<T> {
        let fineLocator = try EventLocator<P, T>(
            corrector: corrector, function: function, from: a, to: b, precision: working, settings: settings)
        let fineBracket = try fineLocator.bracket(
            around: estimate, halfWidth: halfWidth, guess: guess, concurrently: concurrently)
        let tolerance = try T.pow(
            T(10, precision: working), T(-(digits + PrecisionPolicy.locationGuardDigits), precision: working))
        let fine = try refine(
            fineBracket, with: fineLocator, tolerance: tolerance, collapseIsFailure: true, digits: digits)
        return located(
            event, by: fine, precision: working, digits: digits, coarseIterations: coarseIterations,
            fineIterations: fineBracket.samples + fine.evaluations)
    }

    /// The event at the best sample of a finished refinement, with its final bracket.
    func located<T: Scalar>(
        _ event: ContinuationEvent, by refinement: BracketRefinement<T>, precision: Int, digits: Int,
        coarseIterations: Int, fineIterations: Int
    ) -> LocatedEvent<T> {
        let best = refinement.best
        return LocatedEvent(
            event: event, x: Array(best.state[0..<problem.dimension]), parameter: best.state[problem.dimension],
            value: best.value, lowerEnd: bracketEnd(refinement.lower), upperEnd: bracketEnd(refinement.upper),
            criterion: refinement.zero == nil ? .bracketBelowTolerance : .exactZero, precision: precision, digits: digits,
            coarseIterations: coarseIterations, fineIterations: fineIterations)
    }

    /// A sample as the end of a located event's bracket.
    func bracketEnd<T: Scalar>(_ sample: BracketSample<T>) -> BracketEnd<T> {
        let n = problem.dimension
        return BracketEnd(sigma: sample.sigma, x: Array(sample.state[0..<n]), parameter: sample.state[n], value: sample.value)
    }

    /// Throws unless `event` brackets two neighbouring points of `result` and names a test
    /// function this problem has.
    private func validate(_ event: ContinuationEvent, function: EventFunction, in result: ContinuationResult) throws {
        let bracket = event.bracket
        guard bracket.lowerBound >= 0, bracket.upperBound == bracket.lowerBound + 1,
            bracket.upperBound < result.points.count,
            result.points.allSatisfy({ $0.x.count == problem.dimension })
        else { throw LocationError.eventNotInResult(event) }
        if case let .testFunction(index) = function, index >= problem.testFunctionNames.count {
            throw LocationError.eventNotInResult(event)
        }
    }

    /// Runs a ``BracketRefinement`` from the ends of `initial`. An exact zero at an end is
    /// returned at once; ends of the same sign throw. A collapse before the tolerance is a
    /// failure at full precision, while the `Double` stage simply hands on what it has.
    func refine<S: Scalar>(
        _ initial: InitialBracket<S>, with locator: EventLocator<P, S>, tolerance: S, collapseIsFailure: Bool,
        digits: Int
    ) throws -> BracketRefinement<S> {
        for end in [initial.lower, initial.upper] where end.value.signum == 0 {
            return BracketRefinement(zero: end)
        }
        guard (initial.lower.value.signum < 0) != (initial.upper.value.signum < 0) else {
            throw LocationError.bracketLost(
                lowerValue: initial.lower.value.doubleValue, upperValue: initial.upper.value.doubleValue)
        }
        var refinement = BracketRefinement(lower: initial.lower, upper: initial.upper)
        let end = try refinement.run(
            tolerance: tolerance, precision: locator.precision, maxIterations: locator.precision + locator.settings.extraIterations,
            sample: locator.sample(at:guess:))
        if end == .collapsed && collapseIsFailure {
            throw LocationError.precisionExhausted(bits: locator.precision, digits: digits)
        }
        return refinement
    }
}
