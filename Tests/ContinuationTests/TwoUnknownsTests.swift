import Continuation
import LinearAlgebra
import MultiPrecision
import XCTest

/// x1^2 + lambda^2 = 1 and x2 = x1 lambda: the circle again, lifted into three dimensions, so
/// that the bordered systems are 3 x 3 and F_x is not diagonal. The test function x2 - 0.3
/// vanishes first at x1 = sqrt(0.9), lambda = sqrt(0.1).
struct LiftedCircle: ContinuationProblem {
    var dimension: Int { 2 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        SystemEvaluation(
            residual: [x[0] * x[0] + parameter * parameter - 1, x[1] - x[0] * parameter],
            jacobian: Matrix([[2 * x[0], 0], [-parameter, 1]]),
            parameterDerivative: [2 * parameter, -x[0]])
    }

    func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] {
        // 3/10 at the working precision: the Double 0.3 is not 3/10.
        [x[1] - S(3, precision: x[1].precision) / S(10, precision: x[1].precision)]
    }

    var testFunctionNames: [String] { ["x2 - 0.3"] }
}

final class TwoUnknownsTests: XCTestCase {
    private let engine = PseudoArclength(problem: LiftedCircle())

    private func sweep() throws -> ContinuationResult {
        let settings = ContinuationSettings(ds: 0.1, dsMax: 0.2, lambdaMin: -2, lambdaMax: 2, maxFolds: 1)
        return try engine.run(from: [1, 0.1], parameter: 0, settings: settings)
    }

    func testFoldAndEventsFoundInOrder() throws {
        let result = try sweep()
        guard case .maxFolds = result.stopReason else { return XCTFail("stopped: \(result.stopReason)") }
        XCTAssertEqual(result.points[0].x[1], 0)
        // x2 - 0.3 rises through zero, then falls back through it before the fold.
        XCTAssertEqual(result.events.map(\.kind), [.testFunction(index: 0), .testFunction(index: 0), .fold])
    }

    func testLocatedPointsSolveTheSystemAtFullPrecision() throws {
        let result = try sweep()
        let precision = 256
        let tolerance = try powerOfTen(-60, precision: precision)
        for event in result.events {
            let located: LocatedEvent<BigFloat> = try engine.locate(
                event: event, in: result, precision: precision, digits: 60)
            let residual = try LiftedCircle().evaluate(located.x, parameter: located.parameter).residual
            XCTAssertLessThan(residual.map(\.magnitude).max() ?? 1, tolerance, "\(event)")
        }
        let first: LocatedEvent<BigFloat> = try engine.locate(
            event: result.events[0], in: result, precision: precision, digits: 60)
        let expectedParameter = try BigFloat.sqrt(BigFloat(parsing: "0.1", precision: precision))
        let expectedX = try BigFloat.sqrt(BigFloat(parsing: "0.9", precision: precision))
        XCTAssertLessThan((first.parameter - expectedParameter).magnitude, tolerance * expectedParameter)
        XCTAssertLessThan((first.x[0] - expectedX).magnitude, tolerance)
        let fold: LocatedEvent<BigFloat> = try engine.locate(
            event: result.events[2], in: result, precision: precision, digits: 60)
        XCTAssertLessThan((fold.parameter - 1).magnitude, tolerance)
        XCTAssertLessThan(fold.x[0].magnitude, tolerance)
        XCTAssertLessThan(fold.x[1].magnitude, tolerance)
    }
}
