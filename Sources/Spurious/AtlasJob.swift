import Families
import LossModel

/// `spurious atlas` (issue 14): every family of spurious minima of the requested fixed spaces,
/// discovered by the critical-point search on a ladder of integer d (docs/design.md section 9),
/// followed both ways in d (section 4), with every fold, branch point and transition located to
/// proved digits (section 6) and the family's spurious minima at integer k.
///
/// The spaces are surveyed in parallel, at most `jobs` at a time, each on its own
/// (``AtlasSurvey``); their outcomes are put back in the request's order and merged
/// (``merged(request:outcomes:)``), so that the result depends neither on the number of jobs,
/// nor on which space finishes first, nor on whether the spaces ran in one process or in
/// several shards (``AtlasPart``).
public enum AtlasJob {
    public static func run(_ request: AtlasRequest, progress: some ProgressObserver & Sendable = NoProgress()) async throws -> AtlasResult {
        merged(request: request, outcomes: try await outcomes(of: request, shard: .whole, progress: progress))
    }

    /// The shard's part of the atlas, to be merged with the other shards' (``merge(_:)``).
    public static func part(
        _ request: AtlasRequest, shard: AtlasShard, progress: some ProgressObserver & Sendable = NoProgress()
    ) async throws -> AtlasPart {
        AtlasPart(request: request, shard: shard, outcomes: try await outcomes(of: request, shard: shard, progress: progress))
    }

    /// The atlas from the parts of every shard of one request: exactly the result of one run.
    public static func merge(_ parts: [AtlasPart]) throws -> AtlasResult {
        let (request, outcomes) = try AtlasPart.outcomes(of: parts)
        return merged(request: request, outcomes: outcomes)
    }

    /// One fixed space surveyed on its own, synchronously (for the benchmarks).
    public static func survey(_ partition: Partition, request: AtlasRequest) throws -> AtlasSpace {
        merged(request: request, outcomes: [try AtlasSurvey(partition: partition, request: request).run()]).spaces[0]
    }

    /// The outcomes of the shard's spaces, in the request's order.
    static func outcomes(
        of request: AtlasRequest, shard: AtlasShard, progress: some ProgressObserver & Sendable
    ) async throws -> [AtlasSurvey.Outcome] {
        let spaces = shard.spaces(of: request.spaces)
        let clock = ContinuousClock()
        let start = clock.now
        var done = 0
        var families = 0
        progress.report(.atlas(done: 0, of: spaces.count, families: 0, seconds: 0))
        // Started largest first (a space's cost grows with its number of variables), so that no
        // large space is left to run alone at the end.
        return try await orderedParallelMap(spaces, jobs: request.jobs, startOrder: largestFirst(spaces)) { _, outcome in
            done += 1
            families += outcome?.entries.count ?? 0
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            progress.report(.atlas(done: done, of: spaces.count, families: families, seconds: seconds))
        } _: { space in
            try AtlasSurvey(partition: space, request: request).run()
        }
    }

    /// The outcomes with every family that is a copy of an earlier space's family removed and
    /// recorded: a symmetry of the problem outside the finer space's group (exchanging D and O
    /// of a block of size 2, say) maps one curve onto the other, so that a point found on it
    /// has the loss and full spectrum of the earlier family at that d, and so do its trace's
    /// points at every other ladder d both traces cross. One d is not enough: at an integer d
    /// two fixed spaces can coincide (d-6,6 and d-4,4 at d = 10, blocks exchanged), and two
    /// different families meet there.
    static func merged(request: AtlasRequest, outcomes: [AtlasSurvey.Outcome]) -> AtlasResult {
        var spaces: [AtlasSpace] = []
        var copies: [AtlasCopy] = []
        // The entries kept so far, with their final names.
        var earlier: [(entry: AtlasSurvey.Entry, name: String)] = []
        for outcome in outcomes {
            // Copies seen in the space itself: named after the earlier family they lie on,
            // preferably one of the coarser space the row exchange maps them into.
            for copy in outcome.copies {
                let match = earlier.first { $0.entry.family.partition == copy.coarser && $0.entry.contains(copy.point, at: copy.d) }
                    ?? earlier.first { $0.entry.contains(copy.point, at: copy.d) }
                copies.append(AtlasCopy(partition: outcome.partition, d: copy.d, of: match?.name ?? "a point of \(copy.coarser)"))
            }
            var kept: [AtlasSurvey.Entry] = []
            for entry in outcome.entries {
                let original = entry.found.keys.sorted().lazy.compactMap { d -> AtlasCopy? in
                    guard let match = earlier.first(where: { other in
                        entry.found[d, default: []].contains { other.entry.contains($0, at: d) }
                            && entry.followsTheCurve(of: other.entry, besides: d)
                    }) else { return nil }
                    return AtlasCopy(partition: outcome.partition, d: d, of: match.name)
                }.first
                if let original { copies.append(original) } else { kept.append(entry) }
            }
            let families = named(kept.map(\.family))
            earlier += zip(kept, families).map { ($0, $1.name) }
            spaces.append(AtlasSpace(partition: outcome.partition, searchedAt: outcome.searchedAt, families: families))
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
            return family.renamed(count == 1 ? base : "\(base) #\(count)")
        }
    }
}
