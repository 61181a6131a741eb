import XCTest

/// `spurious doctor`, run as a user runs it.
final class DoctorCommandTests: XCTestCase {
    func testThousandDigitsAgree() throws {
        let run = try CommandLineRun.spurious("doctor", "--digits", "1000")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("agree"), run.standardOutput)
        XCTAssertFalse(run.standardOutput.contains("DISAGREE"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("MPFR"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("GMP"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("1000 significant digits"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("3.14159265358979323846264338327950288419716939937510..."))
        XCTAssertEqual(run.standardError, "")
    }

    func testDefaultAndEdgeDigitCountsAgree() throws {
        for arguments in [["doctor"], ["doctor", "--digits", "1"], ["doctor", "--digits", "100000"]] {
            let run = try CommandLineRun.spurious(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.standardError)")
            XCTAssertTrue(run.standardOutput.contains("agree"), run.standardOutput)
        }
    }

    /// Out-of-range and non-numeric counts are refused before any work, on stderr only.
    func testInvalidDigitCountsAreRefused() throws {
        for value in ["0", "100001", "abc", "-5", ""] {
            let run = try CommandLineRun.spurious("doctor", "--digits", value)
            XCTAssertNotEqual(run.status, 0, "--digits \(value)")
            XCTAssertEqual(run.standardOutput, "", "--digits \(value)")
            XCTAssertTrue(run.standardError.contains("--digits"), "--digits \(value): \(run.standardError)")
        }
        let tooMany = try CommandLineRun.spurious("doctor", "--digits", "100001")
        XCTAssertTrue(tooMany.standardError.contains("between 1 and 100000"), tooMany.standardError)
        XCTAssertTrue(tooMany.standardError.contains("100001"), tooMany.standardError)
        let word = try CommandLineRun.spurious("doctor", "--digits", "abc")
        XCTAssertTrue(word.standardError.contains("'abc'"), word.standardError)
    }

    func testHelpHasAnExample() throws {
        let run = try CommandLineRun.spurious("doctor", "--help")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("Example"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("spurious doctor --digits"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("--digits <digits>"), run.standardOutput)
    }

    func testRootHelpListsTheSubcommands() throws {
        let run = try CommandLineRun.spurious("--help")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("doctor"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("bench"), run.standardOutput)
    }
}
