import BruteForce
import Families
import LossModel
import XCTest

/// Along the one-flipped family, the index at integer d = 5 and 6 (either side of the
/// transition) from the reduced spectrum equals the count of negative eigenvalues of the full
/// k d x k d Hessian of the brute-force model.
final class IntegerDimensionIndexTests: XCTestCase {
    func testIndexAtFiveAndSixAgreesWithBruteForce() throws {
        let family = try XCTUnwrap(try Family.builtIn().first { $0.name == "d-1,1 one-flipped" })
        let trace = try family.follow(FollowSettings(lower: 4.8, upper: nil))
        let model = SpectrumModel(family.partition)
        var indices: [Int: Double] = [:]
        for d in [5, 6] {
            let nearest = try XCTUnwrap(trace.points.min { abs($0.d - Double(d)) < abs($1.d - Double(d)) })
            let point = try model.loss.criticalPoint(from: nearest.x, d: Double(d))
            let reduced = try model.spectrum(at: point.x, d: Double(d)).index
            let layout = try FixedSpaceLayout.parse("d-1,1", d: d)
            let network = FullSpaceNetwork(weights: try layout.weights(point.x))
            let negative = try network.spectrum().filter { $0.value < -1e-9 }.reduce(0) { $0 + $1.multiplicity }
            XCTAssertEqual(reduced, Double(negative), "d = \(d)")
            indices[d] = reduced
        }
        XCTAssertGreaterThan(indices[5] ?? 0, 0, "a saddle at d = 5")
        XCTAssertEqual(indices[6], 0, "a spurious minimum at d = 6")
    }
}
