import ArgumentParser
import LossModel
import Report

/// `spurious formula`: prints the closed form of the reduced loss of a partition (or its exact
/// gradient, or its Hessian) for a computer algebra system, as plain text, LaTeX or a SymPy
/// snippet. The printed formula is the one the tool computes with (``ReducedLoss``).
struct Formula: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the closed form of the reduced loss, its gradient or its Hessian, for a computer algebra system.",
        discussion: """
            The loss restricted to the fixed-point space of a partition-type symmetry group is an \
            explicit function of the fixed-space variables (D<a>, O<a>, C<a>_<b>) and of the \
            dimension d. This prints it as named intermediate definitions (N<a>: squared norm of \
            a row of block a; P<a>, P<a>_<b>: inner products of rows; per kernel term t: \
            s<t> = sqrt(A B - p^2), theta<t> = acos(p/sqrt(A B)), g<t> and its partial \
            derivatives gA<t>, gp<t>, ...) followed by the loss L, its gradient dL/dx, or the \
            upper triangle of its Hessian d2L/dxdy. Counts of rows and entries are polynomials \
            in d, so the formula holds for real d.

            With --format sympy the output is Python: exec() it, then evaluate with \
            float(L.subs({d: 10, D0: 1.0, ...})), or use grad or hessian.

            Example:
              spurious formula --partition d-1,1
              # reduced loss L of partition d-1,1 (k = d); variables D0, O0, C0_1, C1_0, D1
              N0 = D0^2 + (d - 2)*O0^2 + C0_1^2
              N1 = (d - 1)*C1_0^2 + D1^2
              P0 = 2*D0*O0 + (d - 3)*O0^2 + C0_1^2
              P0_1 = C1_0*D0 + (d - 2)*C1_0*O0 + C0_1*D1
              s0 = sqrt(N0^2 - P0^2)
              theta0 = acos(P0/N0)
              g0 = (s0 + P0*(pi - theta0))/(2*pi)
              ...
              L = d/4 + (d - 1)*D0^2/4 + ... + (d - 1)*(d - 2)*g0/2 + (d - 1)*g1 - ... - g6

              spurious formula --partition d-2,2 --what gradient --format sympy > grad.py
            """
    )

    @OptionGroup var repeated: RepeatedOptions

    @Option(
        help: ArgumentHelp(
            "The partition: comma-separated block sizes (d, d-N, d+N or N), suffix r for rows only, c for columns only; e.g. d-1,1 or d-1,1,1r.",
            valueName: "partition"),
        transform: ArgumentParsing.partition)
    var partition: Partition

    @Option(help: "What to print: loss, gradient (one entry per variable) or hessian (upper triangle).")
    var what: Quantity = .loss

    @Option(help: "Output format: text (name = expression lines), latex (an align* block) or sympy (a Python snippet).")
    var format: OutputFormat = .text

    enum Quantity: String, CaseIterable, ExpressibleByArgument {
        case loss, gradient, hessian

        var kind: LossModel.Formula.Kind {
            switch self {
            case .loss: return .loss
            case .gradient: return .gradient
            case .hessian: return .hessian
            }
        }
    }

    enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
        case text, latex, sympy

        var style: LossModel.Formula.Style {
            switch self {
            case .text: return .text
            case .latex: return .latex
            case .sympy: return .sympy
            }
        }
    }

    func run() throws {
        let loss = ReducedLoss(FixedSpace(partition))
        try StandardOutput.write(loss.formula(what.kind).rendered(format.style))
    }
}
