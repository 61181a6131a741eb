import BruteForce
import Families
import LossModel
import MultiPrecision
import Report
import Spurious
import XCTest

/// The main job run in-process through the library, as a Swift script would: the catalog of
/// one fixed space finds the one-flipped family by itself and reports its transition. The
/// reference is independent of the job: the brute-force k d x k d Hessian at integer d on
/// either side (IntegerDimensionIndexTests' route) must show the saddle/minimum change, and the
/// digits must be those located from the seeded family of docs/design.md section 4.
final class CatalogJobTests: XCTestCase {
    func testCatalogFindsTheOneFlippedTransitionInProcess() async throws {
        let partition = try Partition(parsing: "d-1,1")
        let request = TransitionsRequest(
            families: .catalog(CatalogRequest(partitions: [partition], at: 10, starts: 60, rngSeed: 1)), maxD: 10.5, digits: 20)
        let result = try await TransitionsJob.run(request)
        XCTAssertEqual(result.catalog?.partitions, [partition])
        XCTAssertTrue(result.emptySpaces.isEmpty)
        let run = try XCTUnwrap(result.runs.first { $0.family.name == "d-1,1 one-flipped" }, "\(result.runs.map(\.family.name))")
        let transitions = run.located.filter { $0.kind == .transition }
        XCTAssertEqual(transitions.count, 1)
        let transition = try XCTUnwrap(transitions.first)
        XCTAssertTrue(transition.verified)
        XCTAssertEqual(transition.part, .standard(block: 0))
        XCTAssertEqual(transition.d.digits, 20)

        // Brute force either side: index d - 2 = 3 at d = 5 (saddle), 0 at d = 6 (minimum).
        let d = transition.d.approximate
        XCTAssertTrue(5 < d && d < 6, "\(d)")
        let model = SpectrumModel(partition)
        for (integer, expected) in [(5, 3), (6, 0)] {
            let nearest = try XCTUnwrap(run.trace.points.min { abs($0.d - Double(integer)) < abs($1.d - Double(integer)) })
            let point = try model.loss.criticalPoint(from: nearest.x, d: Double(integer))
            let network = FullSpaceNetwork(weights: try FixedSpaceLayout.parse("d-1,1", d: integer).weights(point.x))
            let negative = try network.spectrum().filter { $0.value < -1e-9 }.reduce(0) { $0 + $1.multiplicity }
            XCTAssertEqual(negative, expected, "d = \(integer)")
        }

        // The seeded family of docs/design.md section 4, located on its own, gives the same digits.
        let seeded = try XCTUnwrap(try Family.builtIn().first { $0.name == "d-1,1 one-flipped" })
        let alone = try FollowJob.run(FollowRequest(family: seeded, to: 5, digits: 20))
        XCTAssertEqual(alone.located.first { $0.kind == .transition }?.d.decimal, transition.d.decimal)

        // And the report, in-process, carries them as strings.
        let json = TransitionsReport(result).json().rendered()
        XCTAssertTrue(json.contains("\"d\": \"\(try XCTUnwrap(transition.d.decimal))\""), json)
    }
}
