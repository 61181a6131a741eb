import Continuation
import Families
import MultiPrecision
import Spurious

/// The words of the reports: why a sweep stopped, which way an event turns, what an index is.
enum Words {
    /// Why one direction of a family's sweep stopped, in the words of the problem rather than
    /// of the engine.
    static func stop(_ stop: FamilyStop) -> String {
        func d(_ value: Double) -> String { value.formatted(significantDigits: 8) }
        switch stop {
        case let .reachedRangeEnd(bound):
            return "reached d = \(d(bound))"
        case let .leftDefinedRange(parameter):
            return "reached the end of the range where every isotypic part is defined (near d = \(d(parameter)))"
        case let .evaluationFailed(parameter, error):
            return "stopped near d = \(d(parameter)): \(error)"
        case let .engine(.stepTooSmall(.singularSystem(parameter))) where parameter > 1e3:
            return "stopped near d = \(d(parameter)): the Jacobian is singular to Double precision there (at large d the reduced gradient is a difference of terms of size d^2); `spurious series` follows a family to larger d in MPFR"
        case let .engine(reason):
            return "stopped: \(reason)"
        }
    }

    /// "saddle (index 3.58551) -> minimum" as d increases through a transition; for a fold,
    /// which side the family lives on.
    static func direction(_ event: LocatedFamilyEvent) -> String {
        direction(indexBelow: event.signCheck?.indexBelow, indexAbove: event.signCheck?.indexAbove, foldSide: event.foldSide)
    }

    /// The same from the indices either side of the event (when its sign check succeeded) and a
    /// fold's side.
    static func direction(indexBelow: Double?, indexAbove: Double?, foldSide: LocatedFamilyEvent.FoldSide?) -> String {
        if let indexBelow, let indexAbove {
            return "\(stability(index: indexBelow)) -> \(stability(index: indexAbove))"
        }
        switch foldSide {
        case .smallerD?: return "fold: the family turns back towards smaller d"
        case .largerD?: return "fold: the family turns back towards larger d"
        case nil: return "undetermined: the crossing eigenvalue's sign change was not confirmed at any digit"
        }
    }

    /// "minimum", or "saddle (index 3.58551)".
    static func stability(index: Double) -> String {
        index == 0 ? "minimum" : "saddle (index \(Words.index(index)))"
    }

    /// An index, a sum of multiplicities at d: "1" when it is a whole number (to rounding in
    /// the multiplicities' evaluation at a fractional d), else six digits ("3.58551").
    static func index(_ value: Double) -> String {
        let whole = value.rounded()
        return abs(value - whole) <= 1e-9 * max(1, abs(value)) && abs(whole) < 1e15 ? String(Int(whole)) : value.formatted(significantDigits: 6)
    }

    /// The branches a transition creates, for the `transitions` table: "transcritical: d-2,1,1,
    /// d-3,2,1", "pitchfork (above): d-2,1,1", "none" for a transition whose part has no axial
    /// subgroup of partition type, "" for a fold or a branch point.
    static func branches(_ outcomes: [BranchOutcome]) -> String {
        var groups: [(kind: String, partitions: [String])] = []
        for outcome in outcomes {
            let kind: String
            switch outcome.type {
            case .transcritical?: kind = "transcritical"
            case .pitchfork?: kind = "pitchfork" + (outcome.side.map { " (\($0.rawValue))" } ?? "")
            case .undecided?: kind = "type undecided"
            case nil: kind = "no kernel line"
            }
            if let index = groups.firstIndex(where: { $0.kind == kind }) {
                groups[index].partitions.append(outcome.subgroup.fine.description)
            } else {
                groups.append((kind, [outcome.subgroup.fine.description]))
            }
        }
        return groups.map { "\($0.kind): \($0.partitions.joined(separator: " "))" }.joined(separator: "; ")
    }

    /// A proved value's digits, or "undetermined" when none is proved.
    static func proved(_ value: ProvedValue) -> String { value.decimal ?? "undetermined" }

    /// "10" for an integer, else the shortest text that reads back exactly ("5.5").
    static func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
}
