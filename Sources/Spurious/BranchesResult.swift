import Bifurcations
import Families
import LossModel
import MultiPrecision

/// What `spurious branches` finds: each family followed, and at each of its transitions the
/// branches of lower symmetry born there (docs/design.md section 4b), followed in their own
/// fixed spaces, with their own transitions analysed in turn down to the requested depth.
public struct BranchesResult: Sendable {
    public let families: [FamilyBifurcations]
    public let depth: Int

    public init(families: [FamilyBifurcations], depth: Int) {
        self.families = families
        self.depth = depth
    }
}

/// A family (or a branch, one level down) with the analysis of each of its transitions.
public struct FamilyBifurcations: Sendable {
    public let run: FamilyRun
    public let transitions: [TransitionBifurcation]

    public init(run: FamilyRun, transitions: [TransitionBifurcation]) {
        self.run = run
        self.transitions = transitions
    }
}

/// One transition of a family and the branches that cross it there, one per axial subgroup of
/// the crossing part (``AxialSubgroup``).
public struct TransitionBifurcation: Sendable {
    public let event: LocatedFamilyEvent
    /// The event's place in its run's ``FamilyRun/located``.
    public let eventNumber: Int
    public let branches: [BranchOutcome]

    public init(event: LocatedFamilyEvent, eventNumber: Int, branches: [BranchOutcome]) {
        self.event = event
        self.eventNumber = eventNumber
        self.branches = branches
    }
}

/// How the bifurcation equation t (a (d - d*) + q t + c t^2 + ...) = 0 on the kernel line
/// behaves (docs/design.md section 4b).
public enum BifurcationType: Sendable, Equatable {
    /// q != 0, proved: the branch crosses the family, existing on both sides of d*.
    case transcritical
    /// q = 0 because a symmetry normalizing the subgroup acts as -1 on the line (named): the
    /// branch exists on one side of d*.
    case pitchfork(symmetry: String)
    /// q is not proved nonzero and no symmetry forces it to 0: the digits do not decide.
    case undecided(String)
}

/// One branch at a transition: its kernel line, the coefficients of its bifurcation equation,
/// its type and side, and the branch followed, or why it could not be (nil: not asked to
/// follow it, as in `spurious transitions`).
public struct BranchOutcome: Sendable {
    public let subgroup: AxialSubgroup
    /// Nil when there is no kernel line in the subgroup's space (``BranchOutcome/branch`` says
    /// why).
    public let type: BifurcationType?
    public let coefficients: BifurcationCoefficients?
    /// Where the branch exists near d*: both sides for a transcritical bifurcation, one for a
    /// pitchfork (the sign of -a c); nil when the digits do not decide.
    public let side: BranchSide?
    public let branch: Result<BranchRun, BranchFailure>?

    public init(
        subgroup: AxialSubgroup, type: BifurcationType?, coefficients: BifurcationCoefficients?, side: BranchSide?,
        branch: Result<BranchRun, BranchFailure>?
    ) {
        self.subgroup = subgroup
        self.type = type
        self.coefficients = coefficients
        self.side = side
        self.branch = branch
    }
}

/// The side of d* on which a branch exists near it.
public enum BranchSide: String, Sendable {
    case both, below, above
}

/// The coefficients of the reduced bifurcation equation on the kernel line v (v^T M v = 1),
/// g = t (a (d - d*) + q t + c t^2): a = d(eigenvalue)/dd along the family, q the quadratic and
/// c the cubic coefficient (``BifurcationEquation``), each with its proved digits (two
/// precisions). For a pitchfork q is 0 by symmetry and c decides the side.
public struct BifurcationCoefficients: Sendable {
    public let slope: ProvedValue
    public let quadratic: ProvedValue
    public let cubic: ProvedValue

    public init(slope: ProvedValue, quadratic: ProvedValue, cubic: ProvedValue) {
        self.slope = slope
        self.quadratic = quadratic
        self.cubic = cubic
    }
}

/// Why a branch was not followed: which step failed.
public struct BranchFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// A branch followed from a first point off the family, in its own fixed space.
public struct BranchRun: Sendable {
    /// The branch as a family of the finer space, followed both ways, with its events located
    /// and its own transitions analysed (down to the requested depth).
    public let bifurcations: FamilyBifurcations
    /// The parent's transition d (as a Double, for matching the branch's events to it).
    public let bornAt: Double
    /// The first point: its amplitude t along the kernel line, its d, and the d the normal
    /// form predicted for it.
    public let amplitude: Double
    public let startD: Double
    public let predictedD: Double
    /// The branch's own event (in ``run``'s located events) where it meets its parent: a branch
    /// point of the finer space at d*; nil when the sweep did not locate one there.
    public let birthEvent: Int?
    /// The branch's index just below and just above d* (nil on a side where it does not
    /// exist near d*).
    public let indexBelow: Double?
    public let indexAbove: Double?
    /// How each end of the branch was reached, lower end first.
    public let ends: [BranchEnd]
    /// At each point of the branch's trace, the size of its symmetry-breaking component: the
    /// M-norm of its part M-orthogonal to the parent's space (0 on the parent).
    public let breaking: [Double]

    public init(
        bifurcations: FamilyBifurcations, bornAt: Double, amplitude: Double, startD: Double, predictedD: Double, birthEvent: Int?, indexBelow: Double?,
        indexAbove: Double?, ends: [BranchEnd], breaking: [Double]
    ) {
        self.bifurcations = bifurcations
        self.bornAt = bornAt
        self.amplitude = amplitude
        self.startD = startD
        self.predictedD = predictedD
        self.birthEvent = birthEvent
        self.indexBelow = indexBelow
        self.indexAbove = indexAbove
        self.ends = ends
        self.breaking = breaking
    }

    public var run: FamilyRun { bifurcations.run }

    /// The parts of the finer space that cross zero at d* along with the branch point: the
    /// family's crossing part seen in the finer space, located on the family and not again.
    public var parentCrossing: [String] {
        run.parentCrossing(at: bornAt)
    }
}

/// Where one end of a branch is.
public struct BranchEnd: Sendable {
    public let stop: FamilyStop?
    /// The last point's d and loss.
    public let d: Double
    public let loss: Double
    /// Set when the loss tends to 0 there: which global minimum the branch runs into.
    public let globalMinimum: ExactFit.Kind?

    public init(stop: FamilyStop?, d: Double, loss: Double, globalMinimum: ExactFit.Kind?) {
        self.stop = stop
        self.d = d
        self.loss = loss
        self.globalMinimum = globalMinimum
    }
}
