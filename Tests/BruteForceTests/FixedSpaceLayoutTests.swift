import BruteForce
import LinearAlgebra
import MultiPrecision
import XCTest

final class FixedSpaceLayoutTests: XCTestCase {
    func testVariableNames() throws {
        XCTAssertEqual(try FixedSpaceLayout.parse("d-1,1", d: 10).variableNames, ["D0", "O0", "C0_1", "C1_0", "D1"])
        XCTAssertEqual(try FixedSpaceLayout.parse("d", d: 4).variableNames, ["D0", "O0"])
        XCTAssertEqual(try FixedSpaceLayout.parse("d-2,2", d: 6).variableNames,
                       ["D0", "O0", "C0_1", "C1_0", "D1", "O1"])
        XCTAssertEqual(try FixedSpaceLayout.parse("d-1,1,1r", d: 10).variableNames,
                       ["D0", "O0", "C0_1", "C1_0", "D1", "C2_0", "C2_1"])
        XCTAssertEqual(try FixedSpaceLayout.parse("d-2,1,1", d: 6).variableNames,
                       ["D0", "O0", "C0_1", "C0_2", "C1_0", "D1", "C1_2", "C2_0", "C2_1", "D2"])
        XCTAssertEqual(try FixedSpaceLayout.parse("d,2r", d: 5).variableNames, ["D0", "O0", "C1_0"])
        XCTAssertEqual(try FixedSpaceLayout.parse("2,d-2c", d: 5).variableNames, ["D0", "O0", "C0_1"])
    }

    func testShapesAndCounts() throws {
        let cases: [(String, Int, Int, [Double])] = [
            ("d-1,1", 10, 10, [9, 72, 9, 9, 1]),
            ("d-1,1,1r", 10, 11, [9, 72, 9, 9, 1, 9, 1]),
            ("d,2r", 5, 7, [5, 20, 10]),
            ("2,d-2c", 5, 2, [2, 2, 6]),
            ("d-9,d-1", 10, 10, [1, 0, 9, 9, 9, 72]),
        ]
        for (text, d, k, counts) in cases {
            let layout = try FixedSpaceLayout.parse(text, d: d)
            XCTAssertEqual(layout.rows, k, text)
            XCTAssertEqual(layout.columns, d, text)
            XCTAssertEqual(layout.counts, counts, text)
            XCTAssertEqual(layout.counts.reduce(0, +), Double(k * d), text)
        }
    }

    func testWeightsPlaceEveryVariable() throws {
        let layout = try FixedSpaceLayout.parse("d-1,1,1r", d: 4)
        let w = try layout.weights([1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(w, Matrix([
            [1, 2, 2, 3],
            [2, 1, 2, 3],
            [2, 2, 1, 3],
            [4, 4, 4, 5],
            [6, 6, 6, 7],
        ]))
        let columnsOnly = try FixedSpaceLayout.parse("2,d-2c", d: 4).weights([1, 2, 3])
        XCTAssertEqual(columnsOnly, Matrix([[1, 2, 3, 3], [2, 1, 3, 3]]))
    }

    func testExplicitBlocksMatchParsedOnes() throws {
        let explicit = try FixedSpaceLayout(blocks: [
            (size: 3, kind: .paired, hasOffDiagonal: true),
            (size: 1, kind: .paired, hasOffDiagonal: false),
            (size: 1, kind: .rowsOnly, hasOffDiagonal: true),
        ])
        let parsed = try FixedSpaceLayout.parse("d-1,1,1r", d: 4)
        XCTAssertEqual(explicit.variableNames, parsed.variableNames)
        XCTAssertEqual(explicit.counts, parsed.counts)
        XCTAssertEqual(explicit.blocks.map(\.hasOffDiagonal), [true, false, false])
    }

    func testRejections() {
        for (text, d) in [("d-1,x", 10), ("d-11,1", 10), ("", 3), ("d,1", 3), ("d-1,,1", 4), ("d-1,1q", 4), ("d+1", 3)] {
            XCTAssertThrowsError(try FixedSpaceLayout.parse(text, d: d), "'\(text)' at d = \(d)")
        }
        XCTAssertThrowsError(try FixedSpaceLayout(blocks: [(size: 3, kind: .paired, hasOffDiagonal: false)]))
        XCTAssertThrowsError(try FixedSpaceLayout(blocks: [(size: 3, kind: .rowsOnly, hasOffDiagonal: false)]))
        XCTAssertThrowsError(try FixedSpaceLayout.parse("d-1,1", d: 5).weights([1, 2, 3])) { error in
            XCTAssertEqual(error as? BruteForceError, .valueCount(expected: 5, got: 3))
        }
    }
}
