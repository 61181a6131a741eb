import Continuation
import LinearAlgebra
import MultiPrecision
import XCTest

/// x^2 + lambda^2 = 1: a closed curve with folds at (0, 1) and (0, -1).
struct Circle: ContinuationProblem {
    var dimension: Int { 1 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        SystemEvaluation(
            residual: [x[0] * x[0] + parameter * parameter - 1], jacobian: Matrix([[2 * x[0]]]),
            parameterDerivative: [2 * parameter])
    }
}

/// x^3 - x - lambda = 0, i.e. lambda = x^3 - x: folds at x = -+1/sqrt(3), with one test
/// function, x - 1/4, whose zero is at lambda = 1/64 - 1/4.
struct Cubic: ContinuationProblem {
    var dimension: Int { 1 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        SystemEvaluation(
            residual: [x[0] * x[0] * x[0] - x[0] - parameter], jacobian: Matrix([[3 * x[0] * x[0] - 1]]),
            parameterDerivative: [-1])
    }

    func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] {
        [x[0] - S(0.25)]
    }

    var testFunctionNames: [String] { ["x - 1/4"] }
}

/// The cubic with a test function that comes within 1e-4 of zero at x = 0.3 but never
/// reaches it: a touch.
struct TouchingCubic: ContinuationProblem {
    var dimension: Int { 1 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        try Cubic().evaluate(x, parameter: parameter)
    }

    func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] {
        let offset = x[0] - S(0.3, precision: x[0].precision)
        return [offset * offset + S(1e-4, precision: x[0].precision)]
    }

    var testFunctionNames: [String] { ["(x - 0.3)^2 + 1e-4"] }
}

/// The error of a problem that is singular beyond some parameter.
struct SingularPoint: Error, Equatable {
    let parameter: Double
}

/// x - 2 lambda = 0, a straight line on which the predictor is exact. Evaluation throws
/// beyond `singularAbove`, and parameters below `admissibleBelow` are the only valid ones.
struct Line: ContinuationProblem {
    var singularAbove = Double.infinity
    var admissibleBelow = Double.infinity

    var dimension: Int { 1 }

    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        guard parameter.doubleValue <= singularAbove else { throw SingularPoint(parameter: parameter.doubleValue) }
        return SystemEvaluation(residual: [x[0] - 2 * parameter], jacobian: Matrix([[1]]), parameterDerivative: [-2])
    }

    func isAdmissible(parameter: Double) -> Bool { parameter < admissibleBelow }
}

/// Natural-parameter continuation, the method the engine replaces: lambda steps by `step`
/// and Newton in x alone corrects. Returns the last parameter at which Newton converged to a
/// point near the previous one; past a fold there is no such point.
func naturalContinuation<P: ContinuationProblem>(
    _ problem: P, from x: Double, parameter: Double, step: Double, steps: Int
) -> Double {
    var x = x
    var parameter = parameter
    for _ in 0..<steps {
        let next = parameter + step
        var candidate = x
        var converged = false
        for _ in 0..<30 {
            guard let evaluation = try? problem.evaluate([candidate], parameter: next),
                evaluation.jacobian[0, 0] != 0
            else { break }
            let update = evaluation.residual[0] / evaluation.jacobian[0, 0]
            candidate -= update
            if abs(update) < 1e-13 {
                converged = true
                break
            }
        }
        guard converged, abs(candidate - x) < 10 * abs(step) else { return parameter }
        x = candidate
        parameter = next
    }
    return parameter
}

/// Every point satisfies F = 0 and has a unit tangent.
func assertOnCurve<P: ContinuationProblem>(
    _ result: ContinuationResult, of problem: P, file: StaticString = #filePath, line: UInt = #line
) throws {
    for point in result.points {
        let evaluation = try problem.evaluate(point.x, parameter: point.parameter)
        XCTAssertLessThan(abs(evaluation.residual[0]), 1e-9, "residual at step \(point.step)", file: file, line: line)
        let length = point.tangent.reduce(0) { $0 + $1 * $1 }.squareRoot()
        XCTAssertEqual(length, 1, accuracy: 1e-12, "tangent length at step \(point.step)", file: file, line: line)
    }
}

/// 10^exponent at `precision` bits.
func powerOfTen(_ exponent: Int, precision: Int) throws -> BigFloat {
    try BigFloat(parsing: "1e\(exponent)", precision: precision)
}
