import Foundation

/// A program run to completion with its output captured, for tests that check what a real
/// process prints (the `spurious` binary, python3 with sympy).
///
/// Output goes to temporary files rather than pipes, so a chatty child cannot block on a full
/// pipe; standard input is empty, as in CI.
public struct ChildProcess: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    public struct LaunchError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func run(_ executable: URL, _ arguments: [String]) throws -> ChildProcess {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        for url in [outURL, errURL] where !FileManager.default.createFile(atPath: url.path, contents: nil) {
            throw LaunchError(description: "cannot create \(url.path)")
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ChildProcess(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
