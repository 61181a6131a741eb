import Foundation
import XCTest

/// The result of running the built `spurious` executable once.
struct CommandLineRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// Why the executable could not be run at all.
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `spurious` with `arguments` and waits for it.
    ///
    /// The executable is found next to the test bundle, as in SwiftPM's package template: the
    /// test target depends on the executable target, so it is built into the same products
    /// directory. Output goes to temporary files rather than pipes, so that a child writing a
    /// lot to both streams can never block on a full pipe while the test waits.
    static func spurious(_ arguments: String...) throws -> CommandLineRun {
        try spurious(arguments)
    }

    static func spurious(_ arguments: [String]) throws -> CommandLineRun {
        let executable = try productsDirectory().appendingPathComponent("spurious")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw LaunchError(description: "no spurious executable at \(executable.path)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-cli-test-\(UUID().uuidString)")
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
        return CommandLineRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The directory holding the test bundle and the built products.
    private static func productsDirectory() throws -> URL {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
            throw LaunchError(description: "cannot find the products directory (no .xctest bundle loaded)")
        #else
            return Bundle.main.bundleURL
        #endif
    }
}
