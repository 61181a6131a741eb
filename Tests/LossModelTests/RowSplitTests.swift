import BruteForce
import LinearAlgebra
import LossModel
import XCTest

/// RowSplit against the k x d weight matrices of the brute-force layout at integer d: the split
/// point's matrix is the original with the last row of the block scaled by alpha and a copy
/// scaled by 1 - alpha appended, and the loss is unchanged.
final class RowSplitTests: XCTestCase {
    let cases: [(partition: String, x: [Double], block: Int, fine: String)] = [
        ("d-1,1", [1.00435, -0.01581, 0.18237, 0.12604, -0.69904], 1, "d-1,1,1r"),
        ("d-1,1", [1.00435, -0.01581, 0.18237, 0.12604, -0.69904], 0, "d-2,1,1,1r"),
        ("d", [0.9, 0.1], 0, "d-1,1,1r"),
        ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, -0.5, 0.3, 0.4], 2, "d-1,1,1r,1r"),
        ("d-2,2", [0.9, 0.1, 0.2, 0.3, -0.5, 0.25], 1, "d-2,1,1,1r"),
    ]

    func testSplitMatrixIsTheOriginalWithOneRowShared() throws {
        let d = 7, alpha = 0.3
        for (text, x, block, fineText) in cases {
            let split = try RowSplit(try Partition(parsing: text), block: block)
            XCTAssertEqual(split.fine.description, fineText, text)
            let coarse = try FixedSpaceLayout.parse(text, d: d).weights(x)
            let fine = try FixedSpaceLayout.parse(fineText, d: d).weights(split.embed(x, alpha: alpha))
            XCTAssertEqual(fine.rows, coarse.rows + 1, text)
            // The last row of the block is the one split.
            let layout = try FixedSpaceLayout.parse(text, d: d)
            let r = layout.blocks[0...block].filter { $0.kind != .columnsOnly }.reduce(0) { $0 + $1.size } - 1
            for i in 0..<coarse.rows {
                for j in 0..<d {
                    XCTAssertEqual(fine[i, j], (i == r ? alpha : 1) * coarse[i, j], accuracy: 1e-15, "\(text) row \(i)")
                }
            }
            for j in 0..<d {
                XCTAssertEqual(fine[coarse.rows, j], (1 - alpha) * coarse[r, j], accuracy: 1e-15, "\(text) new row")
            }
            XCTAssertEqual(FullSpaceNetwork(weights: fine).loss, FullSpaceNetwork(weights: coarse).loss, accuracy: 1e-12, text)
        }
    }

    func testRefusesBlocksWithoutRows() throws {
        XCTAssertThrowsError(try RowSplit(try Partition(parsing: "d-1,1c,1r"), block: 1))
        XCTAssertThrowsError(try RowSplit(try Partition(parsing: "d-1,1"), block: 2))
    }
}
