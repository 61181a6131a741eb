import Dispatch
import Synchronization

/// The test functions of a sweep's points (``ContinuationProblem/testFunctions(_:parameter:)``,
/// most of a sweep's cost when they are a whole spectrum). One after the other, each is computed
/// where it is submitted. Concurrently, a second thread computes them in submission order while
/// the sweep steps on, and the sweep computes the oldest waiting one itself when it is far ahead
/// (``lead``), and every waiting one once it has stopped, so that both threads stay busy.
/// Each value is the same bits on either thread: the computation is the same.
final class TestFunctionWork<P: ContinuationProblem>: @unchecked Sendable {
    typealias Outcome = Result<[Double], StepFailure>

    private struct Queue {
        var nextID = 0
        /// Submitted and not started, oldest first.
        var waiting: [(id: Int, state: [Double])] = []
        var outcomes: [Int: Outcome] = [:]
        var cancelled: Set<Int> = []
        var closed = false
    }

    let concurrently: Bool
    private let corrector: Corrector<P>
    private let queue = Mutex(Queue())
    /// Signalled once per submitted task and once at ``close()``: what the second thread waits on.
    private let submitted = DispatchSemaphore(value: 0)
    /// Signalled once per finished task: what ``wait(for:)`` sleeps on while a task it needs runs
    /// on the second thread.
    private let finished = DispatchSemaphore(value: 0)

    init(corrector: Corrector<P>, concurrently: Bool) {
        self.corrector = corrector
        self.concurrently = concurrently
        if concurrently { DispatchQueue.global().async { [self] in serve() } }
    }

    /// Submits the point y = `state` and returns the number to ask for its outcome by. One
    /// after the other the test functions are computed here, and their failure is thrown here,
    /// as where the sweep made its points before; concurrently this never throws.
    func submit(_ state: [Double]) throws(StepFailure) -> Int {
        guard concurrently else {
            let outcome = compute(state)
            let id = queue.withLock { queue in
                defer { queue.nextID += 1 }
                queue.outcomes[queue.nextID] = outcome
                return queue.nextID
            }
            _ = try outcome.get()
            return id
        }
        let id = queue.withLock { queue in
            defer { queue.nextID += 1 }
            queue.waiting.append((queue.nextID, state))
            return queue.nextID
        }
        submitted.signal()
        return id
    }

    /// The outcome of task `id` if it is known, without waiting.
    func outcome(of id: Int) -> Outcome? {
        queue.withLock { $0.outcomes[id] }
    }

    /// The outcome of task `id`, computed here if it has not started, else waited for.
    func wait(for id: Int) -> Outcome {
        while true {
            if let known = outcome(of: id) { return known }
            if !runOldest(where: { _ in true }) { finished.wait() }
        }
    }

    /// How many tasks may wait before the sweep computes one itself. A step costs about 0.6
    /// of a spectrum, so the sweep runs ahead; at this lead it helps, which bounds what a failed
    /// point makes it redo, and measured (`spurious bench --filter sweep`) it is as fast as an
    /// unbounded lead, while a lead of 1 or 2 leaves the second thread idle.
    static var lead: Int { 8 }

    /// Computes the oldest waiting task here when ``lead`` or more wait.
    func helpIfBehind() {
        _ = runOldest { $0 >= Self.lead }
    }

    /// Forgets tasks whose outcome is no longer needed (those of a step that failed).
    func cancel(_ ids: some Sequence<Int>) {
        queue.withLock { queue in
            for id in ids where queue.outcomes.removeValue(forKey: id) == nil {
                if let index = queue.waiting.firstIndex(where: { $0.id == id }) {
                    queue.waiting.remove(at: index)
                } else {
                    queue.cancelled.insert(id)
                }
            }
        }
    }

    /// No more submissions: the second thread stops once the tasks it has are done.
    func close() {
        queue.withLock { $0.closed = true }
        submitted.signal()
    }

    /// The second thread: the oldest waiting task, one at a time, until closed with none waiting.
    private func serve() {
        while true {
            submitted.wait()
            let task: (id: Int, state: [Double])? = queue.withLock { queue in
                queue.waiting.isEmpty ? nil : queue.waiting.removeFirst()
            }
            guard let task else {
                if queue.withLock({ $0.closed }) { return }
                continue
            }
            finish(task.id, compute(task.state))
        }
    }

    /// Takes the oldest waiting task and computes it here if the number waiting satisfies
    /// `condition`; false when there was none to take.
    private func runOldest(where condition: (Int) -> Bool) -> Bool {
        let task: (id: Int, state: [Double])? = queue.withLock { queue in
            condition(queue.waiting.count) && !queue.waiting.isEmpty ? queue.waiting.removeFirst() : nil
        }
        guard let task else { return false }
        finish(task.id, compute(task.state))
        return true
    }

    private func finish(_ id: Int, _ outcome: Outcome) {
        queue.withLock { queue in
            if queue.cancelled.remove(id) == nil { queue.outcomes[id] = outcome }
        }
        finished.signal()
    }

    private func compute(_ state: [Double]) -> Outcome {
        Result { () throws(StepFailure) in try corrector.testFunctions(at: state, precision: 53) }
    }
}
