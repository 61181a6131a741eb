import Bifurcations
import Families
import LossModel
import MultiPrecision

/// The symmetry-breaking analysis of one transition for one axial subgroup (docs/design.md
/// section 4b), without following the branch: the kernel line in the subgroup's fixed space,
/// the bifurcation equation's coefficients with proved digits (computed from the located
/// transition at its working and at its check precision), the type, and the side.
struct TransitionAnalysis {
    let subgroup: AxialSubgroup
    /// At the check precision.
    let kernel: BranchKernel<ReducedGradient, BigFloat>
    let equation: BifurcationEquation<BigFloat>
    let coefficients: BifurcationCoefficients
    let type: BifurcationType
    let side: BranchSide?

    /// The kernel's eigenvalue at a located transition is of the size of the location's error
    /// in d, far below 10^-digits; every other eigenvalue must exceed the square root of this.
    static func kernelTolerance(digits: Int, precision: Int) -> BigFloat {
        BigFloat.powerOfTen(-max(4, digits / 2), precision: precision)
    }

    static func analyse(_ subgroup: AxialSubgroup, at event: LocatedFamilyEvent, digits: Int) -> Result<TransitionAnalysis, BranchFailure> {
        let points: [(x: [BigFloat], d: BigFloat)]
        do {
            points = try precisions(of: event, digits: digits)
        } catch {
            return .failure(error)
        }
        return combined(subgroup, pieces: points.map { piece(subgroup, at: $0, digits: digits) }, digits: digits)
    }

    /// The kernel line and the bifurcation equation at one precision's point of the transition:
    /// the working and the check precision's pieces are independent (and may run in parallel)
    /// until ``combined(_:pieces:digits:)`` compares them.
    typealias Piece = Result<(kernel: BranchKernel<ReducedGradient, BigFloat>, equation: BifurcationEquation<BigFloat>), BranchFailure>

    static func piece(_ subgroup: AxialSubgroup, at point: (x: [BigFloat], d: BigFloat), digits: Int) -> Piece {
        let (x, d) = point
        let system = ReducedGradient(ReducedLoss(FixedSpace(subgroup.fine)))
        do {
            let kernel = try BranchKernel(
                system: system, point: subgroup.embedding.map { x[$0] }, d: d, embedding: subgroup.embedding,
                tolerance: kernelTolerance(digits: digits, precision: d.precision), space: subgroup.fine.description)
            return .success((kernel, try BifurcationEquation(kernel)))
        } catch let failure as BranchKernel<ReducedGradient, BigFloat>.Failure {
            return .failure(BranchFailure("no kernel line at \(d.precision) bits: \(failure)"))
        } catch {
            return .failure(BranchFailure("the bifurcation equation at \(d.precision) bits: \(error)"))
        }
    }

    /// The analysis from the working and the check precision's pieces, in that order: the first
    /// failure, or the coefficients' agreeing digits, the type and the side.
    static func combined(_ subgroup: AxialSubgroup, pieces: [Piece], digits: Int) -> Result<TransitionAnalysis, BranchFailure> {
        var kernels: [BranchKernel<ReducedGradient, BigFloat>] = []
        var equations: [BifurcationEquation<BigFloat>] = []
        for piece in pieces {
            switch piece {
            case let .success((kernel, equation)):
                kernels.append(kernel)
                equations.append(equation)
            case let .failure(failure):
                return .failure(failure)
            }
        }
        guard let kernel = kernels.last, let equation = equations.last, let working = equations.first, let first = kernels.first else {
            return .failure(BranchFailure("the transition has no located point"))
        }
        let coefficients = BifurcationCoefficients(
            slope: ProvedValue(working.slope, check: equation.slope, upTo: digits),
            quadratic: ProvedValue(working.quadratic, check: equation.quadratic, upTo: digits),
            cubic: ProvedValue(working.cubic, check: equation.cubic, upTo: digits))
        let type: BifurcationType
        if let symmetry = subgroup.oddSymmetry {
            type = .pitchfork(symmetry: symmetry)
        } else if coefficients.quadratic.isDetermined {
            type = .transcritical
        } else {
            type = .undecided("the quadratic coefficient has no digit that agrees at \(first.d.precision) and \(kernel.d.precision) bits, and no symmetry forces it to 0")
        }
        let side: BranchSide?
        switch type {
        case .transcritical: side = .both
        case .pitchfork:
            // lambda = -c t^2 / a: the sign of -a c, when both are proved.
            if coefficients.slope.isDetermined, coefficients.cubic.isDetermined {
                side = coefficients.slope.value.signum * coefficients.cubic.value.signum < 0 ? .above : .below
            } else {
                side = nil
            }
        case .undecided: side = nil
        }
        return .success(TransitionAnalysis(
            subgroup: subgroup, kernel: kernel, equation: equation, coefficients: coefficients, type: type, side: side))
    }

    /// The transition's point at its working and its check precision, from the evidence of its
    /// proved coordinates and d.
    /// The transition's point at its working and at its check precision, for coefficients
    /// proved to `digits`: a point located to more digits is rounded to the precisions a
    /// location to `digits` would have (``PrecisionPolicy/location(digits:)`` and twice that),
    /// at which the pieces cost what `digits` needs.
    static func precisions(of event: LocatedFamilyEvent, digits: Int) throws(BranchFailure) -> [(x: [BigFloat], d: BigFloat)] {
        guard case let .recomputation(dWorking, dCheck) = event.d.evidence else {
            throw BranchFailure("the transition's d was not located at two precisions")
        }
        var working: [BigFloat] = [], check: [BigFloat] = []
        for coordinate in event.coordinates {
            guard case let .recomputation(low, high) = coordinate.evidence else {
                throw BranchFailure("the transition's point was not located at two precisions")
            }
            working.append(low)
            check.append(high)
        }
        return precisions(working: (working, dWorking), check: (check, dCheck), digits: digits)
    }

    /// The point at the working and the check precision (each at least that precision) rounded to
    /// the precisions of a location to `digits` digits, as ``precisions(of:digits:)`` rounds it.
    static func precisions(
        working: (x: [BigFloat], d: BigFloat), check: (x: [BigFloat], d: BigFloat), digits: Int
    ) -> [(x: [BigFloat], d: BigFloat)] {
        let workingBits = min(working.d.precision, PrecisionPolicy.location(digits: digits))
        let checkBits = min(check.d.precision, PrecisionPolicy.check(workingBits))
        return [
            (working.x.map { $0.rounded(toPrecision: workingBits) }, working.d.rounded(toPrecision: workingBits)),
            (check.x.map { $0.rounded(toPrecision: checkBits) }, check.d.rounded(toPrecision: checkBits)),
        ]
    }

    func outcome(branch: Result<BranchRun, BranchFailure>?) -> BranchOutcome {
        BranchOutcome(subgroup: subgroup, type: type, coefficients: coefficients, side: side, branch: branch)
    }

    var isPitchfork: Bool {
        if case .pitchfork = type { return true }
        return false
    }

    /// The normal form's prediction at amplitude t, corrected by Newton's method in the finer
    /// space at the check precision.
    func firstPoint(amplitude: Double) throws -> BranchSwitch.Point<BigFloat> {
        try BranchSwitch.point(
            on: kernel, equation: equation, pitchfork: isPitchfork, amplitude: BigFloat(amplitude, precision: kernel.d.precision))
    }
}
