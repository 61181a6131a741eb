import LossModel

/// `transform` applied to every element, at most `jobs` at a time on the global executor's
/// threads, with the results in the elements' order: a job's result depends neither on the
/// number of jobs nor on which element finishes first.
///
/// `startOrder` (a permutation of the indices) is the order in which the work starts, say the
/// largest first so that no large element is left to run alone at the end. `finished` is told
/// each index as its result arrives, with the result (nil when it threw). When some elements throw, every element still runs and the
/// error of the first in the elements' order is thrown: the one a sequential loop would meet.
func orderedParallelMap<Element: Sendable, Mapped: Sendable>(
    _ elements: [Element], jobs: Int, startOrder: [Int]? = nil, finished: (Int, Mapped?) -> Void = { _, _ in },
    _ transform: @escaping @Sendable (Element) throws -> Mapped
) async throws -> [Mapped] {
    let order = startOrder ?? Array(elements.indices)
    var outcomes = [Result<Mapped, any Error>?](repeating: nil, count: elements.count)
    await withTaskGroup(of: (Int, Result<Mapped, any Error>).self) { group in
        var next = 0
        var running = 0
        while next < order.count || running > 0 {
            if next < order.count && running < Swift.max(1, jobs) {
                let index = order[next]
                let element = elements[index]
                group.addTask { (index, Result { try transform(element) }) }
                next += 1
                running += 1
                continue
            }
            guard let (index, outcome) = await group.next() else { break }
            outcomes[index] = outcome
            running -= 1
            finished(index, try? outcome.get())
        }
    }
    return try outcomes.map { outcome in
        guard let outcome else { preconditionFailure("orderedParallelMap: an element was never run") }
        return try outcome.get()
    }
}

/// The positions of `spaces` by falling number of variables (ties in their order): a start
/// order for ``orderedParallelMap(_:jobs:startOrder:finished:_:)`` over work whose cost grows
/// with the fixed space (a search, a trace, a location, an atlas survey), so that a large one
/// is not left to run alone at the end; also how atlas shards deal out their spaces.
func largestFirst(_ spaces: [Partition]) -> [Int] {
    let sizes = spaces.map { FixedSpace($0).dimension }
    return spaces.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
}
