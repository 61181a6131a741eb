import Dispatch
import LossModel
import Synchronization

/// The polish of each point a search finds, started as soon as the point is found (docs/design.md
/// section 9, "On two threads"): while the search goes on, up to `lanes` other threads polish the
/// points found so far, and once it ends the caller polishes what is left beside them. A polish
/// depends on its point alone (and the frames of its d, built once, by the first polish),
/// so each result is the one a polish after the search would give, bit for bit.
final class PolishesDuringSearch: Sendable {
    typealias Polish = @Sendable (FoundCriticalPoint, PolishFrames) throws -> PolishedCriticalPoint

    private struct Work {
        var pending: [FoundCriticalPoint] = []
        /// Polished points by their coordinates: the points of a search are distinct.
        var done: [[Double]: Result<PolishedCriticalPoint, any Error>] = [:]
        /// Lanes that may be started: none is ever idle with a point pending.
        var idleLanes: Int
    }

    private let work: Mutex<Work>
    private let frames: Mutex<PolishFrames?> = Mutex(nil)
    private let buildFrames: @Sendable () -> PolishFrames
    private let polish: Polish
    /// Entered as a point is added, left as its result is stored.
    private let unfinished = DispatchGroup()

    init(lanes: Int, frames: @escaping @Sendable () -> PolishFrames, polish: @escaping Polish) {
        work = Mutex(Work(idleLanes: lanes))
        buildFrames = frames
        self.polish = polish
    }

    /// Queues `point`'s polish, on an idle lane if there is one.
    func add(_ point: FoundCriticalPoint) {
        unfinished.enter()
        let startLane = work.withLock { work -> Bool in
            work.pending.append(point)
            guard work.idleLanes > 0 else { return false }
            work.idleLanes -= 1
            return true
        }
        if startLane { DispatchQueue.global().async { [self] in polishPending(asLane: true) } }
    }

    /// The polished `points` (every one of them added), in their order; throws the error of
    /// the first whose polish threw, the one a loop over `points` would meet. The calling
    /// thread polishes the points still pending.
    func polished(_ points: [FoundCriticalPoint]) throws -> [PolishedCriticalPoint] {
        polishPending(asLane: false)
        unfinished.wait()
        let done = work.withLock { $0.done }
        return try points.map { point in
            guard let result = done[point.x] else { preconditionFailure("PolishesDuringSearch: a point was never added") }
            return try result.get()
        }
    }

    private func sharedFrames() -> PolishFrames {
        frames.withLock { frames in
            if let frames { return frames }
            let built = buildFrames()
            frames = built
            return built
        }
    }

    /// Polishes pending points until there are none; a lane then becomes idle again.
    private func polishPending(asLane: Bool) {
        while let point = work.withLock({ work -> FoundCriticalPoint? in
            guard !work.pending.isEmpty else {
                if asLane { work.idleLanes += 1 }
                return nil
            }
            return work.pending.removeFirst()
        }) {
            let result = Result { try polish(point, sharedFrames()) }
            work.withLock { $0.done[point.x] = result }
            unfinished.leave()
        }
    }
}
