import Families
import LossModel
import MultiPrecision
import XCTest

@testable import Spurious

/// The `transitions` report's branches column proves its coefficients to
/// ``BranchesJob/predictionDigits`` however many digits the transition has, from the point
/// rounded to the precisions those digits need. Against the analysis of the same transition at
/// its own 45 digits: the same type and side, and coefficients that agree to their proved digits.
final class TransitionBranchPredictionTests: XCTestCase {
    func testThePredictionAtThirtyDigitsIsTheFullAnalysisRounded() async throws {
        let family = try XCTUnwrap(try Family.builtIn().first { $0.name == "d-1,1 one-flipped" })
        let run = try FollowJob.run(FollowRequest(family: family, to: 5, digits: 45))
        let event = try XCTUnwrap(run.located.first { $0.kind == .transition })
        XCTAssertEqual(event.digits, 45)
        let all = await BranchesJob.predictions(at: [event], digits: BranchesJob.predictionDigits, jobs: 2)
        let predictions = try XCTUnwrap(all.first)
        XCTAssertEqual(predictions.map(\.subgroup.fine.description), ["d-2,1,1", "d-3,2,1"])
        for prediction in predictions {
            let full = try TransitionAnalysis.analyse(prediction.subgroup, at: event, digits: 45).get()
            XCTAssertEqual(prediction.type, full.type)
            XCTAssertEqual(prediction.type, .transcritical)
            XCTAssertEqual(prediction.side, full.side)
            let coefficients = try XCTUnwrap(prediction.coefficients)
            for (short, long) in [
                (coefficients.slope, full.coefficients.slope), (coefficients.quadratic, full.coefficients.quadratic),
                (coefficients.cubic, full.coefficients.cubic),
            ] {
                XCTAssertGreaterThanOrEqual(short.digits, 25, "\(short.decimal ?? "-")")
                XCTAssertGreaterThan(long.digits, short.digits)
                // The 30-digit value is the 45-digit one to its last proved digit.
                let gap = (short.value - long.value).magnitude.doubleValue / long.value.magnitude.doubleValue
                XCTAssertLessThan(gap, 1e-24, "\(short.decimal ?? "-") vs \(long.decimal ?? "-")")
            }
        }
        // The pieces run at the precisions of a 30-digit location, not of 45 digits.
        let points = try TransitionAnalysis.precisions(of: event, digits: BranchesJob.predictionDigits)
        XCTAssertEqual(points.map(\.d.precision), [PrecisionPolicy.location(digits: 30), 2 * PrecisionPolicy.location(digits: 30)])
        XCTAssertEqual(try TransitionAnalysis.precisions(of: event, digits: 45).map(\.d.precision), [event.location.parameter.precision / 2, event.location.parameter.precision])
    }
}
