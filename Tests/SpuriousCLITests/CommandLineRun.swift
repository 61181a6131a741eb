import Foundation
import XCTest
import _TestSupport

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
        let child = try ChildProcess.run(try executable(), arguments)
        return CommandLineRun(status: child.status, standardOutput: child.standardOutput, standardError: child.standardError)
    }

    /// The built `spurious` binary.
    static func executable() throws -> URL {
        let executable = try productsDirectory().appendingPathComponent("spurious")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw LaunchError(description: "no spurious executable at \(executable.path)")
        }
        return executable
    }

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
