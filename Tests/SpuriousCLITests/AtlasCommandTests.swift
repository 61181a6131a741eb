import Foundation
import XCTest

/// `spurious atlas`, run as a user runs it: bad input refused with a message and no file, a
/// small atlas's files written all together, the same bytes with one job and with two. The
/// atlas's values are checked in SpuriousTests/AtlasJobTests.
final class AtlasCommandTests: XCTestCase {
    let small = ["atlas", "--partition", "d-1,1", "--ladder", "8", "--max-k", "8", "--digits", "10", "--starts", "40", "--quiet"]

    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-atlas-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func refused(_ arguments: [String], _ fragment: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try CommandLineRun.spurious(arguments)
        XCTAssertTrue(run.status == 1 || run.status == 64, "\(arguments): status \(run.status)", file: file, line: line)
        XCTAssertEqual(run.standardOutput, "", "\(arguments)", file: file, line: line)
        XCTAssertTrue(run.standardError.contains(fragment), "\(arguments): \(run.standardError)", file: file, line: line)
    }

    func testBadInputIsRefusedWithAMessage() throws {
        try refused(["atlas", "--max-size", "0"], "--max-size must be between 1 and 100, got 0")
        try refused(["atlas", "--max-size", "101"], "--max-size must be between 1 and 100")
        try refused(["atlas", "--max-size", "2", "--partition", "d-1,1"], "cannot be combined with --partition")
        try refused(["atlas", "--ladder", "8,6"], "strictly ascending: 8 is followed by 6")
        try refused(["atlas", "--ladder", "6,x"], "value 2 'x' is not an integer")
        try refused(["atlas", "--ladder", "1,6"], "d = 1 is outside 2...1000")
        try refused(["atlas", "--ladder", "6,99999999999999999999"], "is not an integer")
        try refused(["atlas", "--max-k", "5"], "--max-k must be between 6 and 1000, got 5")
        try refused(["atlas", "--jobs", "0"], "--jobs must be between 1 and 256, got 0")
        try refused(["atlas", "--digits", "0"], "--digits must be between 1 and 200")
        try refused(["atlas", "--partition", "d-1,2"], "must add up to exactly d")
        try refused(["atlas", "--shard", "2/3"], "--shard needs --part FILE")
        try refused(["atlas", "--part", "p.json"], "--part writes a shard's partial result: give --shard I/N")
        try refused(["atlas", "--shard", "0/3", "--part", "p.json"], "need 1 <= I <= N")
        try refused(["atlas", "--shard", "4/3", "--part", "p.json"], "need 1 <= I <= N")
        try refused(["atlas", "--shard", "two", "--part", "p.json"], "is not I/N")
        try refused(["atlas", "--shard", "1/2", "--part", "p.json", "--csv", "a.csv"], "belong to `spurious atlas merge`")
        try refused(["atlas", "merge"], "give the partial result files to merge")
        try refused(["atlas", "merge", "/nonexistent/part.json"], "/nonexistent/part.json: no such file")
    }

    /// Two shards written by the command and merged give exactly the bytes of one run; a part
    /// missing, given twice, or a file that is not a part is refused, naming what is wrong, and
    /// no output file is written.
    func testShardsMergeIntoTheBytesOfOneRun() throws {
        let directory = try scratch()
        let request = small + ["--partition", "d,1r"]
        let whole = ["atlas", "minima", "json"].map { directory + "/whole-\($0)" }
        let one = try CommandLineRun.spurious(request + ["--csv", whole[0], "--minima-csv", whole[1], "--json", whole[2]])
        XCTAssertEqual(one.status, 0, one.standardError)
        let parts = [1, 2].map { directory + "/part-\($0).json" }
        for (index, path) in parts.enumerated() {
            let run = try CommandLineRun.spurious(request + ["--shard", "\(index + 1)/2", "--part", path])
            XCTAssertEqual(run.status, 0, run.standardError)
            XCTAssertTrue(run.standardOutput.hasPrefix("shard \(index + 1)/2: 1 of 2 fixed spaces surveyed"), run.standardOutput)
        }
        let merged = ["atlas", "minima", "json"].map { directory + "/merged-\($0)" }
        let merge = try CommandLineRun.spurious(["atlas", "merge", parts[1], parts[0], "--csv", merged[0], "--minima-csv", merged[1], "--json", merged[2]])
        XCTAssertEqual(merge.status, 0, merge.standardError)
        XCTAssertEqual(merge.standardOutput, one.standardOutput)
        for (a, b) in zip(whole, merged) {
            XCTAssertEqual(try String(contentsOfFile: b, encoding: .utf8), try String(contentsOfFile: a, encoding: .utf8), b)
        }
        let out = directory + "/refused.csv"
        try refused(["atlas", "merge", parts[0], "--csv", out], "shard 2/2 missing: run `spurious atlas --shard I/2 --part FILE`")
        try refused(["atlas", "merge", parts[0], parts[0], "--csv", out], "shard 1/2 is given twice")
        try refused(["atlas", "merge", parts[0], whole[2], "--csv", out], "\(whole[2]): it is not a partial atlas result")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testHelpHasAnExample() throws {
        let run = try CommandLineRun.spurious(["atlas", "--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("spurious atlas --max-size 2 --ladder 6,8,10"), run.standardOutput)
    }

    /// A target that cannot be written fails the command before any work, and no other file
    /// is written.
    func testOneBadTargetAndNoFileIsWritten() throws {
        let directory = try scratch()
        let csv = directory + "/atlas.csv"
        try refused(small + ["--csv", csv, "--json", directory], "--json")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "no file and no temporary left")
    }

    func testOneJobAndTwoJobsWriteTheSameBytes() throws {
        let directory = try scratch()
        var outputs: [[String]] = []
        for jobs in ["1", "2"] {
            let files = ["atlas", "minima", "json"].map { directory + "/\($0)-\(jobs)" }
            let run = try CommandLineRun.spurious(
                small + ["--partition", "d,1r", "--jobs", jobs, "--csv", files[0], "--minima-csv", files[1], "--json", files[2]])
            XCTAssertEqual(run.status, 0, run.standardError)
            outputs.append([run.standardOutput] + (try files.map { try String(contentsOfFile: $0, encoding: .utf8) }))
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertTrue(outputs[0][1].hasPrefix("family,partition,k,found_at,"), outputs[0][1])
        XCTAssertTrue(outputs[0][2].hasPrefix("family,partition,k,loss,min_eigenvalue,index\n\"d-1,1 one-flipped\",\"d-1,1\",6,"), outputs[0][2])
    }
}
