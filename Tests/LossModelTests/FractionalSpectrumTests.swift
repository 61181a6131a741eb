import LossModel
import XCTest

/// At fractional d the multiplicities are polynomials in d; they still add up to k d, and the
/// eigenvalues move continuously between the integer values.
final class FractionalSpectrumTests: XCTestCase {
    func testMultiplicitiesAddUpToKTimesD() throws {
        var points = TestPoints(seed: 5)
        for text in ["d-1,1", "d-2,2", "d-1,1,1r", "d-3,3"] {
            let partition = try Partition(parsing: text)
            let model = SpectrumModel(partition)
            let x = points.point(names: model.loss.space.names)
            for d in [7.25, 8.5, 11.75] {
                let spectrum = try model.spectrum(at: x, d: d)
                XCTAssertTrue(spectrum.isComplete)
                XCTAssertEqual(spectrum.totalMultiplicity, partition.k.value(at: d) * d, accuracy: 1e-9, "\(text) d=\(d)")
            }
        }
    }

    func testPartsBelowTheirRangeAreAbsentOrUndefined() throws {
        let model = SpectrumModel(try Partition(parsing: "d-1,1"))
        // d = 4.5: (d-1)(d-4)/2 > 0 and (d-2)(d-3)/2 > 0, refined block d-3 = 1.5.
        let spectrum = try model.spectrum(at: WorkedExampleTests.values, d: 4.5)
        XCTAssertTrue(spectrum.isComplete)
        // d = 3.5: (d-3,2) has multiplicity (2.5)(-0.5)/2 < 0: absent; (d-3,1,1) needs a block
        // of size 0.5: undefined.
        let low = try model.spectrum(at: WorkedExampleTests.values, d: 3.5)
        XCTAssertEqual(low.parts.first { $0.irrep == "(d-3,2) of S_{d-1}" }?.state, .absent)
        guard case .undefined? = low.parts.first(where: { $0.irrep == "(d-3,1,1) of S_{d-1}" })?.state else {
            return XCTFail("expected undefined")
        }
        XCTAssertFalse(low.isComplete)
    }
}
