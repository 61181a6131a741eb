import Bifurcations
import Families
import LossModel
import MultiPrecision
import Spurious
import XCTest

/// Near the one-flipped family's transition, the points Newton's method finds on the d-2,1,1
/// branch agree with the normal form's prediction d - d* = -q t / a to first order: the
/// relative error of the prediction halves when t does (it is proportional to |d - d*|).
final class NormalFormAmplitudeTests: XCTestCase {
    func testPredictionIsFirstOrderOnTheOneFlippedBranch() throws {
        let family = try XCTUnwrap(try Family.builtIn().first)
        let run = try FollowJob.run(FollowRequest(family: family, to: 5, digits: 20))
        let event = try XCTUnwrap(run.located.first { $0.kind == .transition })
        let subgroup = try XCTUnwrap(AxialSubgroup.candidates(of: event.part, in: event.partition, maxSplit: 1).first)
        XCTAssertEqual(subgroup.fine.description, "d-2,1,1")
        let x = event.location.x, d = event.location.parameter
        let kernel = try BranchKernel(
            system: ReducedGradient(ReducedLoss(FixedSpace(subgroup.fine))), point: subgroup.embedding.map { x[$0] }, d: d,
            embedding: subgroup.embedding, tolerance: BigFloat(1e-10, precision: d.precision), space: "d-2,1,1")
        let equation = try BifurcationEquation(kernel)
        func relativeError(_ t: Double) throws -> Double {
            let point = try BranchSwitch.point(
                on: kernel, equation: equation, pitchfork: false, amplitude: BigFloat(t, precision: d.precision))
            let shift = (point.d - d).doubleValue, predicted = (point.predictedD - d).doubleValue
            return abs(predicted - shift) / abs(shift)
        }
        let coarse = try relativeError(0.004), fine = try relativeError(0.002)
        XCTAssertLessThan(coarse, 0.02)
        XCTAssertEqual(coarse / fine, 2, accuracy: 0.2)
    }
}
