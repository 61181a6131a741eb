import Continuation
import MultiPrecision
import XCTest

final class CircleTests: XCTestCase {
    private let engine = PseudoArclength(problem: Circle())

    /// All the way round from (1, 0): up through the fold at lambda = 1, down through the one
    /// at lambda = -1, back past the start, and the third fold is the first one again.
    private func sweepRound() throws -> ContinuationResult {
        let settings = ContinuationSettings(ds: 0.1, dsMax: 0.2, maxSteps: 400, lambdaMin: -2, lambdaMax: 2, maxFolds: 3)
        return try engine.run(from: [1.05], parameter: 0, settings: settings)
    }

    func testSweepGoesRoundAndCloses() throws {
        let result = try sweepRound()
        guard case .maxFolds = result.stopReason else { return XCTFail("stopped: \(result.stopReason)") }
        try assertOnCurve(result, of: Circle())
        XCTAssertEqual(result.points[0].x, [1])
        let folds = result.folds
        XCTAssertEqual(folds.count, 3)
        let foldParameters = folds.map { result.points[$0.bracket.lowerBound].parameter.rounded() }
        XCTAssertEqual(foldParameters, [1, -1, 1])
        // After the second fold the curve comes back through the seed (1, 0)...
        let afterSecond = result.points[folds[1].bracket.upperBound...]
        let nearest = afterSecond.map { (($0.x[0] - 1) * ($0.x[0] - 1) + $0.parameter * $0.parameter).squareRoot() }.min()
        XCTAssertLessThan(nearest ?? 1, 0.2)
        // ...having gone once round: 2 pi to the seed, a quarter more to the third fold.
        let last = result.points[result.points.count - 1]
        XCTAssertEqual(last.arclength, 2.5 * Double.pi, accuracy: 0.25)
    }

    func testFoldsLocatedTo50DigitsAt200Bits() throws {
        let result = try sweepRound()
        let tolerance = try powerOfTen(-50, precision: 200)
        for (fold, expected) in zip(result.folds.prefix(2), [1, -1]) {
            let located: LocatedEvent<BigFloat> = try engine.locate(event: fold, in: result, precision: 200, digits: 50)
            XCTAssertEqual(located.precision, 200)
            XCTAssertLessThan((located.parameter - BigFloat(expected)).magnitude, tolerance, "\(located.parameter)")
            XCTAssertLessThan(located.x[0].magnitude, tolerance, "\(located.x[0])")
            XCTAssertNotEqual(located.lowerEnd.value.signum, located.upperEnd.value.signum)
            XCTAssertGreaterThan(located.fineIterations, 0)
        }
    }

    func testFoldLocatedTo1000DigitsAt3400Bits() throws {
        let result = try sweepRound()
        let located: LocatedEvent<BigFloat> = try engine.locate(
            event: result.folds[0], in: result, precision: 3400, digits: 1000)
        let tolerance = try powerOfTen(-1000, precision: 3400)
        XCTAssertEqual(located.parameter.precision, 3400)
        XCTAssertLessThan((located.parameter - 1).magnitude, tolerance)
        XCTAssertLessThan(located.x[0].magnitude, tolerance)
    }

    /// Natural continuation in lambda cannot go past lambda = 1, where the curve turns back.
    func testNaturalContinuationStopsAtTheFold() {
        let reached = naturalContinuation(Circle(), from: 1, parameter: 0, step: 0.05, steps: 40)
        XCTAssertLessThanOrEqual(reached, 1)
    }

    func testMaxStepsStopsTheSweep() throws {
        let settings = ContinuationSettings(ds: 0.1, maxSteps: 5, lambdaMin: -2, lambdaMax: 2)
        let result = try engine.run(from: [1], parameter: 0, settings: settings)
        guard case .maxSteps = result.stopReason else { return XCTFail("stopped: \(result.stopReason)") }
        XCTAssertEqual(result.points.map(\.step), Array(0...5))
    }

    /// A first step far too long for the circle is rejected and halved until the corrector
    /// stays near its prediction.
    func testTooLongStepIsHalved() throws {
        let settings = ContinuationSettings(ds: 1.6, dsMax: 2, maxSteps: 3, lambdaMin: -2, lambdaMax: 2)
        let result = try engine.run(from: [1], parameter: 0, settings: settings)
        XCTAssertGreaterThan(result.rejectedSteps, 0)
        XCTAssertLessThan(result.points[1].stepSize, 1.6)
        try assertOnCurve(result, of: Circle())
    }
}
