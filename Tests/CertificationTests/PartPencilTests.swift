import Families
import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// The part pencils (exact 0/+-1 congruences of refined reduced Hessians) hold exactly the
/// eigenvalues of their part and of the coarser parts they list, each once: checked against the
/// uncertified spectrum, computed on floating-point orthonormal complements (an independent
/// route), at points of the families where several parts have negative eigenvalues. The
/// inertia identities of the certificates (negative counts of a part = count in its pencil
/// minus the counts of the coarser parts) follow.
final class PartPencilTests: XCTestCase {
    func testPencilsOfDMinusOneOneListTheCoarserPartsOfTheTheory() throws {
        let model = SpectrumModel(try Partition(parsing: "d-1,1"))
        let names = model.partNames
        let coarser = Dictionary(uniqueKeysWithValues: model.partPencils.map { (names[$0.part], $0.coarserParts.map { names[$0] }) })
        XCTAssertEqual(coarser["trivial"], [])
        XCTAssertEqual(coarser["standard of S_{d-1}"], ["trivial"])
        XCTAssertEqual(coarser["(d-3,2) of S_{d-1}"], ["trivial", "standard of S_{d-1}"], "even: one copy of the (n-1,1) space")
        XCTAssertEqual(coarser["(d-3,1,1) of S_{d-1}"], ["standard of S_{d-1}"], "odd: that copy minus the base")
        let product = SpectrumModel(try Partition(parsing: "d-2,2"))
        let pair = try XCTUnwrap(product.partPencils.first { product.partNames[$0.part].contains(" x ") })
        XCTAssertEqual(pair.coarserParts.map { product.partNames[$0] }, ["trivial", "standard of S_{d-2}", "standard of S_{2}"])
    }

    func testPencilEigenvaluesAreThoseOfTheirPartsAndNegativeCountsSubtract() throws {
        let p = 160
        let cases: [(Family, [Double])] = [
            (try TestFamilies.builtIn("d-1,1 one-flipped"), [5.2, 5.8, 9]),
            (try TestFamilies.builtIn("d-2,2 two-flipped"), [5.003, 6.5, 8]),
            (try TestFamilies.dMinusOneFlipped(), [6.6, 6.9]),
        ]
        var negativeParts = Set<String>()
        for (family, ds) in cases {
            let trace = try family.follow(FollowSettings(lower: nil, upper: 9.5))
            let model = SpectrumModel(family.partition)
            for target in ds {
                let nearest = try XCTUnwrap(trace.points.min { abs($0.d - target) < abs($1.d - target) })
                let d = BigFloat(nearest.d, precision: p)
                let x = try model.loss.criticalPoint(from: nearest.x.map { BigFloat($0, precision: p) }, d: d).x
                let spectrum = try model.spectrum(at: x, d: d)
                func values(_ part: Int) -> [BigFloat] { spectrum.eigenvalues.filter { $0.irrep == model.partNames[part] }.map(\.value) }
                func negatives(_ values: [BigFloat]) -> Int { values.filter { $0.signum < 0 }.count }
                for pencil in model.partPencils {
                    let name = model.partNames[pencil.part]
                    let expectedCount = ([pencil.part] + pencil.coarserParts).map(model.eigenvalueCount(ofPart:)).reduce(0, +)
                    XCTAssertEqual(pencil.columns.count, expectedCount, "\(name): pencil dimension")
                    let h = try model.refinedHessian(pencil.refined, at: x, d: d)
                    let (restricted, metric) = pencil.restrict(hessian: h, d: d)
                    let found = try pencilEigendecomposition(h: restricted, metric: metric).values
                    let expected = ([pencil.part] + pencil.coarserParts).flatMap(values).sorted()
                    XCTAssertEqual(found.count, expected.count, "\(name) at d = \(nearest.d)")
                    for (a, b) in zip(found, expected) {
                        XCTAssertLessThan((a - b).magnitude, try BigFloat(parsing: "1e-30", precision: p), "\(name) at d = \(nearest.d): \(a) vs \(b)")
                    }
                    // Sylvester: the part's negative count is the pencil's minus the coarser parts'.
                    let identity = negatives(found) - pencil.coarserParts.map { negatives(values($0)) }.reduce(0, +)
                    XCTAssertEqual(identity, negatives(values(pencil.part)), "\(name) at d = \(nearest.d)")
                    if negatives(values(pencil.part)) > 0 { negativeParts.insert(name) }
                }
            }
        }
        // The points exercise negative eigenvalues in parts of every kind.
        XCTAssertTrue(negativeParts.contains("standard of S_{d-1}"), "\(negativeParts)")
        XCTAssertTrue(negativeParts.contains("standard of S_{d-2} x standard of S_{2}"), "\(negativeParts)")
        XCTAssertTrue(negativeParts.contains("(d-3,1,1) of S_{d-1}"), "\(negativeParts)")
    }
}
