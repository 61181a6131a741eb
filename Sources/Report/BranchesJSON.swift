import Bifurcations
import Families
import LossModel
import MultiPrecision
import Spurious

/// `spurious branches --format json`: per family its range and transitions, each with
/// `bifurcation: {type, slope, branches: [...]}`; a branch carries its partition, isotropy,
/// split, type, coefficients, side, indices on each side of d*, events, ends and (one level
/// down) its own transitions. Proved values are strings, as everywhere.
extension BranchesReport {
    public static func json(_ result: BranchesResult) -> JSONValue {
        .object([
            ("depth", .number(Double(result.depth))),
            ("families", .array(result.families.map(familyJSON))),
        ])
    }

    static func familyJSON(_ family: FamilyBifurcations) -> JSONValue {
        let trace = family.run.trace
        let ds = trace.points.map(\.d)
        return .object([
            ("family", .string(trace.family.name)),
            ("partition", .string(trace.family.partition.description)),
            ("isotropy", .string(isotropy(trace.family.partition))),
            ("d_from", .number(ds.min() ?? 0)),
            ("d_to", .number(ds.max() ?? 0)),
            ("points", .number(Double(trace.points.count))),
            ("stop_down", trace.lowerStop.map { .string(Words.stop($0)) } ?? .null),
            ("stop_up", trace.upperStop.map { .string(Words.stop($0)) } ?? .null),
            ("transitions", .array(family.transitions.map(transitionJSON))),
        ])
    }

    static func transitionJSON(_ transition: TransitionBifurcation) -> JSONValue {
        let event = transition.event
        let types = Set(transition.branches.compactMap { $0.type.map(typeName) })
        return .object([
            ("d", .string(Words.proved(event.d))),
            ("irrep", .string(event.irrep)),
            ("multiplicity", .string(event.multiplicity.description)),
            ("index_below", event.signCheck.map { .number($0.indexBelow) } ?? .null),
            ("index_above", event.signCheck.map { .number($0.indexAbove) } ?? .null),
            ("bifurcation", .object([
                ("type", types.count == 1 ? .string(types.first ?? "") : types.isEmpty ? .null : .string("mixed")),
                ("slope", transition.branches.compactMap(\.coefficients).first.map { .string(Words.proved($0.slope)) } ?? .null),
                ("branches", .array(transition.branches.map(branchJSON))),
            ])),
            ("statement", statement(transition).map(JSONValue.string) ?? .null),
        ])
    }

    static func branchJSON(_ outcome: BranchOutcome) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("partition", .string(outcome.subgroup.fine.description)),
            ("isotropy", .string(isotropy(outcome.subgroup.fine))),
            ("split", .string(outcome.subgroup.split)),
            ("type", outcome.type.map { .string(typeName($0)) } ?? .null),
            ("symmetry", outcome.subgroup.oddSymmetry.map(JSONValue.string) ?? .null),
            ("coefficients", outcome.coefficients.map { c in
                .object([
                    ("a", .string(Words.proved(c.slope))),
                    ("q", .string(outcome.type.map { if case .pitchfork = $0 { "0" } else { Words.proved(c.quadratic) } } ?? Words.proved(c.quadratic))),
                    ("c", .string(Words.proved(c.cubic))),
                ])
            } ?? .null),
            ("side", outcome.side.map { .string($0.rawValue) } ?? .null),
        ]
        switch outcome.branch {
        case nil:
            break
        case let .failure(failure)?:
            fields.append(("failure", .string(failure.description)))
        case let .success(run)?:
            fields += [
                ("amplitude", .number(run.amplitude)),
                ("start_d", .number(run.startD)),
                ("predicted_d", .number(run.predictedD)),
                ("index_below", run.indexBelow.map(JSONValue.number) ?? .null),
                ("index_above", run.indexAbove.map(JSONValue.number) ?? .null),
                ("events", .array(run.run.located.map { event in
                    .object([
                        ("kind", .string(event.kind.rawValue)), ("d", .string(Words.proved(event.d))),
                        ("irrep", .string(event.irrep)),
                        ("index_below", event.signCheck.map { .number($0.indexBelow) } ?? .null),
                        ("index_above", event.signCheck.map { .number($0.indexAbove) } ?? .null),
                    ])
                })),
                ("parent_crossing_parts", .array(run.parentCrossing.map(JSONValue.string))),
                ("ends", .array(zip(["down", "up"], run.ends).map { side, end in
                    .object([
                        ("side", .string(side)), ("followed", .bool(end.stop != nil)), ("d", .number(end.d)), ("loss", .number(end.loss)),
                        ("stop", end.stop.map { .string(Words.stop($0)) } ?? .null),
                        ("global_minimum", end.globalMinimum.map { .string(globalMinimumWords($0)) } ?? .null),
                    ])
                })),
                ("transitions", .array(run.bifurcations.transitions.map(transitionJSON))),
            ]
        }
        return .object(fields)
    }

    static func typeName(_ type: BifurcationType) -> String {
        switch type {
        case .transcritical: "transcritical"
        case .pitchfork: "pitchfork"
        case .undecided: "undecided"
        }
    }
}
