#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A command's output files, all written or none: every target is checked (and every regular
/// file's temporary made) before the command's work starts, so that a bad path fails at once;
/// afterwards every temporary is filled and flushed, the special targets are written, and only
/// then are the temporaries renamed over their targets. A failure at any step removes every
/// temporary, so no target is replaced unless all of them can be.
public final class OutputFiles {
    /// One output: the option that named it, for messages, and where it goes.
    public struct Target: Sendable {
        public let option: String
        public let path: String

        public init(option: String, path: String) {
            self.option = option
            self.path = path
        }
    }

    private enum Prepared {
        case standardOutput
        case special(String)
        case regular(PendingFile)
    }

    private let targets: [Target]
    private var prepared: [Prepared] = []

    /// Checks each target and makes the temporaries; throws naming the option of the first that
    /// cannot be written (after removing the temporaries made so far).
    public init(_ targets: [Target]) throws {
        self.targets = targets
        TemporaryFiles.shared.removeOnInterrupt()
        do {
            for target in targets {
                prepared.append(try OutputFiles.prepare(target))
            }
        } catch {
            discard()
            throw error
        }
    }

    private static func prepare(_ target: Target) throws -> Prepared {
        do {
            switch try OutputTarget(target.path) {
            case .standardOutput:
                return .standardOutput
            case let .special(path):
                guard access(path, W_OK) == 0 else {
                    throw AtomicFileError(path: target.path, reason: AtomicFile.reason(errno, directory: AtomicFile.split(path).directory))
                }
                return .special(path)
            case let .regular(path):
                return .regular(try PendingFile(target: path))
            }
        } catch let error as AtomicFileError {
            throw OutputError(option: target.option, error: error)
        }
    }

    /// Writes `texts` (one per target, in order) and replaces the targets.
    public func commit(_ texts: [String]) throws {
        precondition(texts.count == prepared.count, "\(texts.count) texts for \(prepared.count) targets")
        do {
            for (item, text) in zip(prepared, texts) {
                if case let .regular(file) = item { try file.fill(text) }
            }
            for (index, (item, text)) in zip(prepared, texts).enumerated() {
                switch item {
                case .standardOutput: try StandardOutput.write(text)
                case let .special(path): try OutputFiles.writeDirectly(text, to: path, as: targets[index].path)
                case .regular: break
                }
            }
            for item in prepared {
                if case let .regular(file) = item { try file.commit() }
            }
        } catch let error as AtomicFileError {
            discard()
            throw OutputError(option: targets.first { $0.path == error.path }?.option, error: error)
        } catch {
            discard()
            throw error
        }
        prepared = []
    }

    /// Removes every temporary not yet renamed.
    public func discard() {
        for item in prepared {
            if case let .regular(file) = item { file.discard() }
        }
        prepared = []
    }

    /// A device, FIFO or socket: opened for writing and written in full.
    static func writeDirectly(_ text: String, to path: String, as given: String) throws {
        let directory = AtomicFile.split(path).directory
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw AtomicFileError(path: given, reason: AtomicFile.reason(errno, directory: directory)) }
        defer { close(descriptor) }
        try AtomicFile.writeAll(descriptor, Array(text.utf8), path: given, directory: directory)
    }
}

/// An output file that cannot be written, with the option that named it.
public struct OutputError: Error, CustomStringConvertible {
    public let option: String?
    public let error: AtomicFileError

    public var description: String { (option.map { "\($0): " } ?? "") + error.description }
}

/// Standard output, written with every error checked: a full disk or a closed pipe after
/// `> results.csv` or `| head` is an error, not a success.
public enum StandardOutput {
    /// The descriptor written to: 1, or a file of a test's that runs commands in-process.
    @TaskLocal public static var descriptor: Int32 = 1

    public static func write(_ text: String) throws {
        do {
            try AtomicFile.writeAll(descriptor, Array(text.utf8), path: "standard output", directory: ".")
        } catch let error as AtomicFileError {
            throw AtomicFileError(path: "standard output", reason: error.reason)
        }
    }
}

/// Standard error, for messages and progress (its own write errors have nowhere to go).
public enum StandardError {
    @TaskLocal public static var descriptor: Int32 = 2

    public static func write(_ text: String) {
        try? AtomicFile.writeAll(descriptor, Array(text.utf8), path: "standard error", directory: ".")
    }
}
