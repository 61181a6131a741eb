import Dispatch
import Synchronization

/// A search's deflated Newton runs, computed ahead on other threads (docs/design.md section 9,
/// "On two threads"). The runs of the next ``lead`` starts are in flight at once, each with the
/// deflation of the moment it was launched; a run is taken only if no point was deflated since
/// it was launched (the search only ever adds roots, so their number tells), and launched again
/// otherwise, the out-of-date run abandoned at its next iteration so that it does not hold a core.
/// Each run taken is the run one thread would have made, bit for bit: the same start, d and
/// deflation.
struct NewtonRunsAhead {
    /// Runs in flight, the one being taken included. Measured on `critical` at d = 10 (d-2,2:
    /// 26 points in 200 starts; d-2,1,1: 59): before out-of-date runs were abandoned, 3 and 4
    /// beat 2 (a thread idles while the search concludes a start) and 6 (more runs launched
    /// again after each new point); with abandoning, 2, 4 and 6 are within 4% of 3.
    static let lead = 3

    private let starts: [[Double]]
    private let run: Run
    private var inFlight: [Int: Launched] = [:]

    /// A run from `start` deflating `deflation`, stopping once `abandoned` says so.
    typealias Run = @Sendable (_ start: [Double], _ deflation: Deflation<Double>, _ abandoned: () -> Bool) -> NewtonOutcome<Double>

    init(starts: [[Double]], run: @escaping Run) {
        self.starts = starts
        self.run = run
    }

    /// The run of start `index` with `deflation`, once the runs of the starts after it are in
    /// flight too.
    mutating func outcome(of index: Int, deflation: Deflation<Double>) -> NewtonOutcome<Double> {
        for next in index..<min(starts.count, index + NewtonRunsAhead.lead)
        where inFlight[next]?.roots != deflation.roots.count {
            inFlight[next]?.abandon()
            inFlight[next] = Launched(roots: deflation.roots.count) { [run, start = starts[next]] abandoned in
                run(start, deflation, abandoned)
            }
        }
        guard let launched = inFlight.removeValue(forKey: index) else {
            preconditionFailure("NewtonRunsAhead: start \(index) was not launched")
        }
        return launched.wait()
    }

    /// One run on a thread of the global queue, with the number of roots it deflates.
    private final class Launched: @unchecked Sendable {
        let roots: Int
        private let finished = DispatchSemaphore(value: 0)
        private let abandoned = Atomic(false)
        /// Written once by the run, before `finished` is signalled; read after the wait.
        private var outcome: NewtonOutcome<Double>?

        init(roots: Int, _ body: @escaping @Sendable (_ abandoned: () -> Bool) -> NewtonOutcome<Double>) {
            self.roots = roots
            DispatchQueue.global().async { [self] in
                outcome = body { abandoned.load(ordering: .relaxed) }
                finished.signal()
            }
        }

        /// Stops the run at its next iteration; it is never read.
        func abandon() {
            abandoned.store(true, ordering: .relaxed)
        }

        func wait() -> NewtonOutcome<Double> {
            finished.wait()
            guard let outcome else { preconditionFailure("NewtonRunsAhead: a run signalled without an outcome") }
            return outcome
        }
    }
}
