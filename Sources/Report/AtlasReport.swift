import Families
import LossModel
import MultiPrecision
import Spurious

/// The atlas (`spurious atlas`, issue 14) as a terminal summary, the m-flipped table, the two
/// CSV files (`data/atlas.csv`: one row per family and event; `data/atlas-minima.csv`: one row
/// per family and integer k where it is a spurious minimum) and JSON. Everything is in the
/// result's order, so the same result always gives the same bytes.
public struct AtlasReport: Sendable {
    public let result: AtlasResult

    public init(_ result: AtlasResult) {
        self.result = result
    }

    /// The summary (families by isotropy, then d*), every event, the m-flipped table and the
    /// notes: why each family's sweep stopped, the spaces without a family, the copies.
    public func table() -> String {
        let families = result.families
        var out = "atlas: \(result.spaces.count) fixed spaces, ladder d = \(result.request.ladder.map(String.init).joined(separator: ", ")), "
            + "k = \(AtlasRequest.smallestK)...\(result.request.maxK), \(result.request.digits) digits; \(families.count) families\n\n"
        guard !families.isEmpty else { return out + notes() }
        var summary = TextTable(
            headers: ["#", "family", "k", "found at d", "followed d", "d*", "events", "minimum at k", "loss at lowest k"],
            alignments: [.right, .left, .left, .left, .left, .left, .left, .left, .left])
        for (number, family) in families.enumerated() {
            summary.append([
                String(number + 1), family.name, family.partition.k.description,
                family.foundAt.map(String.init).joined(separator: ","), AtlasReport.range(family), AtlasReport.onset(family),
                AtlasReport.eventCounts(family), AtlasReport.ranges(family.minima.map(\.k)),
                family.minima.first.map { Words.proved($0.loss) } ?? "-",
            ])
        }
        out += summary.rendered()
        let events = families.flatMap { family in family.events.map { (family, $0) } }
        if !events.isEmpty {
            var table = TextTable(
                headers: ["#", "family", "kind", "d", "irrep", "direction", "verified"],
                alignments: [.right, .left, .left, .left, .left, .left, .left])
            for (number, (family, event)) in events.enumerated() {
                table.append([
                    String(number + 1), family.name, event.kind.rawValue, AtlasReport.d(event), AtlasReport.irrep(event),
                    AtlasReport.direction(event), event.location?.verified == true ? "yes" : "no",
                ])
            }
            out += "\n" + table.rendered()
        }
        let flipped = result.mFlipped
        if !flipped.isEmpty {
            var table = TextTable(headers: ["m", "family", "d*", "minimum at k"], alignments: [.right, .left, .left, .left])
            for item in flipped {
                table.append([String(item.m), item.family.name, AtlasReport.onset(item.family), AtlasReport.ranges(item.family.minima.map(\.k))])
            }
            out += "\nm-flipped families of d-m,m:\n" + table.rendered()
        }
        return out + "\n" + notes()
    }

