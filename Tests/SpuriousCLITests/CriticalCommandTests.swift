import Foundation
import XCTest

/// `spurious critical`, run as a user runs it. The search itself is checked in
/// LossModelTests/CriticalPointSearchTests; this checks the command's formats and errors.
final class CriticalCommandTests: XCTestCase {
    let base = ["critical", "--partition", "d-1,1", "--d", "10", "--starts", "60"]

    func testTableListsTheOneFlippedAndTheGlobalMinimum() throws {
        let run = try CommandLineRun.spurious(base)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardError, "")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "partition d-1,1   d = 10")
        let counts = try XCTUnwrap(lines.dropFirst().first)
        XCTAssertTrue(counts.hasPrefix("starts: 60 tried, "), counts)
        XCTAssertTrue(counts.contains(" converged, ") && counts.contains(" singular, ") && counts.contains(" diverged; "), counts)
        XCTAssertTrue(counts.hasSuffix(" distinct points"), counts)
        // Rows are numbered right-aligned: compare them without the leading padding.
        let trimmed = lines.map { String($0.drop { $0 == " " }) }
        let global = try XCTUnwrap(trimmed.first { $0.contains("global minimum") })
        XCTAssertTrue(global.hasPrefix("1  global minimum    0 "), global)
        XCTAssertTrue(global.hasSuffix(" d"), global)
        let flipped = try XCTUnwrap(lines.first { $0.contains("0.0187021945856070") })
        XCTAssertTrue(flipped.contains("spurious minimum"), flipped)
        XCTAssertTrue(flipped.contains("0.0319640276464622"), flipped)
        XCTAssertTrue(flipped.hasSuffix("d-1,1"), flipped)
        XCTAssertTrue(trimmed.contains { $0.hasPrefix("#  D0 ") && $0.hasSuffix("D1") }, run.standardOutput)
        XCTAssertTrue(trimmed.contains { $0.hasPrefix("1  1 ") && $0.hasSuffix(" 1") }, run.standardOutput)
        XCTAssertTrue(trimmed.contains { $0.hasPrefix("2  1.00435482326232 ") && $0.contains("-0.0158119258057531") }, run.standardOutput)
    }

    func testJSONHasCountsAndPointsAndIsReproducible() throws {
        let run = try CommandLineRun.spurious(base + ["--format", "json", "--digits", "20"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(object["partition"] as? String, "d-1,1")
        XCTAssertEqual(object["d"] as? String, "10")
        let starts = try XCTUnwrap(object["starts"] as? [String: Int])
        XCTAssertEqual(starts["tried"], 60)
        XCTAssertEqual((starts["converged"] ?? 0) + (starts["singular"] ?? 0) + (starts["diverged"] ?? 0), 60)
        let points = try XCTUnwrap(object["points"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(points.count, 5)
        for point in points {
            XCTAssertEqual(Set(point.keys), ["loss", "coordinates", "index", "nullity", "min_eigenvalue", "label", "isotropy", "proved"])
            let coordinates = try XCTUnwrap(point["coordinates"] as? [String: String])
            XCTAssertEqual(Set(coordinates.keys), ["D0", "O0", "C0_1", "C1_0", "D1"])
        }
        let global = try XCTUnwrap(points.first)
        XCTAssertEqual(global["label"] as? String, "global minimum")
        XCTAssertEqual(global["loss"] as? String, "0")
        XCTAssertTrue(global["index"] is NSNull)
        XCTAssertEqual(global["isotropy"] as? String, "d")
        let flipped = try XCTUnwrap(points.first { ($0["loss"] as? String)?.hasPrefix("0.01870219458560697") == true })
        XCTAssertEqual(flipped["label"] as? String, "spurious minimum")
        XCTAssertEqual(flipped["index"] as? Int, 0)
        XCTAssertEqual((flipped["coordinates"] as? [String: String])?["D0"], "1.0043548232623239070")

        let again = try CommandLineRun.spurious(base + ["--format", "json", "--digits", "20"])
        XCTAssertEqual(again.standardOutput, run.standardOutput)
    }

    func testCSVHasOneRowPerPoint() throws {
        let run = try CommandLineRun.spurious(base + ["--format", "csv", "--rng-seed", "3"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "label,loss,index,min_eigenvalue,isotropy,D0,O0,C0_1,C1_0,D1")
        XCTAssertTrue(lines.contains("global minimum,0,,,d,1,0,0,0,1"), run.standardOutput)
        XCTAssertTrue(lines.contains { $0.hasPrefix("spurious minimum,0.0187021945856070,0,0.0319640276464622,\"d-1,1\",1.00435482326232,") },
                      run.standardOutput)
        let table = try CommandLineRun.spurious(base + ["--rng-seed", "3"])
        let distinct = try XCTUnwrap(table.standardOutput.split(separator: "\n").dropFirst().first)
        XCTAssertTrue(distinct.hasSuffix("; \(lines.count - 1) distinct points"), String(distinct))
    }

    /// Bad input is refused before any output, with a message on stderr that names the problem.
    func testInvalidInputIsRefused() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["critical", "--partition", "d-1,1", "--d", "10", "--starts", "0"], "--starts must be between 1 and 100000"),
            (["critical", "--partition", "d-1,1", "--d", "10", "--starts", "100001"], "--starts must be between 1 and 100000"),
            (["critical", "--partition", "d-1,1", "--d", "10", "--digits", "0"], "--digits must be between 1 and 1000"),
            (["critical", "--partition", "d-2,2", "--d", "2.5"], "choose a larger d"),
            (["critical", "--partition", "d-1,1", "--d", "1"], "--d"),
            (["critical", "--partition", "d-1,x", "--d", "10"], "The value 'd-1,x' is invalid for '--partition <partition>': block 2"),
            (["critical", "--partition", "d-1,2", "--d", "10"], "must add up to exactly d"),
            (["critical", "--partition", "d-1,1", "--d", "ten"], "The value 'ten' is invalid for '--d <d>': not a decimal number"),
            (["critical", "--partition", "d-1,1", "--d", "10", "--format", "xml"], "--format"),
            (["critical", "--partition", "d-1,1", "--d", "10", "--rng-seed", "-1"], "--rng-seed"),
            (["critical", "--d", "10"], "--partition"),
        ]
        for (arguments, message) in cases {
            let run = try CommandLineRun.spurious(arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(arguments)")
            XCTAssertTrue(run.standardError.contains(message), "\(arguments): \(run.standardError)")
        }
    }

    /// The points are polished --jobs at a time; the output does not depend on it.
    func testOneJobAndTwoJobsPrintTheSameBytes() throws {
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            for format in ["table", "json"] {
                let run = try CommandLineRun.spurious(["critical", "--partition", "d-2,2", "--d", "9", "--starts", "40", "--jobs", jobs, "--format", format])
                XCTAssertEqual(run.status, 0, run.standardError)
                outputs.append(run.standardOutput)
            }
        }
        XCTAssertEqual(outputs[0], outputs[2])
        XCTAssertEqual(outputs[1], outputs[3])
        XCTAssertTrue(outputs[0].contains("spurious minimum"), outputs[0])
        let refused = try CommandLineRun.spurious(["critical", "--partition", "d-1,1", "--d", "10", "--jobs", "0"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("--jobs must be between 1 and 256, got 0"), refused.standardError)
    }

    func testHelpShowsAnExample() throws {
        let run = try CommandLineRun.spurious("critical", "--help")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("spurious critical --partition d-1,1 --d 10"), run.standardOutput)
        for option in ["--partition", "--d", "--starts", "--rng-seed", "--digits", "--format"] {
            XCTAssertTrue(run.standardOutput.contains(option), option)
        }
    }
}
