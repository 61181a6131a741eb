import BruteForce
import LinearAlgebra
import LossModel
import XCTest

/// The reduced loss and spectrum against the full k x d model of the BruteForce target, an
/// independent implementation of docs/design.md section 1.
final class BruteForceCrossCheckTests: XCTestCase {
    let partitions = ["d", "d-1,1", "d-2,2", "d-2,1,1", "d-1,1,1r", "d,2r"]

    func testReducedLossEqualsTheFullLossAtRandomPoints() throws {
        var points = TestPoints(seed: 1)
        for text in partitions {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            for d in 5...9 {
                for _ in 0..<3 {
                    let x = points.point(names: loss.space.names)
                    let (layout, network) = try bruteForce(text, d: d, x)
                    XCTAssertEqual(layout.variableNames, loss.space.names)
                    let reduced = try loss.gradient(at: x, d: Double(d))
                    XCTAssertEqual(reduced.value, network.loss, accuracy: 1e-11 * max(1, abs(network.loss)), "\(text) d=\(d)")
                    for (a, b) in zip(reduced.gradient, layout.reducedGradient(x)) {
                        XCTAssertEqual(a, b, accuracy: 1e-10, "gradient \(text) d=\(d)")
                    }
                }
            }
        }
    }

    func testReducedHessianEqualsTheFullHessianRestricted() throws {
        var points = TestPoints(seed: 2)
        for text in partitions {  // d,2r: identical extra rows, the brute force's theta = 0 limit
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            for d in [5, 7, 9] {
                let x = points.point(names: loss.space.names)
                let (layout, _) = try bruteForce(text, d: d, x)
                let reduced = try loss.hessian(at: x, d: Double(d)).hessian
                let expected = try layout.reducedHessian(x)
                for (a, b) in zip(reduced.elements, expected.elements) {
                    XCTAssertEqual(a, b, accuracy: 1e-9, "\(text) d=\(d)")
                }
            }
        }
    }

    /// At integer d the spectrum, expanded by multiplicity, is the multiset of eigenvalues of
    /// the k d x k d Hessian; the multiplicities add up to k d.
    func testSpectrumEqualsTheFullEigendecomposition() throws {
        var points = TestPoints(seed: 3)
        let cases: [(String, Int)] = [
            ("d-1,1", 6), ("d-1,1", 7), ("d-2,2", 7), ("d-1,1,1r", 6), ("d", 5), ("d-2,1,1", 7),
            ("d-3,3", 8), ("d-1,1c", 6), ("d-2,2,1r", 6),
        ]
        for (text, d) in cases {
            let model = SpectrumModel(try Partition(parsing: text))
            let x = points.point(names: model.loss.space.names)
            let spectrum = try model.spectrum(at: x, d: Double(d))
            let (layout, network) = try bruteForce(text, d: d, x)
            XCTAssertTrue(spectrum.isComplete, text)
            XCTAssertEqual(spectrum.totalMultiplicity, Double(layout.rows * d), "\(text) d=\(d)")
            let reduced = spectrum.eigenvalues.flatMap { Array(repeating: $0.value, count: Int($0.multiplicityValue)) }.sorted()
            let full = try network.spectrum().flatMap { Array(repeating: $0.value, count: $0.multiplicity) }.sorted()
            XCTAssertEqual(reduced.count, full.count, "\(text) d=\(d)")
            for (a, b) in zip(reduced, full) { XCTAssertEqual(a, b, accuracy: 1e-8, "\(text) d=\(d)") }
        }
    }
}
