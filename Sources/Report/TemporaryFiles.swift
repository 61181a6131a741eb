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
    }

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP (once; later calls do nothing).
    public func removeOnInterrupt() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        let queue = DispatchQueue(label: "spurious.interrupts")
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                removeAll()
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
