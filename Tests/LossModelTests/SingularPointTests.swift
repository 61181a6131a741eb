import LossModel
import XCTest

/// Points where the loss is not twice differentiable are reported, never given numbers.
final class SingularPointTests: XCTestCase {
    func testGlobalMinimumIsSingularButCritical() throws {
        // W = I: every row is parallel to its teacher column.
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d")))
        let evaluation = try loss.gradient(at: [1.0, 0.0], d: 6.0)
        XCTAssertEqual(evaluation.value, 0, accuracy: 1e-14)
        for g in evaluation.gradient { XCTAssertEqual(g, 0, accuracy: 1e-14) }
        XCTAssertThrowsError(try loss.hessian(at: [1.0, 0.0], d: 6.0)) { error in
            guard case ModelError.singular = error else { return XCTFail("\(error)") }
        }
    }

    func testZeroRowHasNoGradient() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d-1,1")))
        // Row block 1 (C1_0, D1) is zero.
        XCTAssertNoThrow(try loss.value(at: [1.0, 0.1, 0.2, 0.0, 0.0], d: 6.0))
        XCTAssertThrowsError(try loss.gradient(at: [1.0, 0.1, 0.2, 0.0, 0.0], d: 6.0)) { error in
            XCTAssertTrue("\(error)".contains("zero"), "\(error)")
        }
    }

    func testParallelRowsAreSingular() throws {
        // D0 = O0: all rows of block 0 are equal.
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d")))
        XCTAssertThrowsError(try loss.hessian(at: [0.3, 0.3], d: 6.0)) { error in
            XCTAssertTrue("\(error)".contains("parallel"), "\(error)")
        }
        let spectrumModel = SpectrumModel(try Partition(parsing: "d,2r"))
        XCTAssertThrowsError(try spectrumModel.spectrum(at: [1.0, 0.1, 0.3], d: 6.0)) { error in
            guard case ModelError.singular = error else { return XCTFail("\(error)") }
        }
    }
}
