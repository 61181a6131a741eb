import Continuation
import Families
import LossModel
import MultiPrecision
import XCTest

/// A family with a fold: d-3,3,1r three-flipped (found by the atlas at d = 12), followed down
/// from d = 9, turns back at d = 8.0803 towards larger d. At the fold the reduced Hessian is
/// singular, so a trivial-part eigenvalue changes sign in the fold's step: that is the fold
/// itself (docs/design.md section 4), reported once, as the fold. (It used to be located as a
/// transition as well, whose check one unit either side of d ran Newton at a d beyond the
/// fold, where there is no critical point, and the whole follow failed.)
final class FoldFamilyTests: XCTestCase {
    func testTheTrivialCrossingAtAFoldIsTheFold() throws {
        let seed = [
            "0.94842298236905", "-0.07953937099602", "0.21935881796710", "0.06311872127840", "-0.61479254083174",
            "0.20315178814210", "0.25742248238465", "-0.15006975705394",
        ]
        let family = Family(
            name: "d-3,3,1r three-flipped", partition: try Partition(parsing: "d-3,3,1r"), seed: try seed.map(DecimalLiteral.init),
            seedD: try DecimalLiteral("9"))
        let trace = try family.follow(FollowSettings(lower: nil, upper: 9.2))
        let folds = trace.events.filter { $0.event.kind == .fold }
        XCTAssertEqual(folds.count, 1)
        let trivial = trace.problem.testFunctionParts.indices.filter { trace.problem.testFunctionParts[$0].part == .trivial }
        XCTAssertFalse(trace.events.contains { event in trivial.contains { event.event.kind == .testFunction(index: $0) } })

        let fold = try trace.locate(try XCTUnwrap(folds.first), digits: 12)
        XCTAssertEqual(fold.kind, .fold)
        XCTAssertEqual(fold.foldSide, .largerD)
        // The fold is where the traced curve reaches its smallest d: the sweep's own points,
        // an independent route, bound it from above to within their spacing there.
        let lowest = try XCTUnwrap(trace.points.map(\.d).min())
        XCTAssertLessThanOrEqual(fold.approximateD, lowest)
        XCTAssertEqual(fold.approximateD, lowest, accuracy: 1e-4)
        XCTAssertEqual(fold.approximateD, 8.0803, accuracy: 1e-4)
    }
}
