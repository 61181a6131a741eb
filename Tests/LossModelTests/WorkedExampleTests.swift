import LossModel
import MultiPrecision
import XCTest

/// The worked example of docs/design.md section 3: the one-flipped critical point at d = 10.
final class WorkedExampleTests: XCTestCase {
    static let values = [
        1.0043548232623239, -0.015811925805753115, 0.18236775578871976, 0.12604236084341795,
        -0.69903681749379454,
    ]

    func testLossAndGradientAtTheOneFlippedPoint() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d-1,1")))
        let evaluation = try loss.gradient(at: Self.values, d: 10.0)
        // The teacher constant is about 9.7, so Double cancellation costs about 1e-15.
        XCTAssertEqual(evaluation.value, 0.018702194585606973, accuracy: 1e-13)
        for g in evaluation.gradient { XCTAssertEqual(g, 0, accuracy: 1e-12) }
    }

    func testLossAt256BitsMatchesAllPrintedDigits() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d-1,1")))
        let x = Self.values.map { BigFloat($0, precision: 256) }
        let value = try loss.value(at: x, d: BigFloat(10, precision: 256))
        XCTAssertEqual(value.formatted(significantDigits: 16), "0.01870219458560697")
    }
}

extension WorkedExampleTests {
    /// Eigenvalues and multiplicities as printed in docs/design.md section 3, to their 10 digits.
    func testSpectrumMatchesTheDesignNotes() throws {
        let model = SpectrumModel(try Partition(parsing: "d-1,1"))
        let spectrum = try model.spectrum(at: Self.values, d: 10.0)
        let expected: [(Double, String, Double)] = [
            (0.0790933061, "trivial", 1), (0.2161655617, "trivial", 1), (1.4540878174, "trivial", 1),
            (2.6579457544, "trivial", 1), (3.0963561786, "trivial", 1),
            (0.0319640276, "standard of S_{d-1}", 8), (0.0851862571, "standard of S_{d-1}", 8),
            (0.2392150843, "standard of S_{d-1}", 8), (0.3637405953, "standard of S_{d-1}", 8),
            (2.6995430778, "standard of S_{d-1}", 8),
            (0.3801751454, "(d-3,2) of S_{d-1}", 27), (0.0628535926, "(d-3,1,1) of S_{d-1}", 28),
        ]
        XCTAssertEqual(spectrum.eigenvalues.count, expected.count)
        for (value, irrep, multiplicity) in expected {
            let match = spectrum.eigenvalues.first { $0.irrep == irrep && abs($0.value - value) < 1e-9 }
            XCTAssertNotNil(match, "\(value) of \(irrep) missing; got \(spectrum.eigenvalues.map { ($0.value, $0.irrep) })")
            XCTAssertEqual(match?.multiplicityValue, multiplicity)
        }
        XCTAssertEqual(spectrum.totalMultiplicity, 100)
        XCTAssertEqual(spectrum.index, 0)
    }
}
