import Asymptotics
import LinearAlgebra
import MultiPrecision

/// A one-variable system whose solution branch is known in closed form: F(x; d) = x^3 - a(d)^3,
/// the gradient of L(x; d) = x^4/4 - a(d)^3 x. The branch is x(d) = a(d) and the loss there is
/// -3 a(d)^4 / 4, so both have expansions in d^(-1/2) that the tests write down by hand. The
/// cube makes Newton's method genuinely iterate, and x shrinks like a power of d, as the
/// coordinates of the ReLU families do.
struct CubicBranch: ParametricSystem {
    /// a(d) and its exact derivative a'(d).
    let branch: @Sendable (_ d: BigFloat) throws -> (value: BigFloat, slope: BigFloat)

    var dimension: Int { 1 }

    /// Defined in `BigFloat` only, as the ladders evaluate it (a(d) is a BigFloat closure).
    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
        guard let x = x as? [BigFloat], let d = parameter as? BigFloat else { throw AsymptoticsError.settings("BigFloat only") }
        let (a, slope) = try branch(d)
        let three = BigFloat(3, precision: d.precision)
        let evaluation = SystemEvaluation(
            residual: [x[0] * x[0] * x[0] - a * a * a],
            jacobian: Matrix([[three * x[0] * x[0]]]),
            parameterDerivative: [-three * a * a * slope])
        guard let result = evaluation as? SystemEvaluation<S> else { throw AsymptoticsError.settings("BigFloat only") }
        return result
    }

    var coordinate: Observable { Observable(name: "x") { x, _ in x[0] } }

    var loss: Observable {
        Observable(name: "loss") { [branch] x, d in
            let a = try branch(d).value
            let x0 = x[0]
            return x0 * x0 * x0 * x0 / BigFloat(4, precision: x0.precision) - a * a * a * x0
        }
    }

    /// a(d) = sum of c d^(-k/2) over the (k, c) given, c an expression in pi.
    static func finite(_ terms: [(halfPower: Int, coefficient: String)]) throws -> CubicBranch {
        let parsed = try terms.map { ($0.halfPower, try CheckExpression(parsing: $0.coefficient)) }
        return CubicBranch { d in
            let precision = d.precision
            var value = BigFloat(0, precision: precision)
            var slope = BigFloat(0, precision: precision)
            for (k, c) in parsed {
                let coefficient = try c.evaluate(d: nil, precision: precision)
                let exponent = BigFloat(-k, precision: precision) / BigFloat(2, precision: precision)
                let power = try BigFloat.pow(d, exponent)
                value += coefficient * power
                slope += coefficient * exponent * power / d
            }
            return (value, slope)
        }
    }

    /// The example: x(d) = 1/sqrt(d) + 3/d exactly.
    static func example() throws -> CubicBranch {
        try finite([(1, "1"), (2, "3")])
    }

    /// a = h/(1 - h) = h + h^2 + h^3 + ... with h = d^(-1/2): an expansion that never ends,
    /// so that extrapolation has a truncation error.
    static func geometric() -> CubicBranch {
        CubicBranch { d in
            let h = 1 / (try BigFloat.sqrt(d))
            let rest = 1 - h
            return (h / rest, -h / (2 * d * rest * rest))
        }
    }
}

extension BigFloat {
    /// self^n for n >= 0.
    func power(_ n: Int) -> BigFloat {
        (0..<n).reduce(BigFloat(1, precision: precision)) { product, _ in product * self }
    }
}

/// A decimal literal the tests write by hand.
func decimal(_ text: String) throws -> DecimalLiteral { try DecimalLiteral(text) }

/// A list of them.
func decimals(_ texts: String...) throws -> [DecimalLiteral] { try texts.map(DecimalLiteral.init) }
