import Continuation
import LinearAlgebra
import MultiPrecision
import XCTest

/// The parabola x1 = lambda^2 - 1 and the line x1 = lambda, lifted by x2 = x1 lambda so that
/// F_x is not diagonal: F1 = (x1 - lambda^2 + 1)(x1 - lambda), F2 = x2 - x1 lambda. The curves
/// cross transversally where lambda^2 - lambda - 1 = 0, at lambda = (1 -+ sqrt 5) / 2, with
/// x1 = lambda and x2 = lambda^2 there: two simple transcritical branch points, where F_y has
/// rank 1, and no fold on either curve (each is a graph over lambda).
///
/// Test functions, for the events that share a sweep step with a branch point: x1 - lambda
/// vanishes on the parabola exactly at the branch points; lambda - `mark` at lambda = `mark`.
struct CrossingCurves: ContinuationProblem {
    var mark: Double?

    var dimension: Int { 2 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        let parabola = x[0] - parameter * parameter + 1
        let line = x[0] - parameter
        return SystemEvaluation(
            residual: [parabola * line, x[1] - x[0] * parameter],
            jacobian: Matrix([[parabola + line, 0], [-parameter, 1]]),
            parameterDerivative: [-2 * parameter * line - parabola, -x[0]])
    }

    func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] {
        guard let mark else { return [] }
        return [x[0] - parameter, parameter - S(mark, precision: parameter.precision)]
    }

    var testFunctionNames: [String] { mark == nil ? [] : ["x1 - lambda", "lambda - mark"] }
}

final class BranchPointTests: XCTestCase {
    /// Along the parabola from lambda = -2 (x1 = 3, x2 = -6) up to lambda = 3, through both
    /// crossings with the line.
    private func sweepAlongTheParabola(
        _ problem: CrossingCurves = CrossingCurves(), ds: Double = 0.05, dsMax: Double = 0.2, maxTangentTurn: Double = 0.1
    ) throws -> ContinuationResult {
        let settings = ContinuationSettings(
            ds: ds, dsMax: dsMax, lambdaMin: -2, lambdaMax: 3, maxTangentTurn: maxTangentTurn)
        return try PseudoArclength(problem: problem).run(from: [3, -6], parameter: -2, settings: settings)
    }

    /// (1 -+ sqrt 5) / 2 at `precision` bits: the branch points' lambda (and x1; x2 is its square).
    private func crossings(precision: Int) throws -> [BigFloat] {
        let root5 = try BigFloat.sqrt(BigFloat(5, precision: precision))
        return [(1 - root5) / 2, (1 + root5) / 2]
    }

    private func isOnParabola(_ point: ContinuationPoint) -> Bool {
        abs(point.x[0] - (point.parameter * point.parameter - 1)) < 1e-9 && abs(point.x[1] - point.x[0] * point.parameter) < 1e-9
    }

    func testBothCrossingsAreBranchPointsAndTheSweepStaysOnTheParabola() throws {
        let result = try sweepAlongTheParabola()
        guard case .parameterRangeLeft(bound: 3) = result.stopReason else { return XCTFail("stopped: \(result.stopReason)") }
        XCTAssertEqual(result.events.map(\.kind), [.branchPoint, .branchPoint])
        XCTAssertTrue(result.folds.isEmpty)
        for (event, crossing) in zip(result.branchPoints, [-0.6180339887, 1.6180339887]) {
            let around = event.bracket.map { result.points[$0].parameter }
            XCTAssertLessThan(around[0], crossing)
            XCTAssertGreaterThan(around[1], crossing)
            // Straight through: lambda keeps its direction, the determinant changes sign.
            XCTAssertGreaterThan(result.points[event.bracket.lowerBound].parameterTangent, 0)
            XCTAssertGreaterThan(result.points[event.bracket.upperBound].parameterTangent, 0)
        }
        // Every point, before, between and after the crossings, lies on the parabola, not on
        // the line, and lambda only grows.
        for point in result.points { XCTAssertTrue(isOnParabola(point), "step \(point.step) at lambda \(point.parameter)") }
        for (a, b) in zip(result.points, result.points.dropFirst()) { XCTAssertLessThan(a.parameter, b.parameter) }
        XCTAssertEqual(result.points[result.points.count - 1].x[0], 8, accuracy: 1e-12)
    }

    func testAlongTheLineTheSweepStaysOnTheLine() throws {
        let settings = ContinuationSettings(ds: 0.05, dsMax: 0.2, lambdaMin: -2, lambdaMax: 3)
        let result = try PseudoArclength(problem: CrossingCurves()).run(from: [-2, 4], parameter: -2, settings: settings)
        guard case .parameterRangeLeft(bound: 3) = result.stopReason else { return XCTFail("stopped: \(result.stopReason)") }
        XCTAssertEqual(result.branchPoints.count, 2)
        for point in result.points {
            XCTAssertEqual(point.x[0], point.parameter, accuracy: 1e-12, "step \(point.step)")
            XCTAssertEqual(point.x[1], point.parameter * point.parameter, accuracy: 1e-9, "step \(point.step)")
        }
    }

