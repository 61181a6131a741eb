import Foundation
import XCTest

/// `spurious follow` and `spurious transitions` as a user runs them.
final class FollowCommandTests: XCTestCase {
    let seed = "1.00435,-0.01581,0.18237,0.12604,-0.69904"

    func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-follow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testFollowWritesDiagramFilesAndReportsTheTransition() throws {
        let directory = try scratchDirectory()
        let csv = directory.appendingPathComponent("one.csv").path
        let svg = directory.appendingPathComponent("one.svg").path
        let run = try CommandLineRun.spurious(
            "follow", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "5.4", "--digits", "15",
            "--csv", csv, "--svg", svg)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("transition"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("5.58550524742588"), run.standardOutput)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("step,s,d,loss,D0,O0,C0_1,C1_0,D1,min_eigenvalue,index,stability,event,newton_iterations,residual") ?? false)
        XCTAssertEqual(lines.filter { $0.contains(",transition,") }.count, 1)
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(picture.hasPrefix("<?xml") || picture.hasPrefix("<svg"), String(picture.prefix(80)))
        XCTAssertTrue(picture.contains("</svg>"))
    }

    /// With two jobs the sweep's spectra and each location's samples run on two threads: the
    /// summary and the diagram are the same bytes as with one, and --jobs 0 is refused.
    func testOneJobAndTwoJobsWriteTheSameBytes() throws {
        let directory = try scratchDirectory()
        var outputs: [(String, String)] = []
        for jobs in ["1", "2"] {
            let csv = directory.appendingPathComponent("jobs-\(jobs).csv").path
            let run = try CommandLineRun.spurious(
                "follow", "--partition", "d-2,1,1",
                "--seed", "1.00435,-0.01581,-0.01581,0.18237,-0.01581,1.00435,0.18237,0.12604,0.12604,-0.69904",
                "--seed-d", "10", "--to", "5.01", "--digits", "20", "--jobs", jobs, "--csv", csv)
            XCTAssertEqual(run.status, 0, run.standardError)
            outputs.append((run.standardOutput, try String(contentsOfFile: csv, encoding: .utf8)))
        }
        XCTAssertEqual(outputs[0].0, outputs[1].0)
        XCTAssertEqual(outputs[0].1, outputs[1].1)
        XCTAssertTrue(outputs[0].0.contains("branch point") && outputs[0].0.contains("5.5855052474258800069"), outputs[0].0)
        let refused = try CommandLineRun.spurious("follow", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--jobs", "0")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("--jobs must be between 1 and 256, got 0"), refused.standardError)
    }

    func testTransitionsJSONHasTheDocumentedFields() throws {
        let run = try CommandLineRun.spurious(
            "transitions", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "5.4", "--digits", "25",
            "--format", "json", "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let transitions = try XCTUnwrap(json["transitions"] as? [[String: Any]])
        XCTAssertEqual(transitions.count, 1)
        let first = try XCTUnwrap(transitions.first)
        for key in ["family", "partition", "k", "kind", "d", "digits", "loss", "irrep", "multiplicity", "direction", "coordinates", "verified"] {
            XCTAssertNotNil(first[key], key)
        }
        XCTAssertEqual(first["kind"] as? String, "transition")
        XCTAssertEqual(first["digits"] as? Int, 25)
        XCTAssertEqual(first["verified"] as? Bool, true)
        XCTAssertEqual(run.standardError, "", "no progress when stderr is not a terminal")
    }

    func testBadInputFailsClearlyAndWritesNothing() throws {
        let directory = try scratchDirectory()
        let csv = directory.appendingPathComponent("never.csv").path
        let cases: [([String], String)] = [
            (["--partition", "d-1,1", "--seed", "0,0,0,0,0", "--seed-d", "10"], "seed"),
            (["--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "3"], "below"),
            (["--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--digits", "0"], "--digits"),
            (["--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--digits", "100000"], "--digits"),
            (["--partition", "d", "--seed", "0,0", "--seed-d", "10", "--to", "9"], " is zero"),
            (["--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--max-d", "nan"], "not a decimal number"),
            (["--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "inf"], "not a decimal number"),
        ]
        for (arguments, fragment) in cases {
            let run = try CommandLineRun.spurious(["follow"] + arguments + ["--csv", csv])
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(arguments)")
            XCTAssertTrue(run.standardError.contains(fragment), "\(arguments): \(run.standardError)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: csv), "\(arguments) left a file")
        }
        // An unwritable path: a clear error naming it.
        let run = try CommandLineRun.spurious(
            "follow", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "9.5", "--csv", "/nonexistent-dir/x.csv")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.standardError.contains("/nonexistent-dir/x.csv"), run.standardError)
    }
}
