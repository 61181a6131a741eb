import Continuation
import LossModel
import MultiPrecision

/// How far and how to follow a family.
public struct FollowOptions: Sendable {
    /// Follow towards smaller d down to this d (nil: as far as the family's spectrum is defined).
    public var lower: Double?
    /// Follow towards larger d up to this d (nil: do not follow upwards).
    public var upper: Double?
    public var maxSteps: Int
    /// Largest arclength step.
    public var maxStep: Double

    public init(lower: Double?, upper: Double?, maxSteps: Int = 2000, maxStep: Double = 0.25) {
        self.lower = lower
        self.upper = upper
        self.maxSteps = maxSteps
        self.maxStep = maxStep
    }
}

/// Why a family could not be followed at all.
public struct FollowError: Error, CustomStringConvertible {
    public let description: String
}

extension Family {
    /// The lowest d above which the family's whole spectrum is defined (DESIGN.md section 3:
    /// refined blocks need size at least 1), found by bisection below the seed's d.
    public func lowestD(problem: FamilyProblem, seedD: Double) -> Double {
        var low = partition.lowestD
        var high = seedD
        guard !problem.isAdmissible(parameter: low) else { return low }
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if problem.isAdmissible(parameter: middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Follows the family from its seed down to `options.lower` and up to `options.upper` by
    /// pseudo-arclength continuation in Double, with the spectrum at every accepted point.
    /// `progress` is told (d, points so far) after each accepted point.
    public func follow(_ options: FollowOptions, progress: (Double, Int) -> Void = { _, _ in }) throws -> FamilyTrace {
        let problem = FamilyProblem(partition)
        let seedD = try Double(parsing: seedD, precision: 53)
        let seedX = try seed.map { try Double(parsing: $0, precision: 53) }
        guard seedX.count == problem.dimension else {
            throw ModelError.wrongNumberOfValues(expected: problem.model.loss.space.names, got: seedX.count)
        }
        try partition.validate(d: seedD)
        let floor = lowestD(problem: problem, seedD: seedD)
        guard problem.isAdmissible(parameter: seedD) else {
            throw FollowError(description: "the seed's d = \(seedD) is outside the range where the spectrum of \(partition) is defined (d > \(format(floor)))")
        }
        if let lower = options.lower, lower < floor {
            throw FollowError(description: "d = \(format(lower)) is below \(format(floor)), under which some isotypic part of \(partition) is not defined; choose d above \(format(floor))")
        }
        // Stop a hair above the bound, where every part is still defined.
        let lower = options.lower ?? (floor + 1e-9 * Swift.max(1, abs(floor)))
        let engine = PseudoArclength(problem: problem)
        var branches: [ContinuationResult?] = [nil, nil]
        var count = 0
        for (branch, target) in [(0, lower), (1, options.upper)] {
            guard let target, branch == 0 ? target < seedD : target > seedD else { continue }
            let settings = ContinuationSettings(
                ds: 0.05, dsMin: 1e-7, dsMax: options.maxStep, maxSteps: options.maxSteps,
                lambdaMin: branch == 0 ? target : seedD - 1, lambdaMax: branch == 0 ? seedD + 1 : target,
                newtonTolerance: 1e-11, newtonMaxIterations: 10,
                direction: branch == 0 ? .decreasing : .increasing, touchThreshold: 1e-4)
            do {
                let result = try engine.run(from: seedX, parameter: seedD, settings: settings) { point in
                    count += 1
                    progress(point.parameter, count)
                }
                branches[branch] = result
            } catch let error as ContinuationError {
                throw FollowError(description: "could not start from the seed: \(error)")
            }
        }
        return try FamilyTrace(family: self, problem: problem, branches: branches)
    }

    private func format(_ d: Double) -> String { d.formatted(significantDigits: 6) }
}

extension FamilyTrace {
    /// Joins the two sweeps into one trace ordered by d along the family (the lower branch
    /// reversed), and summarizes the spectrum at every point.
    init(family: Family, problem: FamilyProblem, branches: [ContinuationResult?]) throws {
        let lowerPoints = Array((branches[0]?.points ?? []).reversed())
        let upperPoints = branches[1]?.points ?? []
        // The seed appears in both sweeps: keep it once.
        let joined = lowerPoints.map { ($0, -1.0) } + upperPoints.dropFirst(lowerPoints.isEmpty ? 0 : 1).map { ($0, 1.0) }
        var points: [FamilyPoint] = []
        let model = problem.model
        for (step, (point, sign)) in joined.enumerated() {
            // The test functions are the whole spectrum: index and minima come from them.
            let values = point.testFunctionValues
            let owners = problem.testFunctionParts.map(\.part)
            let loss = try model.loss.evaluate(point.x, d: point.parameter, order: .value).value
            let smallest = values.min() ?? .nan
            let index = zip(values, owners).filter { $0.0 < 0 }
                .reduce(0.0) { $0 + model.multiplicity(ofPart: $1.1).value(at: point.parameter) }
            let minima = problem.parts.map { part in zip(values, owners).filter { $0.1 == part }.map(\.0).min() ?? .nan }
            let stability: Stability = abs(smallest) <= 1e-8 ? .degenerate : (index > 0 ? .saddle : .minimum)
            points.append(FamilyPoint(
                step: step, arclength: sign * point.arclength, d: point.parameter, x: point.x, loss: loss,
                minEigenvalue: smallest, index: index, stability: stability,
                newtonIterations: point.newtonIterations, residual: point.residualNorm, partMinima: minima))
        }
        let offset = lowerPoints.count - 1
        var events: [FamilyEvent] = []
        for (branch, result) in branches.enumerated() {
            guard let result else { continue }
            for event in result.events {
                let mapped = [event.bracket.lowerBound, event.bracket.upperBound].map {
                    branch == 0 ? offset - $0 : Swift.max(offset, 0) + $0
                }
                guard let first = mapped.min(), let last = mapped.max() else { continue }
                events.append(FamilyEvent(event: event, branch: branch, points: first...last))
            }
        }
        events.sort { $0.points.lowerBound < $1.points.lowerBound }
        self.init(
            family: family, names: problem.model.loss.space.names, partNames: problem.model.partNames,
            points: points, events: events,
            lowerStop: branches[0].map { FamilyTrace.describe($0.stopReason) },
            upperStop: branches[1].map { FamilyTrace.describe($0.stopReason) },
            branches: branches)
    }
}

extension FamilyTrace {
    /// Why a branch stopped, in the words of the problem rather than of the engine.
    static func describe(_ reason: StopReason) -> String {
        func d(_ value: Double) -> String { value.formatted(significantDigits: 8) }
        switch reason {
        case let .parameterRangeLeft(bound):
            return "reached d = \(d(bound))"
        case let .notAdmissible(parameter):
            return "reached the end of the range where every isotypic part is defined (near d = \(d(parameter)))"
        case let .evaluationFailed(parameter, error):
            return "stopped near d = \(d(parameter)): \(error)"
        default:
            return "stopped: \(reason)"
        }
    }
}
