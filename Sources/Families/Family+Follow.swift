import Continuation
import LossModel
import MultiPrecision

/// Why a family could not be followed at all.
public struct FollowError: Error, CustomStringConvertible {
    public let description: String
}

extension Family {
    /// The lowest d above which the family's whole spectrum is defined (docs/design.md
    /// section 3: refined blocks need size at least 1), found by bisection below the seed's d.
    public func lowestD(problem: FamilyProblem, seedD: Double, bisections: Int = 60) -> Double {
        var low = partition.lowestD
        var high = seedD
        guard !problem.isAdmissible(parameter: low) else { return low }
        for _ in 0..<bisections {
            let middle = (low + high) / 2
            if problem.isAdmissible(parameter: middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Follows the family from its seed down to `settings.lower` and up to `settings.upper` by
    /// pseudo-arclength continuation in Double, with the spectrum at every accepted point.
    /// `problem` is the family's problem, built once (``FamilyProblem``); `progress` is told
    /// (d, points so far) after each accepted point. With `concurrently` each sweep computes its
    /// spectra on a second thread (``PseudoArclength/run(from:parameter:settings:concurrently:onPoint:)``),
    /// with the same result.
    public func follow(
        _ settings: FollowSettings, problem: FamilyProblem? = nil, concurrently: Bool = false,
        progress: (Double, Int) -> Void = { _, _ in }
    ) throws -> FamilyTrace {
        let problem = problem ?? FamilyProblem(partition)
        let seedD = self.seedD.double
        let seedX = seed.map(\.double)
        guard seedX.count == problem.dimension else {
            throw ModelError.wrongNumberOfValues(expected: problem.model.loss.space.names, got: seedX.count)
        }
        try partition.validate(d: self.seedD)
        let floor = lowestD(problem: problem, seedD: seedD, bisections: settings.boundaryBisections)
        guard problem.isAdmissible(parameter: seedD) else {
            throw FollowError(description: "the seed's d = \(seedD) is outside the range where the spectrum of \(partition) is defined (d > \(format(floor)))")
        }
        if let lower = settings.lower, lower < floor {
            throw FollowError(description: "d = \(format(lower)) is below \(format(floor)), under which some isotypic part of \(partition) is not defined; choose d above \(format(floor))")
        }
        let lower = settings.followsDown ? settings.lower ?? (floor + settings.boundaryMargin * Swift.max(1, abs(floor))) : nil
        let engine = PseudoArclength(problem: problem)
        var branches: [ContinuationResult?] = [nil, nil]
        var count = 0
        for (branch, target) in [(0, lower), (1, settings.upper)] {
            guard let target, branch == 0 ? target < seedD : target > seedD else { continue }
            let continuation = ContinuationSettings(
                ds: settings.initialStep, dsMin: settings.minimumStep, dsMax: settings.maxStep,
                relativeMaximumStep: settings.relativeStep, maxSteps: settings.maxSteps,
                lambdaMin: branch == 0 ? target : seedD - settings.overshoot,
                lambdaMax: branch == 0 ? seedD + settings.overshoot : target,
                newtonTolerance: settings.newtonTolerance, newtonMaxIterations: settings.newtonMaxIterations,
                direction: branch == 0 ? .decreasing : .increasing, touchThreshold: settings.touchThreshold,
                maxTangentTurn: settings.maxTangentTurn)
            do {
                let result = try engine.run(
                    from: seedX, parameter: seedD, settings: continuation, concurrently: concurrently
                ) { point in
                    count += 1
                    progress(point.parameter, count)
                }
                branches[branch] = result
            } catch let error as ContinuationError {
                throw FollowError(description: "could not start from the seed: \(error)")
            }
        }
        return try FamilyTrace(family: self, problem: problem, branches: branches, degeneracy: settings.degeneracy)
    }

    private func format(_ d: Double) -> String { d.formatted(significantDigits: 6) }
}

extension FamilyTrace {
    /// Joins the two sweeps into one trace ordered by d along the family (the lower branch
    /// reversed), and summarizes the spectrum at every point.
    init(family: Family, problem: FamilyProblem, branches: [ContinuationResult?], degeneracy: Double) throws {
        let lowerPoints = Array((branches[0]?.points ?? []).reversed())
        let upperPoints = branches[1]?.points ?? []
        // The seed appears in both sweeps: keep it once.
        let joined = lowerPoints.map { ($0, -1.0) } + upperPoints.dropFirst(lowerPoints.isEmpty ? 0 : 1).map { ($0, 1.0) }
        var points: [FamilyPoint] = []
        let model = problem.model
        let owners = problem.testFunctionParts.map(\.part)
        let multiplicities = owners.map { model.multiplicity(ofPart: model.index(of: $0) ?? 0) }
        let partIDs = problem.parts.map { model.partIDs[$0] }
        for (step, (point, sign)) in joined.enumerated() {
            // The test functions are the whole spectrum: index and minima come from them.
            let values = point.testFunctionValues
            let loss = try model.loss.value(at: point.x, d: point.parameter)
            let smallest = values.min() ?? .nan
            let index = zip(values, multiplicities).filter { $0.0 < 0 }
                .reduce(0.0) { $0 + $1.1.value(at: point.parameter) }
            let minima = partIDs.map { part in zip(values, owners).filter { $0.1 == part }.map(\.0).min() ?? .nan }
            let stability: Stability = abs(smallest) <= degeneracy ? .degenerate : (index > 0 ? .saddle : .minimum)
            points.append(FamilyPoint(
                step: step, arclength: sign * point.arclength, d: point.parameter, x: point.x, loss: loss,
                minEigenvalue: smallest, index: index, stability: stability,
                newtonIterations: point.newtonIterations, residual: point.residualNorm, partMinima: minima))
        }
        let offset = lowerPoints.count - 1
        var events: [FamilyEvent] = []
        for (branch, result) in branches.enumerated() {
            guard let result else { continue }
            for event in result.events where !FamilyTrace.isBranchPointEigenvalue(event, in: result, problem: problem) {
                let mapped = [event.bracket.lowerBound, event.bracket.upperBound].map {
                    branch == 0 ? offset - $0 : Swift.max(offset, 0) + $0
                }
                guard let first = mapped.min(), let last = mapped.max() else { continue }
                events.append(FamilyEvent(event: event, branch: branch, points: first...last))
            }
        }
        events.sort { $0.points.lowerBound < $1.points.lowerBound }
        self.init(
            family: family, problem: problem, points: points, events: events,
            lowerStop: branches[0].map { FamilyStop($0.stopReason) },
            upperStop: branches[1].map { FamilyStop($0.stopReason) },
            branches: branches)
    }

    /// Whether `event` is a trivial-part eigenvalue changing sign in the step of a branch point
    /// or a fold. The trivial part's eigenvalues are those of F_x, the reduced Hessian, which is
    /// singular at both (docs/design.md section 4), so that eigenvalue is the branch point or
    /// the fold itself: it is reported once, as such, rather than also as a transition of the
    /// trivial part (which its location could not check anyway: at a fold there is no critical
    /// point on one side of its d, and at a branch point the curve is ill-conditioned).
    static func isBranchPointEigenvalue(_ event: ContinuationEvent, in result: ContinuationResult, problem: FamilyProblem) -> Bool {
        guard case let .testFunction(index) = event.kind, problem.testFunctionParts[index].part == .trivial else { return false }
        return (result.branchPoints + result.folds).contains { $0.bracket == event.bracket }
    }
}
