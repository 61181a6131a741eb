import MultiPrecision

/// The sweep in `Double`: the loop of predictor-corrector steps, step control, event detection
/// and the stop rules, for one problem and one set of settings.
struct Sweep<P: ContinuationProblem> {
    let corrector: Corrector<P>
    let settings: ContinuationSettings

    private var n: Int { corrector.problem.dimension }

    private var newtonOptions: NewtonOptions<Double> {
        NewtonOptions(
            precision: 53, tolerance: settings.newtonTolerance, maxIterations: settings.newtonMaxIterations,
            rejectsResidualGrowth: true, noiseLevel: nil)
    }

    /// The seed corrected at its fixed parameter, with its tangent oriented along the requested
    /// direction of lambda. Residual growth is tolerated here: a seed is a rough guess, and Newton
    /// may take a detour before it converges.
    func seedPoint(_ x: [Double], parameter: Double) throws(StepFailure) -> ContinuationPoint {
        var options = newtonOptions
        options.rejectsResidualGrowth = false
        let corrected = try corrector.correct(from: x + [parameter], constraint: .fixedParameter, options: options)
        var row = Array(repeating: 0.0, count: n + 1)
        row[n] = settings.direction.sign
        return try makePoint(corrected, tangentRow: row, step: 0, arclength: 0, stepSize: 0)
    }

    /// Steps from `seed` until a stop rule fires. A rejected step is retried with half the
    /// step; the step control sets the next step after an accepted one.
    func run(from seed: ContinuationPoint, onPoint: (ContinuationPoint) -> Void) -> ContinuationResult {
        let stepControl = StepControl(settings: settings)
        let detector = EventDetector(
            testFunctionNames: corrector.problem.testFunctionNames, touchThreshold: settings.touchThreshold)
        var points = [seed]
        var events: [ContinuationEvent] = []
        var rejected = 0
        var ds = settings.ds

        func accept(_ point: ContinuationPoint) {
            points.append(point)
            onPoint(point)
            events += detector.events(endingAt: points)
        }
        func finish(_ reason: StopReason) -> ContinuationResult {
            ContinuationResult(
                points: points, events: events, stopReason: reason,
                testFunctionNames: corrector.problem.testFunctionNames, rejectedSteps: rejected)
        }

        while points.count <= settings.maxSteps {
            let current = points[points.count - 1]
            do throws(StepFailure) {
                let next = try step(from: current, ds: ds)
                if let bound = boundCrossed(by: next) {
                    if current.parameter != bound {
                        accept(try landOnBound(from: current, overshoot: next, bound: bound))
                    }
                    return finish(.parameterRangeLeft(bound: bound))
                }
                accept(next)
                if let maxFolds = settings.maxFolds, events.count(where: { $0.kind == .fold }) >= maxFolds {
                    return finish(.maxFolds)
                }
                ds = stepControl.next(after: ds, iterations: next.newtonIterations, parameter: next.parameter)
            } catch {
                rejected += 1
                guard let smaller = stepControl.retry(after: ds) else { return finish(StopReason(stepFailure: error)) }
                ds = smaller
            }
        }
        return finish(.maxSteps)
    }

    /// One predictor-corrector step of length `ds` along the current tangent, rejected when the
    /// corrector lands too far from the prediction or where the tangent has turned too far.
    func step(from current: ContinuationPoint, ds: Double) throws(StepFailure) -> ContinuationPoint {
        let predicted = adding(current.state, ds, times: current.tangent)
        let corrected = try corrector.correct(
            from: predicted, constraint: .hyperplane(normal: current.tangent, anchor: predicted), options: newtonOptions)
        let correction = subtracting(corrected.state, predicted)
        let distance = dot(correction, correction).squareRoot()
        guard distance <= settings.maxCorrectionRatio * ds else {
            throw .correctionTooLarge(distance: distance, step: ds)
        }
        let point = try makePoint(
            corrected, tangentRow: current.tangent, step: current.step + 1, arclength: current.arclength + ds,
            stepSize: ds)
        let turn = dot(current.tangent, point.tangent)
        guard turn >= Double.cos(settings.maxTangentTurn) else {
            let angle = (try? Double.acos(Swift.max(-1, Swift.min(1, turn)))) ?? Double.pi
            throw .tangentTurned(angle: angle, step: ds)
        }
        return point
    }

    /// The bound of the parameter range that `point` lies beyond, if any.
    private func boundCrossed(by point: ContinuationPoint) -> Double? {
        if point.parameter > settings.lambdaMax { return settings.lambdaMax }
        if point.parameter < settings.lambdaMin { return settings.lambdaMin }
        return nil
    }

    /// The point of the curve exactly at lambda = `bound`, between `last` (inside the range) and
    /// `overshoot` (outside): Newton in x at the fixed parameter from the chord's crossing of
    /// the bound. It must lie nearer to `last` than `overshoot` does, or it is on another part
    /// of the curve (which may turn back before the bound), and the step is retried shorter.
    func landOnBound(
        from last: ContinuationPoint, overshoot: ContinuationPoint, bound: Double
    ) throws(StepFailure) -> ContinuationPoint {
        let chord = subtracting(overshoot.state, last.state)
        let fraction = (bound - last.parameter) / (overshoot.parameter - last.parameter)
        var guess = adding(last.state, fraction, times: chord)
        guess[n] = bound
        let corrected: CorrectedPoint<Double>
        do throws(StepFailure) {
            corrected = try corrector.correct(from: guess, constraint: .fixedParameter, options: newtonOptions)
        } catch {
            switch error {
            case .evaluationFailed, .notAdmissible: throw error
            default: throw .boundaryNotReached(bound: bound)
            }
        }
        let landed = subtracting(corrected.state, last.state)
        guard dot(landed, landed) <= dot(chord, chord) * (1 + 1e-9) else { throw .boundaryNotReached(bound: bound) }
        let along = dot(last.tangent, landed)
        return try makePoint(
            corrected, tangentRow: last.tangent, step: last.step + 1, arclength: last.arclength + along,
            stepSize: along)
    }

    /// The record of a corrected point: its tangent, oriented along `tangentRow`, and its test
    /// functions.
    private func makePoint(
        _ corrected: CorrectedPoint<Double>, tangentRow: [Double], step: Int, arclength: Double, stepSize: Double
    ) throws(StepFailure) -> ContinuationPoint {
        let tangent = try corrector.tangent(at: corrected, orientedAlong: tangentRow, precision: 53)
        let values = try corrector.testFunctions(at: corrected.state, precision: 53)
        return ContinuationPoint(
            step: step, arclength: arclength, x: Array(corrected.state[0..<n]), parameter: corrected.state[n],
            tangent: tangent.direction, stepSize: stepSize, newtonIterations: corrected.iterations,
            residualNorm: corrected.residualNorm, testFunctionValues: values,
            borderedDeterminantSign: tangent.borderedDeterminantSign)
    }
}
