import Foundation
import XCTest
import _TestSupport

/// The defects of issue 11, each with the command that showed it, run as a user runs it: no
/// trap on any input, no output lost or half-written, nothing replaced that is not a regular
/// file, no NaN in a message.
final class BadInputRegressionTests: XCTestCase {
    let seed = "1.00435,-0.01581,0.18237,0.12604,-0.69904"

    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func refused(_ arguments: [String], _ fragments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try CommandLineRun.spurious(arguments)
        XCTAssertTrue(run.status == 1 || run.status == 64, "\(arguments): status \(run.status)", file: file, line: line)
        XCTAssertEqual(run.standardOutput, "", "\(arguments)", file: file, line: line)
        XCTAssertFalse(run.standardError.localizedCaseInsensitiveContains("nan"), run.standardError, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(run.standardError.contains(fragment), "\(arguments): \(run.standardError)", file: file, line: line)
        }
    }

    /// 1. Sizes whose counts overflow Int are refused at parse time, not trapped.
    func testLargeBlockSizesAreRefusedNotTrapped() throws {
        try refused(["formula", "--partition", "d,3037000500r"], ["up to 10000"])
        try refused(["critical", "--partition", "d-5000000000,5000000000", "--d", "5000000010", "--starts", "2"], ["up to 10000"])
        try refused(["formula", "--partition", "d+9223372036854775807,9223372036854775807"], ["up to 10000"])
        try refused(["formula", "--partition", "d-12,1,1,1,1,1,1,1,1,1,1,1,1"], ["13 blocks; at most 12"])
    }

    /// 2. A named pipe and a link are written through, never replaced; `-` is standard output.
    func testSpecialTargetsAreWrittenDirectly() throws {
        let directory = try scratch()
        let fifo = directory + "/diagram.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // The reader runs beside the command: a pipe without one would block the writer.
        let received = LockedText()
        let reader = Thread {
            // Opening blocks until the writer opens; reading runs until it closes.
            guard let handle = FileHandle(forReadingAtPath: fifo) else { return }
            received.set(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
        }
        reader.start()
        let follow = ["follow", "--partition", "d-1,1", "--seed", seed, "--to", "9.5", "--quiet"]
        let run = try CommandLineRun.spurious(follow + ["--csv", fifo])
        XCTAssertEqual(run.status, 0, run.standardError)
        while reader.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(received.value.hasPrefix("step,s,d,loss"), String(received.value.prefix(80)))
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a named pipe")

        let target = directory + "/real.csv"
        let link = directory + "/link.csv"
        XCTAssertTrue(FileManager.default.createFile(atPath: target, contents: Data("old\n".utf8)))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try CommandLineRun.spurious(follow + ["--csv", link]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target, "the link stays a link")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("step,s,d,loss"))

        let toStandardOutput = try CommandLineRun.spurious(follow + ["--csv", "-"])
        XCTAssertEqual(toStandardOutput.status, 0)
        XCTAssertTrue(toStandardOutput.standardOutput.hasPrefix("step,s,d,loss"), String(toStandardOutput.standardOutput.prefix(80)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }

    /// 3. A closed pipe on standard output is an error with a message, not a silent success.
    func testClosedStandardOutputIsAnError() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let process = Process()
        process.executableURL = try CommandLineRun.executable()
        process.arguments = ["formula", "--partition", "d-1,1"]
        process.standardOutput = pipe
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, message)
        XCTAssertTrue(message.contains("cannot write 'standard output'"), message)
    }

    /// 5. Out of range instead of NaN: d beyond 1e15, a seed that overflows.
    func testLargeValuesSayWhatIsOutOfRange() throws {
        try refused(["spectrum", "--partition", "d-1,1", "--d", "1e300", "--seed", "1,0,0,0,1"], ["above 1e15"])
        try refused(["spectrum", "--partition", "d-1,1", "--d", "10", "--seed", "1e308,0,0,0,1"], ["overflow"])
        try refused(["follow", "--partition", "d-1,1", "--seed", seed, "--seed-d", "1e308", "--to", "9"], ["above 1e15"])
    }

