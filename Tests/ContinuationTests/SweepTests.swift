import Continuation
import MultiPrecision
import XCTest

/// Stop rules, step control and the reporting of a failing problem.
final class SweepTests: XCTestCase {
    func testRangeLeftLandsExactlyOnTheLowerBound() throws {
        let engine = PseudoArclength(problem: Cubic())
        let settings = ContinuationSettings(ds: 0.05, dsMax: 0.2, lambdaMin: 5.5, lambdaMax: 7, direction: .decreasing)
        let result = try engine.run(from: [2], parameter: 6, settings: settings)
        guard case .parameterRangeLeft(bound: 5.5) = result.stopReason else {
            return XCTFail("stopped: \(result.stopReason)")
        }
        let last = result.points[result.points.count - 1]
        XCTAssertEqual(last.parameter, 5.5)
        XCTAssertLessThan(abs(last.x[0] * last.x[0] * last.x[0] - last.x[0] - 5.5), 1e-12)
        XCTAssertTrue(result.points.allSatisfy { $0.parameter >= 5.5 })
        try assertOnCurve(result, of: Cubic())
    }

    /// On a straight line the predictor is exact, Newton needs one iteration and the step
    /// doubles up to dsMax.
    func testStepGrowsOnAnEasyStretch() throws {
        let engine = PseudoArclength(problem: Line())
        let settings = ContinuationSettings(ds: 0.001, dsMax: 0.25, maxSteps: 20, lambdaMin: -1, lambdaMax: 100)
        let result = try engine.run(from: [0], parameter: 0, settings: settings)
        let steps = result.points.dropFirst().map(\.stepSize)
        XCTAssertEqual(steps.first, 0.001)
        XCTAssertEqual(steps.last, 0.25)
        XCTAssertEqual(steps, steps.sorted())
        XCTAssertTrue(result.points.dropFirst().allSatisfy { $0.newtonIterations == 1 })
        XCTAssertEqual(result.rejectedSteps, 0)
    }

    func testThrowingProblemStopsWithItsError() throws {
        let engine = PseudoArclength(problem: Line(singularAbove: 0.5))
        let settings = ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.1, lambdaMin: -1, lambdaMax: 2)
        let result = try engine.run(from: [0], parameter: 0, settings: settings)
        guard case let .evaluationFailed(parameter, error) = result.stopReason else {
            return XCTFail("stopped: \(result.stopReason)")
        }
        let singular = try XCTUnwrap(error as? SingularPoint)
        XCTAssertGreaterThan(singular.parameter, 0.5)
        XCTAssertEqual(parameter, singular.parameter)
        let last = result.points[result.points.count - 1]
        XCTAssertLessThanOrEqual(last.parameter, 0.5)
        XCTAssertGreaterThan(last.parameter, 0.5 - 1e-4)
    }

    func testInadmissibleParametersAreNeverEvaluated() throws {
        let engine = PseudoArclength(problem: Line(singularAbove: 0.75, admissibleBelow: 0.75))
        let settings = ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.1, lambdaMin: -1, lambdaMax: 2)
        let result = try engine.run(from: [0], parameter: 0, settings: settings)
        guard case let .notAdmissible(parameter) = result.stopReason else {
            return XCTFail("stopped: \(result.stopReason)")
        }
        XCTAssertGreaterThanOrEqual(parameter, 0.75)
        XCTAssertGreaterThan(result.points[result.points.count - 1].parameter, 0.75 - 1e-4)
    }

    func testSeedIsCorrectedAtItsParameter() throws {
        let engine = PseudoArclength(problem: Circle())
        let settings = ContinuationSettings(maxSteps: 1, lambdaMin: -2, lambdaMax: 2)
        let result = try engine.run(from: [0.8], parameter: 0.6, settings: settings)
        XCTAssertEqual(result.points[0].parameter, 0.6)
        XCTAssertEqual(result.points[0].x[0], 0.8, accuracy: 1e-15)
        XCTAssertGreaterThan(result.points[0].parameterTangent, 0)
    }

    func testInvalidStartsThrow() {
        let engine = PseudoArclength(problem: Circle())
        let range = ContinuationSettings(lambdaMin: -2, lambdaMax: 2)
        XCTAssertThrowsError(try engine.run(from: [1], parameter: 3, settings: range)) { error in
            guard case ContinuationError.seedOutsideRange = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try engine.run(from: [1, 2], parameter: 0, settings: range))
        XCTAssertThrowsError(try engine.run(from: [1], parameter: 0, settings: ContinuationSettings(ds: 1, dsMax: 0.1)))
        // No real x solves x^2 + 4 = 1.
        XCTAssertThrowsError(try engine.run(from: [1], parameter: 2, settings: range)) { error in
            guard case ContinuationError.seedFailed = error else { return XCTFail("\(error)") }
        }
    }
}
