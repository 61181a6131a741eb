import Continuation
import Families
import MultiPrecision

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
        if let check = event.signCheck {
            return "\(stability(index: check.indexBelow)) -> \(stability(index: check.indexAbove))"
        }
        switch event.foldSide {
        case .smallerD?: return "fold: the family turns back towards smaller d"
        case .largerD?: return "fold: the family turns back towards larger d"
        case nil: return "undetermined: the crossing eigenvalue's sign change was not confirmed at any digit"
        }
    }

    /// "minimum", or "saddle (index 3.58551)".
    static func stability(index: Double) -> String {
        index == 0 ? "minimum" : "saddle (index \(index.formatted(significantDigits: 6)))"
    }

    /// A proved value's digits, or "undetermined" when none is proved.
    static func proved(_ value: ProvedValue) -> String { value.decimal ?? "undetermined" }

    /// "10" for an integer, else the shortest text that reads back exactly ("5.5").
    static func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
}
