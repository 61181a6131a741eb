import XCTest

/// `spurious transitions --jobs`: the catalog's spaces are searched and its families followed on
/// several cores, and the output is the same bytes whatever the number of jobs.
final class CatalogJobsCommandTests: XCTestCase {
    /// Two spaces, one job against two, table and JSON.
    func testOneJobAndTwoJobsPrintTheSameBytes() throws {
        let catalog = ["transitions", "--partition", "d-1,1", "--partition", "d,1r", "--at", "8", "--starts", "40", "--max-d", "9", "--digits", "20"]
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            for format in ["table", "json"] {
                let run = try CommandLineRun.spurious(catalog + ["--jobs", jobs, "--format", format, "--quiet"])
                XCTAssertEqual(run.status, 0, run.standardError)
                outputs.append(run.standardOutput)
            }
        }
        XCTAssertEqual(outputs[0], outputs[2])
        XCTAssertEqual(outputs[1], outputs[3])
        XCTAssertTrue(outputs[0].contains("5.5855052474258800069"), outputs[0])
        XCTAssertTrue(outputs[1].contains("\"d-1,1 one-flipped\""), outputs[1])
    }

    func testBadJobsIsRefused() throws {
        for jobs in ["0", "257", "two"] {
            let run = try CommandLineRun.spurious("transitions", "--jobs", jobs)
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.standardError.contains("--jobs"), run.standardError)
            XCTAssertTrue(run.standardOutput.isEmpty)
        }
    }
}
