import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` on a thread of its own at the lowest scheduling priority, so that it takes only
/// time that no other thread wants: for work started before it is known to be needed, which must
/// not slow the work that is (docs/design.md section 4b, "Ahead of the location"). Nothing may
/// wait for it: on a machine busy with other work it may barely run.
func runOnIdleThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread {
        #if os(Linux)
        // On Linux a nice value belongs to a thread, and 0 names the calling one. A thread
        // cannot raise its priority again without privilege: this one ends with `body`.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
        body()
    }
    thread.qualityOfService = .background
    thread.start()
}
