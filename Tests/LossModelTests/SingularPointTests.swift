import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// Only a zero row is singular (docs/design.md section 1): there the loss has no gradient and the
/// model says so. Parallel and anti-parallel rows are regular points with a Hessian.
final class SingularPointTests: XCTestCase {
    func testGlobalMinimumIsCriticalWithAHessian() throws {
        // W = I: every row is parallel to its teacher column.
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d")))
        let evaluation = try loss.hessian(at: [1.0, 0.0], d: 6.0)
        XCTAssertEqual(evaluation.value, 0, accuracy: 1e-14)
        for g in evaluation.gradient { XCTAssertEqual(g, 0, accuracy: 1e-14) }
        let hessian = try XCTUnwrap(evaluation.hessian)
        XCTAssertTrue(hessian.elements.allSatisfy(\.isFinite))
        XCTAssertEqual(hessian, hessian.transposed())
    }

    func testZeroRowHasNoGradient() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d-1,1")))
        // Row block 1 (C1_0, D1) is zero.
        let x = [1.0, 0.1, 0.2, 0.0, 0.0]
        XCTAssertNoThrow(try loss.value(at: x, d: 6.0))
        let check = { (error: any Error) in
            guard case ModelError.zeroRow = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("a row of block 1 is zero"), "\(error)")
        }
        XCTAssertThrowsError(try loss.gradient(at: x, d: 6.0), "gradient", check)
        XCTAssertThrowsError(try loss.hessian(at: x, d: 6.0), "Hessian", check)
        // An enclosure of a row norm that contains 0 is refused the same way.
        let box = x.map { Interval($0) }
        XCTAssertThrowsError(try loss.hessian(at: box, d: Interval(6))) { error in
            XCTAssertTrue("\(error)".contains("a row of block 1 is zero"), "\(error)")
        }
    }

    func testParallelRowsAreRegular() throws {
        // D0 = O0: all rows of block 0 are equal.
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d")))
        let hessian = try XCTUnwrap(try loss.hessian(at: [0.3, 0.3], d: 6.0).hessian)
        XCTAssertTrue(hessian.elements.allSatisfy(\.isFinite))
        // d,2r: the two extra rows are equal; d-1,1,1r with rows 1 and 2 equal, opposite, and
        // row 1 anti-parallel to its teacher column.
        let cases: [(String, [Double])] = [
            ("d,2r", [1.0, 0.1, 0.3]),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.3, 0.5]),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, -0.3, -0.5]),
            ("d-1,1", [0.9, 0.1, 0.2, 0.0, -0.7]),
        ]
        for (text, x) in cases {
            let spectrum = try SpectrumModel(try Partition(parsing: text)).spectrum(at: x, d: 6.0)
            XCTAssertTrue(spectrum.isComplete, text)
            XCTAssertTrue(spectrum.eigenvalues.allSatisfy(\.value.isFinite), text)
        }
    }
}
