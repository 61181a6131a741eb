import Families
import LossModel

/// `spurious atlas` (issue 14): every family of spurious minima of the requested fixed spaces,
/// discovered by the critical-point search on a ladder of integer d (docs/design.md section 9),
/// followed both ways in d (section 4), with every fold, branch point and transition located to
/// proved digits (section 6) and the family's spurious minima at integer k.
///
/// The spaces are surveyed in parallel, at most `jobs` at a time, each on its own
/// (``AtlasSurvey``), and the results are put back in the request's order, so that the
/// result does not depend on the number of jobs or on which finishes first.
public enum AtlasJob {
    public static func run(_ request: AtlasRequest, progress: some ProgressObserver & Sendable = NoProgress()) async throws -> AtlasResult {
        let spaces = request.spaces
        let clock = ContinuousClock()
        let start = clock.now
        var outcomes = [AtlasSurvey.Outcome?](repeating: nil, count: spaces.count)
        try await withThrowingTaskGroup(of: (Int, AtlasSurvey.Outcome).self) { group in
            var next = 0
            var done = 0
            var families = 0
            progress.report(.atlas(done: 0, of: spaces.count, families: 0, seconds: 0))
            while next < spaces.count || done < next {
                if next < spaces.count && next - done < Swift.max(1, request.jobs) {
                    let index = next
                    group.addTask { (index, try AtlasSurvey(partition: spaces[index], request: request).run()) }
                    next += 1
                    continue
                }
                guard let (index, outcome) = try await group.next() else { break }
                outcomes[index] = outcome
                done += 1
                families += outcome.space.families.count
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                progress.report(.atlas(done: done, of: spaces.count, families: families, seconds: seconds))
            }
        }
        return merged(request: request, outcomes: outcomes.compactMap { $0 })
    }

    /// One fixed space surveyed on its own, synchronously: what each parallel task of ``run``
    /// does, before copies of other spaces' families are left out (for the benchmarks, and for
    /// scripts that split the work themselves).
    public static func survey(_ partition: Partition, request: AtlasRequest) throws -> AtlasSpace {
        try AtlasSurvey(partition: partition, request: request).run().space
    }

    /// The outcomes with every family that is a copy of an earlier space's family (same loss
    /// and full spectrum at a ladder d where both were found: a symmetry of the problem outside
    /// the finer space's group, such as exchanging D and O of a block of size 2, maps one onto
    /// the other) removed and recorded.
    static func merged(request: AtlasRequest, outcomes: [AtlasSurvey.Outcome]) -> AtlasResult {
        var spaces: [AtlasSpace] = []
        var copies: [AtlasCopy] = []
        // The families kept so far, with their final names.
        var earlier: [(entry: AtlasSurvey.Entry, name: String)] = []
        for outcome in outcomes {
            var kept: [(entry: AtlasSurvey.Entry, family: AtlasFamily)] = []
            for (entry, family) in zip(outcome.entries, outcome.space.families) {
                let original = entry.found.keys.sorted().lazy.compactMap { d -> AtlasCopy? in
                    guard let match = earlier.first(where: { other in
                        entry.found[d, default: []].contains { mine in
                            (other.entry.crossings[d, default: []] + other.entry.found[d, default: []]).contains { Catalog.same($0, mine) }
                        }
                    }) else { return nil }
                    return AtlasCopy(partition: outcome.space.partition, d: d, of: match.name)
                }.first
                if let original { copies.append(original) } else { kept.append((entry, family)) }
            }
            let families = named(kept.map(\.family))
            earlier += zip(kept, families).map { ($0.entry, $1.name) }
            spaces.append(AtlasSpace(partition: outcome.space.partition, searchedAt: outcome.space.searchedAt, families: families))
        }
        return AtlasResult(request: request, spaces: spaces, copies: copies)
    }

    /// The families of one space named as the catalog names them: the partition and the flipped
    /// rows, "#2", "#3" for further families with the same name, in the order they were found.
    static func named(_ families: [AtlasFamily]) -> [AtlasFamily] {
        var used: [String: Int] = [:]
        return families.map { family in
            let base = "\(family.partition) " + Catalog.flipName(family.partition, family.family.seed.map(\.double))
            used[base, default: 0] += 1
            let count = used[base, default: 1]
            return AtlasFamily(
                name: count == 1 ? base : "\(base) #\(count)", family: family.family, foundAt: family.foundAt, run: family.run,
                minima: family.minima)
        }
    }
}
