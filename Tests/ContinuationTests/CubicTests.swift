import Continuation
import MultiPrecision
import XCTest

final class CubicTests: XCTestCase {
    private let engine = PseudoArclength(problem: Cubic())

    /// From x = -2 (lambda = -6) up to lambda = 6, where x = 2: through both folds.
    private func sweep() throws -> ContinuationResult {
        let settings = ContinuationSettings(ds: 0.05, dsMax: 0.2, lambdaMin: -7, lambdaMax: 6)
        return try engine.run(from: [-2.01], parameter: -6, settings: settings)
    }

    func testSweepPassesBothFoldsAndLandsOnTheBound() throws {
        let result = try sweep()
        guard case let .parameterRangeLeft(bound) = result.stopReason else {
            return XCTFail("stopped: \(result.stopReason)")
        }
        XCTAssertEqual(bound, 6)
        try assertOnCurve(result, of: Cubic())
        let last = result.points[result.points.count - 1]
        XCTAssertEqual(last.parameter, 6)
        XCTAssertEqual(last.x[0], 2, accuracy: 1e-12)
        XCTAssertEqual(result.folds.count, 2)
        // x increases all along: the curve is followed through the folds, not jumped across.
        for (a, b) in zip(result.points, result.points.dropFirst()) { XCTAssertLessThan(a.x[0], b.x[0]) }
        XCTAssertEqual(result.events.filter { $0.kind == .testFunction(index: 0) }.count, 1)
    }

    /// Natural continuation in lambda from the same seed stops at the first fold.
    func testNaturalContinuationStopsAtTheFirstFold() {
        let fold = 2 / (3 * 3.0.squareRoot())
        let reached = naturalContinuation(Cubic(), from: -2, parameter: -6, step: 0.01, steps: 1200)
        XCTAssertLessThanOrEqual(reached, fold)
    }

    func testFoldsLocatedTo100DigitsAgainstClosedForm() throws {
        let result = try sweep()
        let precision = 400
        let root3 = try BigFloat.sqrt(BigFloat(3, precision: precision))
        let foldX = 1 / root3
        let foldParameter = 2 / (3 * root3)
        let tolerance = try powerOfTen(-100, precision: precision)
        for (fold, sign) in zip(result.folds, [-1, 1]) {
            let located: LocatedEvent<BigFloat> = try engine.locate(
                event: fold, in: result, precision: precision, digits: 100)
            let expectedX = BigFloat(sign) * foldX
            let expectedParameter = -BigFloat(sign) * foldParameter
            XCTAssertLessThan((located.x[0] - expectedX).magnitude, tolerance, "\(located.x[0])")
            XCTAssertLessThan(
                (located.parameter - expectedParameter).magnitude, tolerance * foldParameter, "\(located.parameter)")
            XCTAssertNotEqual(located.lowerEnd.value.signum, located.upperEnd.value.signum)
        }
    }

    /// The zero of x - 1/4 is at x = 1/4, lambda = 1/64 - 1/4 = -0.234375 (both exact).
    func testUserEventLocatedTo60Digits() throws {
        let result = try sweep()
        let event = try XCTUnwrap(result.events.first { $0.kind == .testFunction(index: 0) })
        XCTAssertEqual(event.name, "x - 1/4")
        let located: LocatedEvent<BigFloat> = try engine.locate(event: event, in: result, precision: 256, digits: 60)
        let tolerance = try powerOfTen(-60, precision: 256)
        XCTAssertLessThan((located.x[0] - BigFloat(0.25)).magnitude, tolerance)
        XCTAssertLessThan((located.parameter - BigFloat(-0.234375)).magnitude, tolerance)
        XCTAssertLessThan(located.value.magnitude, tolerance)
    }

    /// The same generic location runs in `Double`, to the digits a `Double` can carry.
    func testFoldLocatedInDouble() throws {
        let result = try sweep()
        let located: LocatedEvent<Double> = try engine.locate(event: result.folds[0], in: result, precision: 53, digits: 7)
        XCTAssertEqual(located.parameter, 2 / (3 * 3.0.squareRoot()), accuracy: 1e-8)
        XCTAssertEqual(located.x[0], -1 / 3.0.squareRoot(), accuracy: 1e-7)
    }

    func testLocationRefusesTooFewBits() throws {
        let result = try sweep()
        XCTAssertThrowsError(
            try engine.locate(event: result.folds[0], in: result, precision: 100, digits: 50) as LocatedEvent<BigFloat>
        ) { error in
            guard case LocationError.precisionTooLow = error else { return XCTFail("\(error)") }
        }
    }

    /// A test function that dips to 1e-4 without changing sign is flagged as a touch and is not
    /// located.
    func testTouchIsFlaggedNotLocated() throws {
        let engine = PseudoArclength(problem: TouchingCubic())
        let settings = ContinuationSettings(ds: 0.05, dsMax: 0.2, lambdaMin: -7, lambdaMax: 6, touchThreshold: 0.05)
        let result = try engine.run(from: [-2], parameter: -6, settings: settings)
        let touches = result.events.filter { !$0.isLocatable }
        XCTAssertEqual(touches.count, 1)
        let touch = try XCTUnwrap(touches.first)
        XCTAssertEqual(touch.kind, .touch(index: 0))
        XCTAssertEqual(result.points[touch.bracket.lowerBound + 1].x[0], 0.3, accuracy: 0.2)
        XCTAssertFalse(result.events.contains { $0.kind == .testFunction(index: 0) })
        XCTAssertThrowsError(try engine.locate(event: touch, in: result, precision: 128, digits: 10) as LocatedEvent<BigFloat>)
    }
}
