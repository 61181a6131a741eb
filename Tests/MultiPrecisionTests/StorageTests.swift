import MultiPrecision
import XCTest

/// The significand lives in the value's own block, sized by MPFR's custom interface: every bit
/// of it must be there at every precision, limb boundaries included.
final class StorageTests: XCTestCase {
    private let precisions = [2, 53, 63, 64, 65, 127, 128, 129, 1000, 3403, 33300]

    /// 1 - 2^-p has all p bits set: it is exact at p bits and nowhere below, and adding 2^-p
    /// gives 1 exactly; a missing limb or bit would round it or lose the last one.
    func testEveryBitOfTheSignificandIsKept() {
        for p in precisions {
            let one = BigFloat(1, precision: p)
            let lastBit = BigFloat.epsilon(precision: p + 1).rounded(toPrecision: p)  // 2^-p, exact
            let allOnes = one - lastBit
            XCTAssertEqual(allOnes.precision, p, "precision \(p)")
            XCTAssertNotEqual(allOnes, one, "precision \(p)")
            XCTAssertEqual(allOnes + lastBit, one, "precision \(p)")
            if p > BigFloat.minimumPrecision {
                XCTAssertNotEqual(allOnes.rounded(toPrecision: p - 1), allOnes, "precision \(p)")
            }
            XCTAssertEqual(allOnes.rounded(toPrecision: p + 64), allOnes, "precision \(p)")
        }
    }

    /// A value written in place, widened, and copied keeps its bits in each new block.
    func testWideningCopiesTheValue() {
        for p in precisions {
            let third = BigFloat(1, precision: p) / BigFloat(3, precision: p)
            var grown = third
            grown += BigFloat(0, precision: 2 * p)
            XCTAssertEqual(grown.precision, 2 * p, "precision \(p)")
            XCTAssertEqual(grown, third, "precision \(p)")
            XCTAssertEqual(third.precision, p, "precision \(p)")
        }
    }
}
