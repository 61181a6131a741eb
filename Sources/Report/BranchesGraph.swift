import Families
import Spurious

/// The bifurcation graph of a `spurious branches` run as JSON (`--graph FILE`): nodes are the
/// located transitions, branch points and folds and the ends of every sweep; edges are the
/// families and branches, each cut at its nodes into stretches with the index on each. A
/// branch's first node is the parent's transition where it is born (its own branch point there
/// is the same point, seen from the finer space); `born_at` names that node.
extension BranchesReport {
    public static func graph(_ result: BranchesResult) -> JSONValue {
        var builder = GraphBuilder()
        for family in result.families { builder.add(family, parent: nil, birth: nil) }
        return .object([("nodes", .array(builder.nodes)), ("edges", .array(builder.edges))])
    }
}

private struct GraphBuilder {
    var nodes: [JSONValue] = []
    var edges: [JSONValue] = []

    mutating func node(_ fields: [(String, JSONValue)]) -> String {
        let id = "n\(nodes.count + 1)"
        nodes.append(.object([("id", .string(id))] + fields))
        return id
    }

    /// Adds the edge of `family` (a family, or a branch of `parent` born at the node `birth`
    /// at d = `birthD`) and, recursively, the branches born on it.
    mutating func add(_ family: FamilyBifurcations, parent: String?, birth: (node: String, event: Int?)?) {
        let run = family.run, trace = run.trace
        guard let first = trace.points.first, let last = trace.points.last else { return }
        let edgeID = "e\(edges.count + 1)"
        // The nodes along the trace, in its order, each with its position in the trace.
        var along: [(position: Int, id: String)] = []
        along.append((0, node(end(first, stop: trace.lowerStop, family: trace.family.name))))
        var transitionNodes: [Int: String] = [:]
        for (number, event) in run.located.enumerated() {
            let position = event.sweepEvent.points.lowerBound
            if let birth, birth.event == number {
                along.append((position, birth.node))
                continue
            }
            let id = node([
                ("kind", .string(event.kind.rawValue)), ("family", .string(trace.family.name)),
                ("d", .string(Words.proved(event.d))), ("irrep", .string(event.irrep)),
            ])
            along.append((position, id))
            transitionNodes[number] = id
        }
        along.append((trace.points.count - 1, node(end(last, stop: trace.upperStop, family: trace.family.name))))
        along.sort { $0.position < $1.position }
        let stretches: [JSONValue] = zip(along, along.dropFirst()).map { from, to in
            // A point inside the stretch: an event lies between its bracket's first point (its
            // position) and the next.
            let index = trace.points[min(to.position, (from.position + 1 + to.position) / 2)].index
            return .object([
                ("from", .string(from.id)), ("to", .string(to.id)),
                ("d_from", .number(trace.points[from.position].d)), ("d_to", .number(trace.points[to.position].d)),
                ("index", .number(index)),
            ])
        }
        edges.append(.object([
            ("id", .string(edgeID)), ("name", .string(trace.family.name)),
            ("partition", .string(trace.family.partition.description)),
            ("isotropy", .string(BranchesReport.isotropy(trace.family.partition))),
            ("parent", parent.map(JSONValue.string) ?? .null),
            ("born_at", birth.map { .string($0.node) } ?? .null),
            ("stretches", .array(stretches)),
        ]))
        for transition in family.transitions {
            guard let node = transitionNodes[transition.eventNumber] else { continue }
            for outcome in transition.branches {
                guard case let .success(branch) = outcome.branch else { continue }
                add(branch.bifurcations, parent: edgeID, birth: (node, branch.birthEvent))
            }
        }
    }

    func end(_ point: FamilyPoint, stop: FamilyStop?, family: String) -> [(String, JSONValue)] {
        [
            ("kind", .string("end")), ("family", .string(family)), ("d", .number(point.d)), ("loss", .number(point.loss)),
            ("stop", stop.map { .string(Words.stop($0)) } ?? .null),
        ]
    }
}
