import LossModel

/// One of `count` disjoint parts of an atlas's work (`spurious atlas --shard index/count`):
/// with the request's fixed spaces ranked by their number of variables (largest first, ties in
/// the request's order), the spaces of ranks index - 1, index - 1 + count, ..., so that every
/// part gets a share of the large spaces, which cost the most. A whole fixed
/// space is the unit, ladder and all, because its ladder points depend on each other: a
/// family found at one d absorbs the finds at the others, which are then not followed again
/// (following and locating are most of the cost; docs/design.md section 10).
public struct AtlasShard: Sendable, Codable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Nil unless 1 <= index <= count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Every space in one part.
    public static let whole = AtlasShard(index: 1, count: 1)!

    /// The positions of this shard's spaces in `spaces`, ascending.
    func positions(in spaces: [Partition]) -> [Int] {
        let ranked = largestFirst(spaces)
        return stride(from: index - 1, to: ranked.count, by: count).map { ranked[$0] }.sorted()
    }

    func spaces(of spaces: [Partition]) -> [Partition] { positions(in: spaces).map { spaces[$0] } }

    public var description: String { "\(index)/\(count)" }
}

/// A shard's part of an atlas: the request it belongs to and the outcomes of its spaces, as a
/// value that goes to a file and back unchanged (every number exact), so that the parts of all
/// shards merge into exactly the result of one run (``AtlasJob/merge(_:)``).
public struct AtlasPart: Sendable, Codable {
    public let request: AtlasRequest
    public let shard: AtlasShard
    let outcomes: [AtlasSurvey.Outcome]

    init(request: AtlasRequest, shard: AtlasShard, outcomes: [AtlasSurvey.Outcome]) {
        self.request = request
        self.shard = shard
        self.outcomes = outcomes
    }

    /// The fixed spaces this part surveyed.
    public var spaces: [Partition] { outcomes.map(\.partition) }

    /// The request the parts share and every space's outcome in the request's order; throws
    /// unless the parts are exactly the shards 1...N of one request, each once.
    static func outcomes(of parts: [AtlasPart]) throws -> (AtlasRequest, [AtlasSurvey.Outcome]) {
        guard let first = parts.first else { throw AtlasMergeError.noParts }
        for part in parts where !part.request.describesTheSameWork(as: first.request) {
            throw AtlasMergeError.differentRequests(first.shard, part.shard)
        }
        let count = first.shard.count
        if let other = parts.first(where: { $0.shard.count != count }) {
            throw AtlasMergeError.differentShardCounts(first.shard, other.shard)
        }
        var byIndex: [Int: AtlasPart] = [:]
        for part in parts {
            guard byIndex[part.shard.index] == nil else { throw AtlasMergeError.duplicateShard(part.shard) }
            byIndex[part.shard.index] = part
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw AtlasMergeError.missingShards(missing, of: count) }
        let spaces = first.request.spaces
        var outcomes = [AtlasSurvey.Outcome?](repeating: nil, count: spaces.count)
        for part in byIndex.values {
            let positions = part.shard.positions(in: spaces)
            guard positions.count == part.outcomes.count,
                  zip(positions, part.outcomes).allSatisfy({ spaces[$0] == $1.partition })
            else { throw AtlasMergeError.incompletePart(part.shard) }
            for (position, outcome) in zip(positions, part.outcomes) { outcomes[position] = outcome }
        }
        return (first.request, outcomes.compactMap { $0 })
    }
}

/// Why partial atlas results do not merge, and what to do.
public enum AtlasMergeError: Error, Equatable, CustomStringConvertible {
    case noParts
    case differentRequests(AtlasShard, AtlasShard)
    case differentShardCounts(AtlasShard, AtlasShard)
    case duplicateShard(AtlasShard)
    case missingShards([Int], of: Int)
    case incompletePart(AtlasShard)

    public var description: String {
        switch self {
        case .noParts:
            return "no partial results to merge: give the files written by `spurious atlas --shard I/N --part FILE`"
        case let .differentRequests(a, b):
            return "shards \(a) and \(b) belong to different atlases (their spaces, ladder, --max-k, --digits, --starts or --rng-seed differ): merge the parts of one command line only"
        case let .differentShardCounts(a, b):
            return "shard \(a) and shard \(b) split the work differently: merge the parts of one --shard I/N series"
        case let .duplicateShard(shard):
            return "shard \(shard) is given twice: give each part once"
        case let .missingShards(missing, count):
            return "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing: run `spurious atlas --shard I/\(count) --part FILE` for \(missing.count == 1 ? "it" : "them") and merge all \(count) parts"
        case let .incompletePart(shard):
            return "shard \(shard) does not hold the spaces its number stands for: the file was altered or comes from another version; compute it again"
        }
    }
}
