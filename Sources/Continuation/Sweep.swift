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
        let point = try curvePoint(corrected, tangentRow: row, step: 0, arclength: 0, stepSize: 0)
        return point.with(testFunctionValues: try corrector.testFunctions(at: corrected.state, precision: 53))
    }

    /// Steps from `seed` until a stop rule fires. A rejected step is retried with half the
    /// step; the step control sets the next step after an accepted one.
    ///
    /// With `concurrently` the points' test functions are computed on a second thread while
    /// the sweep steps on (``TestFunctionWork``): nothing but their failure steers the sweep, so
    /// each step is taken speculatively, and where a point's test functions fail, the sweep goes
    /// back to where it stood before that step and rejects it, as one thread would have. The
    /// result is the same either way; `onPoint` sees each point once its test functions are known.
    func run(from seed: ContinuationPoint, concurrently: Bool = false, onPoint: (ContinuationPoint) -> Void) -> ContinuationResult {
        let stepControl = StepControl(settings: settings)
        let detector = EventDetector(
            testFunctionNames: corrector.problem.testFunctionNames, touchThreshold: settings.touchThreshold)
        let work = TestFunctionWork(corrector: corrector, concurrently: concurrently)
        defer { work.close() }
        var points = [seed]
        var events: [ContinuationEvent] = []
        var rejected = 0
        var ds = settings.ds
        var folds = 0
        // Steps taken whose points' test functions are not all known yet, oldest first, and the
        // stop rule the sweep has met, if it has.
        var open: [OpenStep] = []
        var stop: StopReason?

        // Fills in the test functions of the oldest open steps that have them all (waiting for
        // them once the sweep has stopped), reporting their points and events; returns the
        // failure of the oldest open step if one of its points failed.
        func settle() -> StepFailure? {
            while let first = open.first {
                for task in first.tasks {
                    guard let outcome = stop == nil ? work.outcome(of: task.id) : work.wait(for: task.id) else { return nil }
                    switch outcome {
                    case let .failure(failure): return failure
                    case let .success(values):
                        if let point = task.point { points[point] = points[point].with(testFunctionValues: values) }
                    }
                }
                open.removeFirst()
                for index in first.pointCount..<(open.first?.pointCount ?? points.count) {
                    onPoint(points[index])
                    events += detector.events(endingAt: points[...index])
                }
            }
            return nil
        }

        // One step from the last point: its points are added, their test functions submitted,
        // and the stop rule it fires returned.
        func takeStep() -> StopReason? {
            guard points.count <= settings.maxSteps else { return .maxSteps }
            let current = points[points.count - 1]
            var step = OpenStep(pointCount: points.count, rejected: rejected, ds: ds, folds: folds)
            do throws(StepFailure) {
                let next = try self.step(from: current, ds: ds, work: work, tasks: &step.tasks)
                if let bound = boundCrossed(by: next) {
                    if current.parameter != bound {
                        points.append(try landOnBound(from: current, overshoot: next, bound: bound, work: work, tasks: &step.tasks))
                        step.tasks[step.tasks.count - 1].point = points.count - 1
                    }
                    open.append(step)
                    return .parameterRangeLeft(bound: bound)
                }
                points.append(next)
                step.tasks[step.tasks.count - 1].point = points.count - 1
                if EventDetector.isFold(from: current, to: next) { folds += 1 }
                open.append(step)
                if let maxFolds = settings.maxFolds, folds >= maxFolds { return .maxFolds }
                ds = stepControl.next(after: ds, iterations: next.newtonIterations, parameter: next.parameter)
            } catch {
                rejected += 1
                guard let smaller = stepControl.retry(after: ds) else {
                    // One thread would have met a failure of this step's test functions first.
                    let earlier = step.tasks.lazy.compactMap { task -> StepFailure? in
                        if case let .failure(failure) = work.wait(for: task.id) { failure } else { nil }
                    }.first
                    return StopReason(stepFailure: earlier ?? error)
                }
                work.cancel(step.tasks.map(\.id))
                ds = smaller
            }
            return nil
        }

        while true {
            if stop == nil {
                stop = takeStep()
                work.helpIfBehind()
            }
            if let failure = settle() {
                // The oldest open step failed at a point's test functions: back to where it
                // started, and every later step with it.
                let failed = open[0]
                work.cancel(open.flatMap { $0.tasks.map(\.id) })
                open.removeAll()
                points.removeSubrange(failed.pointCount...)
                (rejected, ds, folds) = (failed.rejected + 1, failed.ds, failed.folds)
                stop = nil
                if let smaller = stepControl.retry(after: ds) { ds = smaller } else { stop = StopReason(stepFailure: failure) }
            }
            if let stop, open.isEmpty {
                return ContinuationResult(
                    points: points, events: events, stopReason: stop,
                    testFunctionNames: corrector.problem.testFunctionNames, rejectedSteps: rejected)
            }
        }
    }

    /// One predictor-corrector step of length `ds` along the current tangent, rejected when the
    /// corrector lands too far from the prediction or where the tangent has turned too far.
    func step(
        from current: ContinuationPoint, ds: Double, work: TestFunctionWork<P>, tasks: inout [OpenStep.Task]
    ) throws(StepFailure) -> ContinuationPoint {
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
            stepSize: ds, work: work, tasks: &tasks)
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
        from last: ContinuationPoint, overshoot: ContinuationPoint, bound: Double, work: TestFunctionWork<P>,
        tasks: inout [OpenStep.Task]
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
            stepSize: along, work: work, tasks: &tasks)
    }

    /// The record of a corrected point: its tangent, oriented along `tangentRow`, and its test
    /// functions, submitted to `work` (the task joins `tasks`) and filled in once known.
    private func makePoint(
        _ corrected: CorrectedPoint<Double>, tangentRow: [Double], step: Int, arclength: Double, stepSize: Double,
        work: TestFunctionWork<P>, tasks: inout [OpenStep.Task]
    ) throws(StepFailure) -> ContinuationPoint {
        let point = try curvePoint(corrected, tangentRow: tangentRow, step: step, arclength: arclength, stepSize: stepSize)
        tasks.append(OpenStep.Task(id: try work.submit(corrected.state), point: nil))
        return point
    }

    /// The record of a corrected point without its test functions.
    private func curvePoint(
        _ corrected: CorrectedPoint<Double>, tangentRow: [Double], step: Int, arclength: Double, stepSize: Double
    ) throws(StepFailure) -> ContinuationPoint {
        let tangent = try corrector.tangent(at: corrected, orientedAlong: tangentRow, precision: 53)
        return ContinuationPoint(
            step: step, arclength: arclength, x: Array(corrected.state[0..<n]), parameter: corrected.state[n],
            tangent: tangent.direction, stepSize: stepSize, newtonIterations: corrected.iterations,
            residualNorm: corrected.residualNorm, testFunctionValues: [],
            borderedDeterminantSign: tangent.borderedDeterminantSign)
    }
}

/// A step of ``Sweep/run(from:concurrently:onPoint:)`` whose points' test functions are not all
/// known: where the sweep stood before it, to go back to should one of them fail.
struct OpenStep {
    /// A submitted test-function task, and the point it belongs to (nil for a point that was
    /// passed over: the step beyond a bound, before landing on it).
    struct Task {
        let id: Int
        var point: Int?
    }

    /// Points before the step, the rejected steps, the step length and the folds then.
    let pointCount: Int
    let rejected: Int
    let ds: Double
    let folds: Int
    /// In the order one thread would have computed them.
    var tasks: [Task] = []
}

extension ContinuationPoint {
    /// The point with its test functions.
    func with(testFunctionValues values: [Double]) -> ContinuationPoint {
        ContinuationPoint(
            step: step, arclength: arclength, x: x, parameter: parameter, tangent: tangent, stepSize: stepSize,
            newtonIterations: newtonIterations, residualNorm: residualNorm, testFunctionValues: values,
            borderedDeterminantSign: borderedDeterminantSign)
    }
}
