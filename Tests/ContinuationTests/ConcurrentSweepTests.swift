import Continuation
import Foundation
import LinearAlgebra
import MultiPrecision
import XCTest

/// A sweep whose test functions run on a second thread steps on speculatively, and goes back
/// where a point's test functions fail (`Sweep.run(from:concurrently:onPoint:)`): its result
/// must be the one-thread result exactly, whatever fails where.
final class ConcurrentSweepTests: XCTestCase {
    func testConcurrentSweepIsTheSequentialOne() throws {
        let cases: [(name: String, problem: SlowCubic, settings: ContinuationSettings)] = [
            ("no failure, through both folds", SlowCubic(), ContinuationSettings(ds: 0.05, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, direction: .decreasing)),
            ("a window where they fail", SlowCubic(fails: { 3.0 < $0 && $0 < 3.2 }), ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, direction: .decreasing)),
            ("scattered failures", SlowCubic(fails: { $0 > 1 && Int(($0 * 1000).rounded(.down)) % 23 == 0 }), ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, direction: .decreasing)),
            ("failing beyond the bound", SlowCubic(fails: { $0 < 5.52 }), ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.2, lambdaMin: 5.5, lambdaMax: 7, direction: .decreasing)),
            ("failing everywhere but the seed", SlowCubic(fails: { $0 != 6 }), ContinuationSettings(ds: 0.05, dsMin: 1e-3, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, direction: .decreasing)),
            ("stopped at the first fold", SlowCubic(fails: { $0 < 0 }), ContinuationSettings(ds: 0.05, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, maxFolds: 1, direction: .decreasing)),
            ("stopped by the step count", SlowCubic(fails: { 4.0 < $0 && $0 < 4.01 }), ContinuationSettings(ds: 0.05, dsMax: 0.2, maxSteps: 12, lambdaMin: -5, lambdaMax: 7, direction: .decreasing)),
        ]
        for (name, problem, settings) in cases {
            let engine = PseudoArclength(problem: problem)
            var seenAlone: [ContinuationPoint] = []
            var seenConcurrently: [ContinuationPoint] = []
            let alone = try engine.run(from: [2], parameter: 6, settings: settings) { seenAlone.append($0) }
            let concurrent = try engine.run(from: [2], parameter: 6, settings: settings, concurrently: true) {
                seenConcurrently.append($0)
            }
            XCTAssertEqual(alone.points, concurrent.points, name)
            XCTAssertEqual(alone.events, concurrent.events, name)
            XCTAssertEqual(alone.stopReason.description, concurrent.stopReason.description, name)
            XCTAssertEqual(alone.rejectedSteps, concurrent.rejectedSteps, name)
            XCTAssertEqual(Array(alone.points.dropFirst()), seenAlone, name)
            XCTAssertEqual(seenAlone, seenConcurrently, name)
            XCTAssertTrue(concurrent.points.allSatisfy { $0.testFunctionValues.count == 1 }, name)
        }
    }

    /// The cases above reach what they are meant to (checked on the one-thread result, against
    /// the curve lambda = x^3 - x).
    func testTheFailuresHappen() throws {
        let window = try PseudoArclength(problem: SlowCubic(fails: { 3.0 < $0 && $0 < 3.2 })).run(
            from: [2], parameter: 6,
            settings: ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, direction: .decreasing))
        guard case let .evaluationFailed(parameter, error) = window.stopReason, error is SingularPoint else {
            return XCTFail("stopped: \(window.stopReason)")
        }
        XCTAssertTrue(3.0 < parameter && parameter < 3.2)
        XCTAssertGreaterThan(window.points[window.points.count - 1].parameter, 3.2 - 1e-4)
        let scattered = try PseudoArclength(problem: SlowCubic(fails: { $0 > 1 && Int(($0 * 1000).rounded(.down)) % 23 == 0 })).run(
            from: [2], parameter: 6,
            settings: ContinuationSettings(ds: 0.05, dsMin: 1e-6, dsMax: 0.2, lambdaMin: -5, lambdaMax: 7, direction: .decreasing))
        XCTAssertGreaterThan(scattered.rejectedSteps, 3)
        guard case .parameterRangeLeft(bound: -5) = scattered.stopReason else { return XCTFail("stopped: \(scattered.stopReason)") }
        XCTAssertEqual(scattered.folds.count, 2)
    }
}

/// lambda = x^3 - x with the test function x - 1/4, slow (so that a concurrent sweep runs
/// ahead of it) and throwing where `fails(lambda)`.
struct SlowCubic: ContinuationProblem, Sendable {
    var fails: @Sendable (Double) -> Bool = { _ in false }

    var dimension: Int { 1 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        try Cubic().evaluate(x, parameter: parameter)
    }

    func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] {
        usleep(300)
        if fails(parameter.doubleValue) { throw SingularPoint(parameter: parameter.doubleValue) }
        return [x[0] - S(0.25)]
    }

    var testFunctionNames: [String] { ["x - 1/4"] }
}
