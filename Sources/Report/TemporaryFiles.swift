import Dispatch
import Foundation

/// The temporary files that exist right now (``PendingFile``), so that an interrupt (Ctrl-C,
/// SIGTERM, SIGHUP) removes them instead of leaving `.spurious-XXXXXX` beside a target.
///
/// The signals are taken over by dispatch sources on a queue of their own: the command's work
/// runs synchronously on the main thread, and the handler, on another thread, removes the
/// files and exits with 128 + the signal's number, as the default action's status would be.
public final class TemporaryFiles: @unchecked Sendable {
    // @unchecked: every access to `paths` holds `lock`.
    public static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    /// Directories made for outputs (`--diagrams DIR`): the outermost one made, and the
    /// innermost (DIR), removed with the files, innermost first, each only when empty.
    private var directories: [String: String] = [:]
    private var sources: [any DispatchSourceSignal] = []

    func add(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
    }

    func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }

    /// Folders made for this run's outputs, from `outermost` down to `tree`, removed on an
    /// interrupt while they are still empty.
    public func addDirectory(_ outermost: String, tree: String) {
        lock.lock()
        defer { lock.unlock() }
        directories[outermost] = tree
    }

    public func removeDirectory(_ outermost: String) {
        lock.lock()
        defer { lock.unlock() }
        directories[outermost] = nil
    }

    /// The files registered now (for tests).
    var current: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }

    /// Removes every registered file.
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for path in paths { unlink(path) }
        paths.removeAll()
        for (outermost, tree) in directories {
            var folder = tree
            // rmdir refuses a folder that is not empty: only what this run made, and left empty, goes.
            while rmdir(folder) == 0, folder != outermost {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        directories.removeAll()
    }

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP (once; later calls do nothing),
    /// and returns when they are armed. The signals are ignored from the first line on (a
    /// signal source only sees a signal whose default action would not end the process
    /// first), and a source is registered with the kernel asynchronously after `resume`:
    /// returning before its registration handler ran would leave a moment in which an
    /// interrupt is ignored outright, and the files made next would stay behind.
    public func removeOnInterrupt() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        let queue = DispatchQueue(label: "spurious.interrupts")
        let armed = DispatchSemaphore(value: 0)
        let numbers = [SIGINT, SIGTERM, SIGHUP]
        for number in numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                removeAll()
                _exit(128 + number)
            }
            source.setRegistrationHandler { armed.signal() }
            source.resume()
            sources.append(source)
        }
        // Bounded, so that a runtime that never calls the handler cannot hang the command.
        for _ in numbers { _ = armed.wait(timeout: .now() + 2) }
    }
}
