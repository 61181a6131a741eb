import Foundation
import Report
import Spurious

/// One line of progress on stderr, rewritten in place; silent with `--quiet` and when stderr
/// is not a terminal, so that stdout stays clean for pipes and logs stay clean too.
struct ProgressLine: ProgressObserver {
    let enabled: Bool

    init(quiet: Bool) {
        enabled = !quiet && isatty(StandardError.descriptor) != 0
    }

    func show(_ text: String) {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K" + text)
    }

    func report(_ progress: JobProgress) {
        show(ProgressText.line(progress))
    }

    func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