    func testBranchPointsLocatedTo50DigitsAgainstTheClosedForm() throws {
        let result = try sweepAlongTheParabola()
        let precision = 256
        let tolerance = try powerOfTen(-50, precision: precision)
        for (event, crossing) in zip(result.branchPoints, try crossings(precision: precision)) {
            let located: LocatedEvent<BigFloat> = try PseudoArclength(problem: CrossingCurves()).locate(
                event: event, in: result, precision: precision, digits: 50)
            XCTAssertEqual(located.criterion, .branchPointSystem)
            XCTAssertLessThan((located.parameter - crossing).magnitude, tolerance, "\(located.parameter)")
            XCTAssertLessThan((located.x[0] - crossing).magnitude, tolerance, "\(located.x[0])")
            XCTAssertLessThan((located.x[1] - crossing * crossing).magnitude, tolerance, "\(located.x[1])")
            // The evidence: det[F_x F_lambda; t^T] has opposite signs at points of the parabola
            // either side, and mu of the augmented system vanishes.
            XCTAssertNotEqual(located.lowerEnd.value.signum, located.upperEnd.value.signum)
            XCTAssertLessThan(located.lowerEnd.parameter, crossing)
            XCTAssertGreaterThan(located.upperEnd.parameter, crossing)
            for end in [located.lowerEnd, located.upperEnd] {
                XCTAssertLessThan((end.x[0] - end.parameter * end.parameter + 1).magnitude, tolerance, "an end lies on the parabola")
            }
            XCTAssertLessThan(located.value.magnitude, tolerance)
        }
    }

    /// The same generic code in `Double`, and a located branch point relocated to 100 digits.
    func testBranchPointLocatedInDoubleAndRelocated() throws {
        let result = try sweepAlongTheParabola()
        let engine = PseudoArclength(problem: CrossingCurves())
        let event = result.branchPoints[1]
        let coarse: LocatedEvent<Double> = try engine.locate(event: event, in: result, precision: 53, digits: 5)
        XCTAssertEqual(coarse.parameter, (1 + 5.0.squareRoot()) / 2, accuracy: 1e-12)
        let first: LocatedEvent<BigFloat> = try engine.locate(event: event, in: result, precision: 200, digits: 40)
        let refined = try engine.relocate(first, in: result, precision: 420, digits: 100)
        let golden = try crossings(precision: 420)[1]
        XCTAssertLessThan((refined.parameter - golden).magnitude, try powerOfTen(-100, precision: 420))
        XCTAssertEqual(refined.precision, 420)
    }

    /// With ds = dsMax = 0.064 a prediction passes close to the branch point at lambda = 1.618,
    /// and the corrector lands on the line, which crosses the parabola there at 0.2 radians:
    /// without the turn check (a limit of pi) the sweep carries on along the line; with it the
    /// step is retried shorter and the sweep stays on the parabola.
    func testAStepOntoTheCrossingBranchIsRetried() throws {
        let unchecked = try sweepAlongTheParabola(ds: 0.064, dsMax: 0.064, maxTangentTurn: .pi)
        let strays = unchecked.points.filter { !isOnParabola($0) }
        XCTAssertFalse(strays.isEmpty, "the hazard the check guards against")
        for point in strays { XCTAssertEqual(point.x[0], point.parameter, accuracy: 1e-9, "strayed onto the line") }

        let checked = try sweepAlongTheParabola(ds: 0.064, dsMax: 0.064)
        XCTAssertGreaterThan(checked.rejectedSteps, 0)
        for point in checked.points { XCTAssertTrue(isOnParabola(point), "step \(point.step) at lambda \(point.parameter)") }
        XCTAssertEqual(checked.branchPoints.count, 2)
    }

    /// Test functions that change sign in the step of a branch point: x1 - lambda vanishes at
    /// the branch point itself and is located there; lambda - mark changes sign further on in
    /// the same step and is located at mark, from samples that keep away from the branch point.
    func testEventsInTheStepOfABranchPointAreLocatedAroundIt() throws {
        let plain = try sweepAlongTheParabola()
        let step = plain.branchPoints[1].bracket
        // Half way from the crossing to the end of its step (exact in binary, so the expected
        // lambda is exactly this Double).
        let mark = ((1 + 5.0.squareRoot()) / 2 + plain.points[step.upperBound].parameter) / 2
        let problem = CrossingCurves(mark: mark)
        let result = try sweepAlongTheParabola(problem)
        XCTAssertEqual(result.points.map(\.parameter), plain.points.map(\.parameter), "test functions do not move the sweep")
        let inStep = result.events.filter { $0.bracket == step }
        XCTAssertEqual(inStep.map(\.kind), [.branchPoint, .testFunction(index: 0), .testFunction(index: 1)])

        let precision = 256
        let tolerance = try powerOfTen(-50, precision: precision)
        let engine = PseudoArclength(problem: problem)
        let atCrossing: LocatedEvent<BigFloat> = try engine.locate(event: inStep[1], in: result, precision: precision, digits: 50)
        XCTAssertEqual(atCrossing.criterion, .atBranchPoint)
        XCTAssertLessThan((atCrossing.parameter - (try crossings(precision: precision)[1])).magnitude, tolerance)

        let atMark: LocatedEvent<BigFloat> = try engine.locate(event: inStep[2], in: result, precision: precision, digits: 50)
        let exact = BigFloat(mark, precision: precision)
        XCTAssertLessThan((atMark.parameter - exact).magnitude, tolerance)
        XCTAssertLessThan((atMark.x[0] - (exact * exact - 1)).magnitude, tolerance, "on the parabola")
        XCTAssertNotEqual(atMark.lowerEnd.value.signum, atMark.upperEnd.value.signum)
    }
}
