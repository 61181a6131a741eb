import Bifurcations
import MultiPrecision
import XCTest

/// The kernel, the bifurcation equation and the branch switch on a system whose branches are
/// known in closed form (``SymmetricGradientSystem``). On the kernel line v = (2, -1)/sqrt(6)
/// (v^T M v = 1) the spread is s = sqrt(3/2) t, and eliminating m gives the reduced potential
/// -lambda/3 s^2 + 2 beta/27 s^3 + (gamma/9 - 2 delta^2/27) s^4, whose t-derivative is the
/// bifurcation function: a = -1, q = 2 beta/9 (3/2)^(3/2), c = gamma - 2 delta^2/3.
final class BifurcationEquationTests: XCTestCase {
    let bits = 200

    func kernel(_ system: SymmetricGradientSystem) throws -> BranchKernel<SymmetricGradientSystem, BigFloat> {
        let zero = BigFloat(0, precision: bits)
        return try BranchKernel(
            system: system, point: [zero, zero], d: zero, embedding: [0, 0],
            tolerance: BigFloat(1e-30, precision: bits), space: "the S_2 line")
    }

    func assertClose(_ x: BigFloat, _ expected: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(x.doubleValue, expected, accuracy: 1e-14 * max(1, abs(expected)), what, file: file, line: line)
    }

    func testTranscriticalCoefficientsAreTheClosedForms() throws {
        let system = SymmetricGradientSystem(beta: 0.7, gamma: 0.4, delta: 0.3)
        let kernel = try kernel(system)
        assertClose(kernel.direction[0], 2 / 6.0.squareRoot(), "v_a")
        assertClose(kernel.direction[1], -1 / 6.0.squareRoot(), "v_b")
        let equation = try BifurcationEquation(kernel)
        assertClose(equation.slope, -1, "a")
        assertClose(equation.quadratic, 2 * 0.7 / 9 * pow(1.5, 1.5), "q")
        assertClose(equation.cubic, 0.4 - 2 * 0.09 / 3, "c")
    }

    func testPitchforkHasNoQuadraticTermAndItsCubicDecidesTheSide() throws {
        let system = SymmetricGradientSystem(beta: 0, gamma: 0.4, delta: 0.3)
        let equation = try BifurcationEquation(try kernel(system))
        XCTAssertEqual(equation.quadratic.doubleValue, 0, accuracy: 1e-50)
        assertClose(equation.cubic, 0.4 - 0.06, "c")
        // lambda = -c t^2 / a > 0: the branch exists above lambda = 0, as the closed form says.
        let point = try BranchSwitch.point(
            on: try kernel(system), equation: equation, pitchfork: true, amplitude: BigFloat(0.01, precision: bits))
        XCTAssertGreaterThan(point.d.doubleValue, 0)
        XCTAssertGreaterThan(system.branchLambda(spread: 0.01), 0)
    }

    /// The corrected points lie on the exact branch curve, for both kinds and both signs of t.
    func testSwitchedPointsLieOnTheExactBranch() throws {
        for system in [
            SymmetricGradientSystem(beta: 0.7, gamma: 0.4, delta: 0.3, zeta: 0.5),
            SymmetricGradientSystem(beta: 0, gamma: -0.5, delta: 0.8, zeta: 0.5),
        ] {
            let kernel = try kernel(system)
            let equation = try BifurcationEquation(kernel)
            for t in [0.05, -0.05, 0.2] {
                let point = try BranchSwitch.point(
                    on: kernel, equation: equation, pitchfork: system.beta == 0, amplitude: BigFloat(t, precision: bits))
                let a = point.y[0].doubleValue, b = point.y[1].doubleValue
                let s = a - b
                XCTAssertEqual(s, 1.5.squareRoot() * t, accuracy: 1e-14, "the cut fixes the spread")
                XCTAssertEqual((a + 2 * b) / 3, system.branchMean(spread: s), accuracy: 1e-14, "mean at t = \(t)")
                XCTAssertEqual(point.d.doubleValue, system.branchLambda(spread: s), accuracy: 1e-14, "lambda at t = \(t)")
            }
        }
    }

    /// The normal form's prediction agrees with the branch to first order: its relative error
    /// in lambda shrinks in proportion to |lambda| (halving t halves lambda on a transcritical
    /// branch, quarters it on a pitchfork's).
    func testNormalFormPredictionIsFirstOrderAccurate() throws {
        for system in [
            SymmetricGradientSystem(beta: 0.7, gamma: 0.4, delta: 0.3, zeta: 0.5),
            SymmetricGradientSystem(beta: 0, gamma: 0.4, delta: 0.3, zeta: 0.5),
        ] {
            let kernel = try kernel(system)
            let equation = try BifurcationEquation(kernel)
            func relativeError(_ t: Double) throws -> Double {
                let point = try BranchSwitch.point(
                    on: kernel, equation: equation, pitchfork: system.beta == 0, amplitude: BigFloat(t, precision: bits))
                return abs((point.predictedD.doubleValue - point.d.doubleValue) / point.d.doubleValue)
            }
            let coarse = try relativeError(0.02), fine = try relativeError(0.01)
            XCTAssertLessThan(coarse, 0.1)
            XCTAssertEqual(coarse / fine, system.beta == 0 ? 4 : 2, accuracy: 0.3, "beta = \(system.beta)")
        }
    }

    func testNoKernelAwayFromTheTransition() throws {
        let system = SymmetricGradientSystem(beta: 0.7, gamma: 0.4, delta: 0.3)
        let zero = BigFloat(0, precision: bits)
        XCTAssertThrowsError(try BranchKernel(
            system: system, point: [zero, zero], d: BigFloat(0.1, precision: bits), embedding: [0, 0],
            tolerance: BigFloat(1e-30, precision: bits), space: "the S_2 line"))
    }
}