    /// Why each family stopped, the spaces with no family, and the copies left out.
    func notes() -> String {
        var lines: [String] = []
        for family in result.families {
            if let followed = family.followed { lines.append(FollowReport.note(family, followed)) }
            if let failure = family.failure { lines.append("\(family.name): could not be followed: \(failure)") }
        }
        let empty = result.spaces.filter { $0.families.isEmpty && !$0.searchedAt.isEmpty }.map(\.partition.description)
        if !empty.isEmpty {
            lines.append("no family of spurious minima of exactly their isotropy on the ladder: " + empty.joined(separator: " "))
        }
        let unsearched = result.spaces.filter(\.searchedAt.isEmpty).map(\.partition.description)
        if !unsearched.isEmpty {
            lines.append("not searched (the spectrum is not defined at any ladder d): " + unsearched.joined(separator: " "))
        }
        // One line per space and original: the ladder d at which its copies were found.
        var groups: [(partition: String, of: String, ds: [Int])] = []
        for copy in result.copies {
            if let index = groups.firstIndex(where: { $0.partition == copy.partition.description && $0.of == copy.of }) {
                groups[index].ds.append(copy.d)
            } else {
                groups.append((copy.partition.description, copy.of, [copy.d]))
            }
        }
        for group in groups {
            let ds = Array(Set(group.ds)).sorted().map(String.init).joined(separator: ", ")
            lines.append("\(group.partition): the minima found at d = \(ds) are copies of \(group.of) under a symmetry of the problem (the same network with its neurons relabelled), not listed again")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `data/atlas.csv`: one row per family and event, and one row with empty event fields for
    /// a family without events.
    public func csv() -> String {
        var table = CSVTable(headers: [
            "family", "partition", "k", "found_at", "followed_from", "followed_to", "d_star", "kind", "d", "digits", "loss",
            "irrep", "multiplicity", "direction", "verified",
        ])
        for family in result.families {
            let head = [
                family.name, family.partition.description, family.partition.k.description,
                family.foundAt.map(String.init).joined(separator: ";"), family.followed.map { CSVTable.number($0.from) } ?? "",
                family.followed.map { CSVTable.number($0.to) } ?? "", family.onset.map(AtlasReport.d) ?? "",
            ]
            if family.events.isEmpty { table.append(head + Array(repeating: "", count: 8)) }
            for event in family.events {
                let location = event.location
                table.append(head + [
                    event.kind.rawValue, AtlasReport.d(event), location.map { String($0.digits) } ?? "",
                    location.map { Words.proved($0.loss) } ?? "", AtlasReport.irrep(event),
                    location?.multiplicity.description ?? "", AtlasReport.direction(event), location?.verified == true ? "true" : "false",
                ])
            }
        }
        return table.rendered()
    }

    /// `data/atlas-minima.csv`: one row per family and integer k where it is a spurious minimum.
    public func minimaCSV() -> String {
        var table = CSVTable(headers: ["family", "partition", "k", "loss", "min_eigenvalue", "index"])
        for family in result.families {
            for row in family.minima {
                table.append([
                    family.name, family.partition.description, String(row.k), Words.proved(row.loss),
                    Words.proved(row.minEigenvalue), CSVTable.number(row.index),
                ])
            }
        }
        return table.rendered()
    }

    /// `{request, families: [{name, partition, k, found_at, followed, d_star, minimum_at_lower_end, fold_at_lower_end,
    /// failure, events, minima}], m_flipped: [{m, family, d_star}], empty_spaces, copies}`;
    /// proved values are strings.
    public func json() -> JSONValue {
        let request = result.request
        return .object([
            ("request", .object([
                ("spaces", .array(request.spaces.map { .string($0.description) })),
                ("ladder", .array(request.ladder.map { .number(Double($0)) })),
                ("max_k", .number(Double(request.maxK))),
                ("digits", .number(Double(request.digits))),
                ("starts", .number(Double(request.starts))),
                ("rng_seed", .string(String(request.rngSeed))),
            ])),
            ("families", .array(result.families.map(AtlasReport.json))),
            ("m_flipped", .array(result.mFlipped.map { item in
                .object([
                    ("m", .number(Double(item.m))), ("family", .string(item.family.name)),
                    ("d_star", item.family.onset.map { .string(AtlasReport.d($0)) } ?? .null),
                ])
            })),
            ("empty_spaces", .array(result.spaces.filter(\.families.isEmpty).map { .string($0.partition.description) })),
            ("copies", .array(result.copies.map { copy in
                .object([("partition", .string(copy.partition.description)), ("d", .number(Double(copy.d))), ("of", .string(copy.of))])
            })),
        ])
    }

    static func json(_ family: AtlasFamily) -> JSONValue {
        let followed = family.followed
        return .object([
            ("name", .string(family.name)),
            ("partition", .string(family.partition.description)),
            ("k", .string(family.partition.k.description)),
            ("found_at", .array(family.foundAt.map { .number(Double($0)) })),
            ("followed", .object([
                ("from", followed.map { .number($0.from) } ?? .null), ("to", followed.map { .number($0.to) } ?? .null),
                ("lower_stop", followed?.lowerStop.map { .string(Words.stop($0)) } ?? .null),
                ("upper_stop", followed?.upperStop.map { .string(Words.stop($0)) } ?? .null),
            ])),
            ("d_star", family.onset.map { .string(AtlasReport.d($0)) } ?? .null),
            ("minimum_at_lower_end", .bool(family.isMinimumAtLowerEnd)),
            ("fold_at_lower_end", family.foldAtLowerEnd.map { .string(AtlasReport.d($0)) } ?? .null),
            ("failure", family.failure.map { .string($0.description) } ?? .null),
            ("events", .array(family.events.map { event in
                guard let location = event.location else {
                    return .object([
                        ("kind", .string(event.kind.rawValue)), ("near_d", .number(event.nearD)), ("event", .string(event.name)),
                        ("failure", .string(event.failure?.description ?? "")),
                    ])
                }
                return .object([
                    ("kind", .string(event.kind.rawValue)), ("d", .string(Words.proved(location.d))),
                    ("digits", .number(Double(location.digits))), ("loss", .string(Words.proved(location.loss))),
                    ("irrep", .string(location.irrep)), ("multiplicity", .string(location.multiplicity.description)),
                    ("direction", .string(AtlasReport.direction(event))), ("verified", .bool(location.verified)),
                ])
            })),
            ("minima", .array(family.minima.map { row in
                .object([
                    ("k", .number(Double(row.k))), ("loss", .string(Words.proved(row.loss))),
                    ("min_eigenvalue", .string(Words.proved(row.minEigenvalue))), ("index", .number(row.index)),
                ])
            })),
        ])
    }

    /// "4.0000000..40.000000": the d range followed.
    static func range(_ family: AtlasFamily) -> String {
        guard let followed = family.followed else { return "-" }
        return "\(followed.from.formatted(significantDigits: 6))..\(followed.to.formatted(significantDigits: 6))"
    }

    /// A located event's d with every proved digit; for one that could not be located, the
    /// sweep's estimate, said so.
    static func d(_ event: AtlasEvent) -> String {
        event.location.map { Words.proved($0.d) } ?? "not located (near \(event.nearD.formatted(significantDigits: 6)))"
    }

    /// The part whose eigenvalue vanishes, or for an event not located, the sweep's name of it.
    static func irrep(_ event: AtlasEvent) -> String { event.location?.irrep ?? event.name }

    /// How the stability changes, or why the event could not be located.
    static func direction(_ event: AtlasEvent) -> String {
        guard let location = event.location else { return "location failed: \(event.failure?.description ?? "")" }
        return Words.direction(indexBelow: location.indexBelow, indexAbove: location.indexAbove, foldSide: location.foldSide)
    }

    /// d* with every proved digit, or that the family stays a minimum.
    static func onset(_ family: AtlasFamily) -> String {
        if let onset = family.onset { return d(onset) }
        if let fold = family.foldAtLowerEnd { return "none: begins at its fold, d = \(d(fold))" }
        if family.isMinimumAtLowerEnd { return "none: a minimum down to the end of its sweep" }
        return "-"
    }

    /// "2 transitions, 1 fold".
    static func eventCounts(_ family: AtlasFamily) -> String {
        let kinds: [(LocatedFamilyEvent.Kind, String)] = [(.transition, "transition"), (.fold, "fold"), (.branchPoint, "branch point")]
        let parts = kinds.compactMap { kind, word -> String? in
            let count = family.events.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(word)\(count == 1 ? "" : "s")"
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// "6-12,15,20-40": sorted integers as runs.
    static func ranges(_ values: [Int]) -> String {
        let sorted = Array(Set(values)).sorted()
        guard var low = sorted.first else { return "-" }
        var high = low
        var runs: [String] = []
        for value in sorted.dropFirst() {
            if value == high + 1 { high = value; continue }
            runs.append(low == high ? "\(low)" : "\(low)-\(high)")
            (low, high) = (value, value)
        }
        runs.append(low == high ? "\(low)" : "\(low)-\(high)")
        return runs.joined(separator: ",")
    }
}