    /// 6. A range that asks for nothing is refused.
    func testFollowRangesThatAskForNothingAreRefused() throws {
        try refused(["follow", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "10"], ["is the seed's d"])
        try refused(["follow", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--max-d", "8"], ["not above the seed's d"])
        try refused(["transitions", "--partition", "d-1,1", "--seed", seed, "--to", "10.0"], ["is the seed's d"])
    }

    /// 7. One bad target, and no file is written; 8. a 255-byte name is a legal name.
    func testOutputsAreAllOrNothingAndLongNamesWork() throws {
        let directory = try scratch()
        let csv = directory + "/ok.csv"
        try refused(["follow", "--partition", "d-1,1", "--seed", seed, "--to", "9.5", "--csv", csv, "--svg", directory], ["--svg", "is a directory"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: csv), "the CSV must not be written when the SVG cannot be")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "no temporary file left")
        let long = directory + "/" + String(repeating: "x", count: 251) + ".csv"
        let run = try CommandLineRun.spurious(["follow", "--partition", "d-1,1", "--seed", seed, "--to", "9.5", "--csv", long])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(FileManager.default.fileExists(atPath: long))
    }

    /// 7. An interrupted catalog leaves neither diagrams nor temporaries nor the directory it made.
    func testInterruptedRunLeavesNothing() throws {
        let directory = try scratch() + "/diagrams"
        let process = Process()
        process.executableURL = try CommandLineRun.executable()
        process.arguments = ["transitions", "--diagrams", directory, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The directory is made before the work starts.
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: directory) { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory))
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 128 + SIGTERM)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory), "the directory this run made is gone")
    }

    /// 9. One number syntax everywhere; a zero or undefined basis element, a repeated option.
    func testParsingIsConsistent() throws {
        for option in ["--to", "--at", "--max-d", "--seed-d"] {
            try refused(["transitions", "--partition", "d-1,1", "--seed", seed, option, "0x10"], ["\(option) <", "not a decimal number"])
        }
        let family = ["series", "--partition", "d-1,1", "--seed", seed]
        try refused(family + ["--basis", "0"], ["--basis", "is zero"])
        try refused(family + ["--basis", "1/0"], ["--basis", "'1/0' has no value"])
        try refused(family + ["--basis", "1,1/0,1/pi"], ["--basis", "'1/0' has no value"])
        try refused(["spectrum", "--partition", "d-1,1", "--d", "10", "--d", "9", "--seed", seed], ["--d is given more than once"])
    }

    /// 10. Messages: the real reason, the d as typed, and no raw control characters.
    func testMessagesNameTheRealProblem() throws {
        let directory = try scratch()
        try refused(["follow", "--partition", "d-1,1", "--seed", seed, "--to", "9.5", "--csv", directory + "/no/such/x.csv"], ["does not exist"])
        let file = directory + "/plain"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data()))
        try refused(["transitions", "--partition", "d-1,1", "--diagrams", file + "/sub"], ["--diagrams", "is not a directory"])
        // Above 3 by 1e-19: a valid d for d-2,2 as typed, whose nearest Double (3.0) is not; the
        // message says both, with d as typed.
        try refused(["critical", "--partition", "d-2,2", "--d", "3.0000000000000000001", "--starts", "1"],
                    ["d = 3.0000000000000000001 is valid, but", "nearest Double, 3.0"])
        try refused(["critical", "--partition", "d-2,2", "--d", "2.5", "--starts", "1"], ["at d = 2.5 block 0", "size 0.5"])
        try refused(["formula", "--partition", "d-1,\u{1B}[31m1"], ["\\u{1B}[31m"])
        let escaped = try CommandLineRun.spurious(["formula", "--partition", "d-1,\u{1B}[31m1"])
        XCTAssertFalse(escaped.standardError.contains("\u{1B}"), "no raw escape reaches the terminal")
        try refused(["spectrum", "--partition", "d-1,1", "--d", "10", "--seed", "1,0.1,0.2,0,0"], ["a row of block 1 is zero"])
    }

    /// 11. Steps grow with d: d = 3e4 within the default 2000 steps (with steps of at most
    /// 0.25 it would take 120000), following only up, as asked.
    func testFollowReachesLargeDInFewSteps() throws {
        let run = try CommandLineRun.spurious(["follow", "--partition", "d-1,1", "--seed", seed, "--to", "3e4", "--digits", "5", "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("up      reached d = 30000.000\n"), run.standardOutput)
        XCTAssertFalse(run.standardOutput.contains("down "), "--to above the seed follows up only: \(run.standardOutput)")
    }
}

/// A text written by one thread and read by another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
    func set(_ new: String) {
        lock.lock()
        text = new
        lock.unlock()
    }
}
