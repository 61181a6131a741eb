import XCTest

/// `spurious formula`, run as a user runs it. The formulas' values are checked against the
/// brute-force model in LossModelTests/FormulaTests; this checks the command's shapes and errors.
final class FormulaCommandTests: XCTestCase {
    func testDefaultIsTheLossAsText() throws {
        let run = try CommandLineRun.spurious("formula", "--partition", "d-1,1")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardError, "")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "# reduced loss L of partition d-1,1 (k = d); variables D0, O0, C0_1, C1_0, D1")
        XCTAssertTrue(lines.contains("N0 = D0^2 + (d - 2)*O0^2 + C0_1^2"), run.standardOutput)
        XCTAssertTrue(lines.contains("s1 = sqrt(N0*N1 - P0_1^2)"), run.standardOutput)
        XCTAssertTrue(lines.last?.hasPrefix("L = ") == true, run.standardOutput)
    }

    func testGradientAndHessianHaveOneLinePerEntry() throws {
        let gradient = try CommandLineRun.spurious("formula", "--partition", "d-2,2", "--what", "gradient")
        XCTAssertEqual(gradient.status, 0, gradient.standardError)
        XCTAssertEqual(gradient.standardOutput.split(separator: "\n").filter { $0.hasPrefix("dL/d") }.count, 6)
        let hessian = try CommandLineRun.spurious("formula", "--partition", "d-1,1,1r", "--what", "hessian")
        XCTAssertEqual(hessian.status, 0, hessian.standardError)
        XCTAssertTrue(hessian.standardOutput.hasPrefix("# Hessian (upper triangle) of the reduced loss L of partition d-1,1,1r (k = d+1)"))
        // d-1,1,1r has 7 variables (D0 O0 C0_1 C1_0 D1 C2_0 C2_1): 28 entries on and above the diagonal.
        XCTAssertEqual(hessian.standardOutput.split(separator: "\n").filter { $0.hasPrefix("d2L/d") }.count, 28)
    }

    func testLaTeXAndSymPyFormats() throws {
        let latex = try CommandLineRun.spurious("formula", "--partition", "d-1,1", "--format", "latex")
        XCTAssertEqual(latex.status, 0, latex.standardError)
        XCTAssertTrue(latex.standardOutput.hasPrefix("% reduced loss L of partition d-1,1"), latex.standardOutput)
        XCTAssertTrue(latex.standardOutput.contains("\\begin{align*}\n"))
        XCTAssertTrue(latex.standardOutput.hasSuffix("\\end{align*}\n"))

        let sympy = try CommandLineRun.spurious("formula", "--partition", "d-1,1", "--what", "hessian", "--format", "sympy")
        XCTAssertEqual(sympy.status, 0, sympy.standardError)
        let lines = sympy.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("from sympy import symbols, sqrt, acos, pi, Rational, Matrix"), sympy.standardOutput)
        XCTAssertTrue(lines.contains("d, D0, O0, C0_1, C1_0, D1 = symbols('d D0 O0 C0_1 C1_0 D1', real=True)"), sympy.standardOutput)
        XCTAssertTrue(lines.last?.hasPrefix("hessian = Matrix([[H_D0_D0, H_D0_O0, ") == true, sympy.standardOutput)
    }

    /// Bad input is refused before any output, with a message on stderr that names the option.
    func testInvalidInputIsRefused() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["formula", "--partition", "d-1,x"], "The value 'd-1,x' is invalid for '--partition <partition>': block 2"),
            (["formula", "--partition", "d-1,2"], "must add up to exactly d"),
            (["formula", "--partition", "d,,1"], "is empty"),
            (["formula", "--partition", "d-1,1", "--what", "jacobian"], "--what"),
            (["formula", "--partition", "d-1,1", "--format", "mathematica"], "--format"),
            (["formula"], "--partition"),
        ]
        for (arguments, message) in cases {
            let run = try CommandLineRun.spurious(arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(arguments)")
            XCTAssertTrue(run.standardError.contains(message), "\(arguments): \(run.standardError)")
        }
        let partition = try CommandLineRun.spurious("formula", "--partition", "d-1,x")
        XCTAssertTrue(partition.standardError.contains("--partition"), partition.standardError)
    }

    func testHelpHasAnExample() throws {
        let run = try CommandLineRun.spurious("formula", "--help")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("Example"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("spurious formula --partition d-1,1"), run.standardOutput)
        // The example output in the help is the real output.
        let real = try CommandLineRun.spurious("formula", "--partition", "d-1,1").standardOutput
        for line in real.split(separator: "\n").prefix(8) {
            XCTAssertTrue(run.standardOutput.contains(line), "help lacks '\(line)'")
        }
        for option in ["--partition <partition>", "--what <what>", "--format <format>"] {
            XCTAssertTrue(run.standardOutput.contains(option), "\(option): \(run.standardOutput)")
        }
    }
}
