import BruteForce
import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// At points with parallel or anti-parallel pairs the reduced spectrum (limits in the reduced
/// kernel) against the brute-force k d x k d Hessian (limits written independently in the full
/// space), eigenvalue by eigenvalue with multiplicities; and the global minimum's smallest
/// eigenvalue against its published value.
final class ParallelSpectrumCrossCheckTests: XCTestCase {
    /// The reduced spectrum expanded by multiplicity equals the brute-force eigenvalues.
    func assertSpectraAgree(_ text: String, _ x: [Double], d: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let model = SpectrumModel(try Partition(parsing: text))
        let spectrum = try model.spectrum(at: x, d: Double(d))
        let (layout, network) = try bruteForce(text, d: d, x)
        XCTAssertTrue(spectrum.isComplete, "\(text) d=\(d) \(what)", file: file, line: line)
        XCTAssertEqual(spectrum.totalMultiplicity, Double(layout.rows * d), "\(text) d=\(d) \(what)", file: file, line: line)
        let reduced = spectrum.eigenvalues.flatMap { Array(repeating: $0.value, count: Int($0.multiplicityValue)) }.sorted()
        let full = try network.spectrum().flatMap { Array(repeating: $0.value, count: $0.multiplicity) }.sorted()
        XCTAssertEqual(reduced.count, full.count, "\(text) d=\(d) \(what)", file: file, line: line)
        for (a, b) in zip(reduced, full) {
            XCTAssertEqual(a, b, accuracy: 1e-9, "\(text) d=\(d) \(what)", file: file, line: line)
        }
    }

    /// W = V: every row parallel to its teacher column (partition d, D0 = 1, O0 = 0).
    func testGlobalMinimumAgreesWithBruteForce() throws {
        for d in 3...9 { try assertSpectraAgree("d", [1, 0], d: d, "W = V") }
        try assertSpectraAgree("d-1,1", [1, 0, 0, 0, 1], d: 6, "W = V in d-1,1")
        try assertSpectraAgree("d-1,1,1r", [1, 0, 0, 0, 1, 0, 1], d: 5, "W = V and an extra row equal to the last")
    }

    func testParallelAndAntiParallelPairsAgreeWithBruteForce() throws {
        let cases: [(String, [Double], [Int], String)] = [
            ("d", [0.4, 0.4], [4, 6], "all rows of block 0 equal"),
            ("d,2r", [0.9, 0.1, 0.3], [4, 6], "the two extra rows equal"),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.3, 0.5], [5, 7], "rows of blocks 1 and 2 equal"),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.6, 1.0], [6], "row of block 2 twice that of block 1"),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, -0.3, -0.5], [5, 7], "rows of blocks 1 and 2 opposite"),
            ("d-1,1", [0.9, 0.1, 0.2, 0, -0.7], [6, 7], "row of block 1 anti-parallel to its teacher column"),
            ("d-1,1", [0.9, 0.1, 0.2, 0, 0.7], [6], "row of block 1 parallel to its teacher column"),
            ("d-2,2", [0.9, 0.1, 0.2, 0.3, 0.5, 0.5], [6], "the two rows of block 1 equal"),
        ]
        for (text, x, dimensions, what) in cases {
            for d in dimensions { try assertSpectraAgree(text, x, d: d, what) }
        }
    }

    /// At W = V (partition d, k = d) the smallest eigenvalue is 1/4 - 1/(2 pi) for every d:
    /// the published minima data list 0.0908450569081 for k = d = 6..100. The fractional d = 7.5
    /// continues the closed form.
    func testSmallestEigenvalueAtTheGlobalMinimumIsAQuarterMinusOneOverTwoPi() throws {
        let model = SpectrumModel(try Partition(parsing: "d"))
        for d in [6.0, 10.0, 7.5] {
            let spectrum = try model.spectrum(at: [1.0, 0.0], d: d)
            XCTAssertTrue(spectrum.isComplete, "d = \(d)")
            XCTAssertEqual(spectrum.totalMultiplicity, d * d, accuracy: 1e-9, "d = \(d)")
            let smallest = try XCTUnwrap(spectrum.smallest).value
            XCTAssertEqual(smallest, 0.25 - 1 / (2 * Double.pi), accuracy: 1e-14, "d = \(d)")
            XCTAssertEqual(smallest.formatted(significantDigits: 12), "0.0908450569081", "d = \(d)")
            XCTAssertEqual(spectrum.index, 0, "d = \(d)")

            let bits = 256
            let exact = try model.spectrum(at: [BigFloat(1, precision: bits), BigFloat(0, precision: bits)], d: BigFloat(d, precision: bits))
            let closedForm = BigFloat(1, precision: bits) / BigFloat(4) - BigFloat(1, precision: bits) / (BigFloat(2) * BigFloat.pi(precision: bits))
            let gap = (try XCTUnwrap(exact.smallest).value - closedForm).magnitude
            XCTAssertLessThan(gap, try BigFloat(parsing: "1e-70", precision: bits), "d = \(d) at \(bits) bits")
        }
    }
}
