import Certification
import LossModel
import MultiPrecision
import XCTest

/// `spectrum --certify`: the enclosures must hold the uncertified values (Newton and the
/// Jacobi spectrum on floating-point complements, at a higher precision) and the worked example
/// of docs/design.md section 3, and the index must be certified where every sign is decided.
final class PointCertifierTests: XCTestCase {
    static let oneFlippedSeed = ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"].compactMap { try? DecimalLiteral($0) }

    func testWorkedExampleAtTen() throws {
        let partition = try Partition(parsing: "d-1,1")
        let certificate = try PointCertifier.certify(model: SpectrumModel(partition), seed: Self.oneFlippedSeed, d: try DecimalLiteral("10"), digits: 20)
        XCTAssertEqual(certificate.index, 0, "a spurious minimum")
        XCTAssertTrue(certificate.failedAttempts.isEmpty)

        // docs/design.md section 3, checked there against a brute-force k d x k d Hessian.
        let design: [String: [String]] = [
            "trivial": ["0.0790933061", "0.2161655617", "1.4540878174", "2.6579457544", "3.0963561786"],
            "standard of S_{d-1}": ["0.0319640276", "0.0851862571", "0.2392150843", "0.3637405953", "2.6995430778"],
            "(d-3,2) of S_{d-1}": ["0.3801751454"],
            "(d-3,1,1) of S_{d-1}": ["0.0628535926"],
        ]
        for part in certificate.parts {
            let expected = try XCTUnwrap(design[part.name], part.name)
            XCTAssertEqual(part.clusters.map(\.count), Array(repeating: 1, count: expected.count), part.name)
            for (cluster, text) in zip(part.clusters, expected) {
                // docs/design.md section 3 rounds to ten decimal places: compare at as many significant digits.
                let significant = text.filter(\.isNumber).drop { $0 == "0" }.count
                XCTAssertEqual(cluster.enclosure.provedDigits(upTo: significant), text, part.name)
            }
        }
        XCTAssertEqual(certificate.loss.provedDigits(upTo: 10), "0.01870219459", "docs/design.md section 4: loss 0.0187021946")

        // The uncertified route at twice the precision lands inside every enclosure.
        let model = SpectrumModel(partition)
        let bits = 2 * certificate.precision
        let d = BigFloat(10, precision: bits)
        let point = try model.loss.criticalPoint(from: Self.oneFlippedSeed.map { $0.value(precision: bits) }, d: d)
        for (enclosure, value) in zip(certificate.coordinates, point.x) { XCTAssertTrue(enclosure.contains(value), "\(value) in \(enclosure)") }
        XCTAssertTrue(certificate.loss.contains(point.loss))
        let spectrum = try model.spectrum(at: point.x, d: d)
        for part in certificate.parts {
            let values = spectrum.eigenvalues.filter { $0.part == part.part }.map(\.value)
            for value in values {
                XCTAssertEqual(part.clusters.filter { $0.enclosure.contains(value) }.count, 1, "\(part.name): \(value)")
            }
        }
    }

    func testIndexAtFractionalDimensionMatchesTheUncertifiedSpectrum() throws {
        let partition = try Partition(parsing: "d-1,1")
        let seed = try ["0.97", "-0.06", "0.34", "0.25", "-0.58"].map(DecimalLiteral.init)
        let certificate = try PointCertifier.certify(model: SpectrumModel(partition), seed: seed, d: try DecimalLiteral("5.5"), digits: 15)
        let model = SpectrumModel(partition)
        let d = BigFloat(5.5, precision: 256)
        let point = try model.loss.criticalPoint(from: seed.map { $0.value(precision: 256) }, d: d)
        let index = try model.spectrum(at: point.x, d: d).index
        XCTAssertEqual(certificate.index, index)
        XCTAssertEqual(certificate.index, 3.5, "d - 2 negative eigenvalues of the standard part")
    }

    /// The global minimum W = I has rows parallel to teacher columns, a regular point with the
    /// limits of docs/design.md section 1: it is certified, with index 0 and the smallest eigenvalue
    /// 1/4 - 1/(2 pi) = 0.0908450569081... (published minima data, k = d = 6..100).
    func testGlobalMinimumIsCertified() throws {
        let certificate = try PointCertifier.certify(
            model: SpectrumModel(try Partition(parsing: "d")), seed: try ["1", "0"].map(DecimalLiteral.init), d: try DecimalLiteral("5"), digits: 10)
        XCTAssertEqual(certificate.index, 0)
        XCTAssertTrue(certificate.loss.contains(BigFloat(0, precision: certificate.precision)), "\(certificate.loss)")
        let bits = 2 * certificate.precision
        let quarterMinus = BigFloat(1, precision: bits) / BigFloat(4) - BigFloat(1, precision: bits) / (BigFloat(2) * BigFloat.pi(precision: bits))
        let smallest = try XCTUnwrap(certificate.parts.flatMap(\.clusters).min { $0.enclosure.lower < $1.enclosure.lower })
        XCTAssertTrue(smallest.enclosure.contains(quarterMinus), "\(smallest.enclosure)")
        XCTAssertEqual(smallest.enclosure.provedDigits(upTo: 10), "0.09084505691")
    }
}
