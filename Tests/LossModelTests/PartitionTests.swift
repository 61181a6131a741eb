import LossModel
import XCTest

final class PartitionTests: XCTestCase {
    func testVariableNamesAndK() throws {
        XCTAssertEqual(FixedSpace(try Partition(parsing: "d-1,1")).names, ["D0", "O0", "C0_1", "C1_0", "D1"])
        XCTAssertEqual(FixedSpace(try Partition(parsing: "d")).names, ["D0", "O0"])
        XCTAssertEqual(FixedSpace(try Partition(parsing: "d-2,2")).names, ["D0", "O0", "C0_1", "C1_0", "D1", "O1"])
        let over = try Partition(parsing: "d-1,1,1r")
        XCTAssertEqual(FixedSpace(over).names, ["D0", "O0", "C0_1", "C1_0", "D1", "C2_0", "C2_1"])
        XCTAssertEqual(over.k.description, "d+1")
        XCTAssertEqual(try Partition(parsing: " d-2 , 1 ,1 ").description, "d-2,1,1")
    }

    func testCountsAddUpToKTimesD() throws {
        for text in ["d", "d-1,1", "d-2,2", "d-1,1,1r", "d,2r", "d-1,1c"] {
            let partition = try Partition(parsing: text)
            let total = FixedSpace(partition).counts.map { $0.value(at: 8.5) }.reduce(0, +)
            XCTAssertEqual(total, partition.k.value(at: 8.5) * 8.5, accuracy: 1e-12, text)
        }
    }

    func testSyntaxErrorsSayWhatAndWhere() {
        let cases: [(String, String)] = [
            ("", "block 1"), ("d-1,,1", "block 2"), ("d-1,x", "block 2 'x'"), ("d-1", "add up to d-1"),
            ("d,1", "add up to d+1"), ("d-1,0", "at least 1"), ("d-1,1q", "block 2 '1q'"), ("3c,d-3c", "no student rows"),
            ("d-a,1", "block 1 'd-a'"),
        ]
        for (text, fragment) in cases {
            XCTAssertThrowsError(try Partition(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains(fragment), "'\(text)': \(error)")
                XCTAssertTrue("\(error)".contains("invalid partition"), "\(error)")
            }
        }
    }

    func testBlocksBelowOneAreRejected() throws {
        let partition = try Partition(parsing: "d-2,2")
        XCTAssertThrowsError(try partition.validate(d: 2.5))
        XCTAssertThrowsError(try partition.validate(d: 3))  // d-2 = 1 leaves O0 without entries
        XCTAssertNoThrow(try partition.validate(d: 3.2))
    }

    func testWrongNumberOfValues() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d-1,1")))
        XCTAssertThrowsError(try loss.hessian(at: [1.0, 2.0], d: 6.0)) { error in
            XCTAssertEqual("\(error)", "5 values expected (D0, O0, C0_1, C1_0, D1), got 2")
        }
    }
}
