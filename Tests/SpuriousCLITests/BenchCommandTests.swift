import Foundation
import XCTest

/// `spurious bench`, run as a user runs it, with few iterations: these tests check behaviour,
/// not speed.
final class BenchCommandTests: XCTestCase {
    func testHelpHasAnExample() throws {
        let run = try CommandLineRun.spurious("bench", "--help")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("Example"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("spurious bench --filter"), run.standardOutput)
        for option in ["--iterations", "--repetitions", "--filter", "--format"] {
            XCTAssertTrue(run.standardOutput.contains(option), option)
        }
    }

    func testTableListsEveryMultiplyAddCase() throws {
        let run = try CommandLineRun.spurious("bench", "--iterations", "200", "--repetitions", "1", "--filter", "multiply-add")
        XCTAssertEqual(run.status, 0, run.standardError)
        for name in ["mpfr-direct", "bigfloat-new-result", "bigfloat-in-place", "bigfloat-fma", "ns/op", "vs mpfr-direct"] {
            XCTAssertTrue(run.standardOutput.contains(name), "\(name) missing from\n\(run.standardOutput)")
        }
        XCTAssertTrue(run.standardOutput.contains(" 128 "), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains(" 1024 "), run.standardOutput)
    }

    private struct Report: Decodable {
        struct Entry: Decodable {
            var group, name, parameter, unit: String
            var operations: Int
            var best: Double
            var checksum: Double?
            var ratio: Double?
        }
        var results: [Entry]
    }

    /// The direct MPFR loop, the new-result loop and the in-place loop perform the same
    /// roundings in the same order, so they must end on the very same number; the fused loop
    /// rounds once per step and ends within rounding noise of it. After n steps from 0,
    /// acc = 1 - 0.999999^n.
    func testJSONFiguresAndChecksums() throws {
        let iterations = 1000
        let run = try CommandLineRun.spurious(
            "bench", "--iterations", "\(iterations)", "--repetitions", "2", "--filter", "multiply-add", "--format", "json")
        XCTAssertEqual(run.status, 0, run.standardError)
        let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
        XCTAssertEqual(report.results.count, 8)
        let expected = 1 - Foundation.pow(0.999999, Double(iterations))
        for bits in ["128", "1024"] {
            let rows = report.results.filter { $0.parameter == bits }
            let direct = try XCTUnwrap(rows.first { $0.name == "mpfr-direct" })
            XCTAssertEqual(direct.ratio, 1)
            let directSum = try XCTUnwrap(direct.checksum)
            XCTAssertEqual(directSum, expected, accuracy: 1e-12)
            for row in rows {
                XCTAssertEqual(row.unit, "ns/op")
                XCTAssertEqual(row.operations, iterations)
                XCTAssertGreaterThan(row.best, 0)
                XCTAssertNotNil(row.ratio)
                if row.name == "bigfloat-fma" {
                    XCTAssertEqual(try XCTUnwrap(row.checksum), directSum, accuracy: 1e-15)
                } else {
                    XCTAssertEqual(row.checksum, direct.checksum, "\(row.name) at \(bits) bits")
                }
            }
        }
    }

    func testFilterSelectsCases() throws {
        let run = try CommandLineRun.spurious("bench", "--iterations", "100", "--repetitions", "1", "--filter", "fma/1024", "--format", "json")
        XCTAssertEqual(run.status, 0, run.standardError)
        let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
        XCTAssertEqual(report.results.map(\.name), ["bigfloat-fma"])
        XCTAssertEqual(report.results.map(\.parameter), ["1024"])
        XCTAssertNil(report.results.first?.ratio, "no ratio without the baseline in the selection")
    }

    func testInvalidOptionsAreRefused() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["--filter", "no-such-case"], "no benchmark case matches 'no-such-case'"),
            (["--iterations", "0"], "--iterations"),
            (["--repetitions", "0"], "--repetitions"),
            (["--format", "xml"], "xml"),
        ]
        for c in cases {
            let run = try CommandLineRun.spurious(["bench"] + c.arguments)
            XCTAssertNotEqual(run.status, 0, "\(c.arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(c.arguments)")
            XCTAssertTrue(run.standardError.contains(c.message), "\(c.arguments): \(run.standardError)")
        }
    }
}
