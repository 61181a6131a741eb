import Certification
import LinearAlgebra
import MultiPrecision
import XCTest

/// Eigenvalue enclosures of symmetric interval pencils, against matrices whose eigenvalues are
/// known in closed form.
final class PencilEnclosureTests: XCTestCase {
    /// R diag(values) R^T with R a rotation by `angle`, as a matrix of point intervals at
    /// `precision`, widened by `radius` on every entry.
    func rotated(_ values: [String], angle: Double, radius: String, precision: Int) throws -> Matrix<Interval> {
        let v = try values.map { try BigFloat(parsing: $0, precision: precision) }
        let c = BigFloat.cos(BigFloat(angle, precision: precision))
        let s = BigFloat.sin(BigFloat(angle, precision: precision))
        let entries = [c * c * v[0] + s * s * v[1], c * s * (v[0] - v[1]), s * s * v[0] + c * c * v[1]]
        let r = try BigFloat(parsing: radius, precision: precision)
        let widened = entries.map { Interval(lower: $0 - r, upper: $0 + r) }
        return Matrix([[widened[0], widened[1]], [widened[1], widened[2]]])
    }

    func testClustersEncloseTheEigenvaluesWithTheMetric() throws {
        let p = 200
        let h = try rotated(["-0.5", "2"], angle: 0.3, radius: "1e-40", precision: p)
        // Metric diag(4, 4): the pencil eigenvalues are a quarter of H's.
        let metric = [Interval(4), Interval(4)]
        let clusters = try PencilEnclosure.clusters(hessian: h, metric: metric, precision: p)
        XCTAssertEqual(clusters.map(\.count), [1, 1])
        XCTAssertTrue(clusters[0].enclosure.contains(try BigFloat(parsing: "-0.125", precision: p)))
        XCTAssertTrue(clusters[1].enclosure.contains(try BigFloat(parsing: "0.5", precision: p)))
        XCTAssertEqual(clusters.map(\.sign), [-1, 1])
        XCTAssertLessThan(clusters[0].enclosure.width, try BigFloat(parsing: "1e-38", precision: p))
    }

    /// Two eigenvalues -1e-20 and 1e-20: entries known to 1e-25 separate them and prove their
    /// signs; entries known to 1e-15 do not, and the enclosure then holds both and claims no sign.
    func testNearDoubleEigenvaluesAroundZeroClaimNoSign() throws {
        let p = 200
        let sharp = try PencilEnclosure.clusters(
            hessian: try rotated(["-1e-20", "1e-20"], angle: 0.7, radius: "1e-25", precision: p), metric: [Interval(1), Interval(1)], precision: p)
        XCTAssertEqual(sharp.map(\.sign), [-1, 1])
        let blurred = try PencilEnclosure.clusters(
            hessian: try rotated(["-1e-20", "1e-20"], angle: 0.7, radius: "1e-15", precision: p), metric: [Interval(1), Interval(1)], precision: p)
        XCTAssertEqual(blurred.count, 1)
        XCTAssertEqual(blurred.first?.count, 2)
        XCTAssertNil(blurred.first?.sign)
    }

    func testANonPositiveMetricIsRefused() throws {
        let h = try rotated(["1", "2"], angle: 0.1, radius: "0", precision: 100)
        XCTAssertThrowsError(try PencilEnclosure.clusters(
            hessian: h, metric: [Interval(1), Interval(lower: BigFloat(-1), upper: BigFloat(1))], precision: 100)
        ) { error in
            XCTAssertEqual((error as? CertificationFailure)?.step, .enclosure)
        }
    }
}
