import Bifurcations
import Families
import LossModel
import MultiPrecision
import Spurious

/// What `spurious branches` prints: per family, each transition with the branches born there
/// (type, coefficients, where each exists and with which index, its events and ends), and the
/// creation/annihilation statement on each side of d* (docs/design.md section 4b); or the same
/// as JSON.
public enum BranchesReport {
    public static func table(_ result: BranchesResult) -> String {
        result.families.map { family(family: $0, indent: "") }.joined(separator: "\n")
    }

    static func family(family: FamilyBifurcations, indent: String) -> String {
        var out = indent + FollowReport.note(family.run) + "\n"
        let transitions = family.transitions
        if transitions.isEmpty, indent.isEmpty { out += indent + "  no transitions\n" }
        for transition in transitions {
            let event = transition.event
            out += indent + "  transition at d = \(Words.proved(event.d)) (\(event.irrep), multiplicity \(TransitionsReport.multiplicity(event))): \(Words.direction(event))\n"
            if transition.branches.isEmpty {
                out += indent + "    no axial subgroup of partition type for this part\n"
            }
            for outcome in transition.branches {
                out += branch(outcome, indent: indent + "    ")
            }
            if let statement = statement(transition) { out += indent + "    " + statement + "\n" }
        }
        return out
    }

    static func branch(_ outcome: BranchOutcome, indent: String) -> String {
        let subgroup = outcome.subgroup
        var out = indent + "\(subgroup.fine) (\(isotropy(subgroup.fine)); \(subgroup.split)): "
        out += outcome.type.map(typeWords) ?? "no analysis"
        if let c = outcome.coefficients {
            out += "; a = \(Words.proved(c.slope)), q = \(quadraticWords(outcome)), c = \(Words.proved(c.cubic))"
        }
        if let side = outcome.side { out += "; exists \(sideWords(side))" }
        out += "\n"
        switch outcome.branch {
        case nil:
            break
        case let .failure(failure)?:
            out += indent + "  not followed: \(failure)\n"
        case let .success(run)?:
            out += indent + "  switched at t = \(Words.plain(run.amplitude)) to d = \(short(run.startD)) (normal form: \(short(run.predictedD)))\n"
            out += indent + "  index near d*: \(run.indexBelow.map(Words.stability) ?? "none") below, \(run.indexAbove.map(Words.stability) ?? "none") above\n"
            for (side, end) in zip(["down", "up"], run.ends) {
                out += indent + "  \(side): \(endWords(end))\n"
            }
            for (number, event) in run.run.located.enumerated() {
                let birth = number == run.birthEvent ? ", where it meets the family" : ""
                out += indent + "  \(event.kind.rawValue) at d = \(Words.proved(event.d)) (\(event.irrep)\(birth)): \(Words.direction(event))\n"
            }
            if !run.parentCrossing.isEmpty {
                out += indent + "  also crossing at d*: \(run.parentCrossing.joined(separator: ", ")) (the family's crossing part seen in \(subgroup.fine), located on the family)\n"
            }
            let nested = run.bifurcations.transitions
            if !nested.isEmpty {
                out += family(family: FamilyBifurcations(run: run.run, transitions: nested), indent: indent + "  ")
                    .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            }
        }
        return out
    }

    /// "below d*: the family (a saddle of index 3.58551) and the branch in d-2,1,1 (a saddle of
    /// index 2.58551); above d*: ...": the critical points near the family on each side, from
    /// the sign checks.
    static func statement(_ transition: TransitionBifurcation) -> String? {
        guard let check = transition.event.signCheck else { return nil }
        func what(_ index: Double) -> String { index == 0 ? "a minimum" : "a saddle of index \(Words.index(index))" }
        func side(_ name: String, family index: Double, branch: (BranchRun) -> Double?) -> String {
            var items = ["the family (\(what(index)))"]
            for outcome in transition.branches {
                guard case let .success(run) = outcome.branch, let value = branch(run) else { continue }
                items.append("the branch in \(outcome.subgroup.fine) (\(what(value)))")
            }
            let list = items.count > 1 ? items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "") : items.joined()
            return "\(name) d*: " + list
        }
        return side("below", family: check.indexBelow, branch: \.indexBelow) + "; "
            + side("above", family: check.indexAbove, branch: \.indexAbove)
    }

    /// q's proved digits, or "0 (by symmetry)" for a pitchfork, whose computed q is rounding.
    static func quadraticWords(_ outcome: BranchOutcome) -> String {
        if case .pitchfork? = outcome.type { return "0 (by symmetry)" }
        return outcome.coefficients.map { Words.proved($0.quadratic) } ?? "undetermined"
    }

    static func typeWords(_ type: BifurcationType) -> String {
        switch type {
        case .transcritical: "transcritical"
        case let .pitchfork(symmetry): "pitchfork (q = 0: \(symmetry) reverses the kernel line)"
        case let .undecided(why): "type undecided (\(why))"
        }
    }

    static func sideWords(_ side: BranchSide) -> String {
        switch side {
        case .both: "on both sides of d*"
        case .below: "below d* only"
        case .above: "above d* only"
        }
    }

    static func endWords(_ end: BranchEnd) -> String {
        guard let stop = end.stop else {
            return "not followed: towards d* the branch returns to the family, and past it is its own mirror image under the symmetry (first point d = \(short(end.d)), loss \(end.loss.formatted(significantDigits: 4)))"
        }
        var text = Words.stop(stop) + "; last point d = \(short(end.d)), loss \(end.loss.formatted(significantDigits: 4))"
        if let fit = end.globalMinimum { text += ": the loss tends to 0, \(globalMinimumWords(fit))" }
        return text
    }

    static func globalMinimumWords(_ kind: ExactFit.Kind) -> String {
        switch kind {
        case .teacher: "a global minimum, every student row on a teacher row of its own"
        case let .zeroRows(blocks): "a global minimum with zero rows (blocks \(blocks.map(String.init).joined(separator: ", ")))"
        case .sharedTeacher: "a global minimum where several student rows share a teacher row"
        }
    }

    /// "S_{d-2} x S_1 x S_1": one symmetric group per block of the partition.
    static func isotropy(_ partition: Partition) -> String {
        partition.blocks.map { "S_{\($0.size)}" }.joined(separator: " x ")
    }

    static func short(_ x: Double) -> String { x.formatted(significantDigits: 8) }
}
