import BruteForce
import Foundation
import LossModel
import XCTest
import _TestSupport

/// The printed closed forms (`spurious formula`) against the full k x d model of the BruteForce
/// target: the expressions are evaluated node by node with ``Expression/evaluate(_:d:)``, and
/// the SymPy text is run by Python, so a wrong sign, count or chain-rule term in the formula
/// shows up as a disagreement with an implementation that knows nothing of formulas.
final class FormulaTests: XCTestCase {
    private typealias Expr = LossModel.Expression

    let partitions = ["d-1,1", "d-2,2", "d-1,1,1r"]

    func makeFormula(_ text: String, _ kind: Formula.Kind) throws -> Formula {
        ReducedLoss(FixedSpace(try Partition(parsing: text))).formula(kind)
    }

    func testLossFormulaEqualsTheFullLoss() throws {
        var points = TestPoints(seed: 11)
        for text in partitions {
            let formula = try makeFormula(text, .loss)
            XCTAssertEqual(formula.targets.map(\.target), [.loss])
            for d in 5...8 {
                for _ in 0..<2 {
                    let x = points.point(names: formula.variables.map(\.name))
                    let (layout, network) = try bruteForce(text, d: d, x)
                    XCTAssertEqual(layout.variableNames, formula.variables.map(\.name))
                    let value = try formula.evaluate(x, d: Double(d))[0]
                    XCTAssertEqual(value, network.loss, accuracy: 1e-10 * max(1, abs(network.loss)), "\(text) d=\(d)")
                }
            }
        }
    }

    func testGradientFormulaEqualsTheFullGradientReduced() throws {
        var points = TestPoints(seed: 12)
        for text in partitions {
            let formula = try makeFormula(text, .gradient)
            let n = formula.variables.count
            XCTAssertEqual(formula.targets.map(\.target), (0..<n).map { .derivative($0) })
            for d in 5...8 {
                for _ in 0..<2 {
                    let x = points.point(names: formula.variables.map(\.name))
                    let (layout, _) = try bruteForce(text, d: d, x)
                    let expected = layout.reducedGradient(x)
                    for (i, value) in try formula.evaluate(x, d: Double(d)).enumerated() {
                        XCTAssertEqual(value, expected[i], accuracy: 1e-10 * max(1, abs(expected[i])),
                                       "\(text) d=\(d) dL/d\(formula.variables[i].name)")
                    }
                }
            }
        }
    }

    func testHessianFormulaEqualsTheFullHessianReduced() throws {
        var points = TestPoints(seed: 13)
        for text in partitions {
            let formula = try makeFormula(text, .hessian)
            let n = formula.variables.count
            XCTAssertEqual(formula.targets.count, n * (n + 1) / 2)
            for d in 5...8 {
                let x = points.point(names: formula.variables.map(\.name))
                let (layout, _) = try bruteForce(text, d: d, x)
                let expected = try layout.reducedHessian(x)
                let values = try formula.evaluate(x, d: Double(d))
                for ((target, _), value) in zip(formula.targets, values) {
                    guard case let .secondDerivative(i, j) = target, i <= j else {
                        return XCTFail("\(target) is not an upper-triangle Hessian entry")
                    }
                    for e in [expected[i, j], expected[j, i]] {
                        XCTAssertEqual(value, e, accuracy: 1e-10 * max(1, abs(e)), "\(text) d=\(d) H[\(i),\(j)]")
                    }
                }
            }
        }
    }

    /// Counts are polynomials in d, so the formula holds between integers too. No brute force
    /// exists there: this compares with the model's own evaluation (same parts, but its own
    /// arithmetic: Horner for the counts, atan2 for the angles, sparse jets for the chain rule).
    func testFormulaAtFractionalDAgreesWithTheModelEvaluation() throws {
        var points = TestPoints(seed: 14)
        for text in partitions {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let x = points.point(names: loss.space.names)
            let d = 6.37
            let model = try loss.hessian(at: x, d: d)
            let hessian = model.hessian
            XCTAssertEqual(try loss.formula(.loss).evaluate(x, d: d)[0], model.value, accuracy: 1e-11)
            for (a, b) in zip(try loss.formula(.gradient).evaluate(x, d: d), model.gradient) {
                XCTAssertEqual(a, b, accuracy: 1e-10 * max(1, abs(b)), text)
            }
            let formula = loss.formula(.hessian)
            for ((target, _), value) in zip(formula.targets, try formula.evaluate(x, d: d)) {
                guard case let .secondDerivative(i, j) = target else { return XCTFail("\(target)") }
                XCTAssertEqual(value, hessian[i, j], accuracy: 1e-10 * max(1, abs(hessian[i, j])), "\(text) H[\(i),\(j)]")
            }
        }
    }

    func testWrongNumberOfValuesIsRefused() throws {
        let formula = try makeFormula("d-1,1", .loss)
        XCTAssertThrowsError(try formula.evaluate([1.0, 0.0], d: 10.0)) { error in
            XCTAssertEqual(error as? ModelError, .wrongNumberOfValues(expected: ["D0", "O0", "C0_1", "C1_0", "D1"], got: 2))
        }
    }

    /// The formula names only intermediates that it defines, after they are defined.
    func testEveryNameIsDefinedBeforeUse() throws {
        for text in partitions {
            for kind in Formula.Kind.allCases {
                let formula = try makeFormula(text, kind)
                var known = Set(formula.variables.map(\.name))
                for definition in formula.definitions {
                    XCTAssertTrue(definition.expression.symbolNames.isSubset(of: known), "\(text) \(kind) \(definition.symbol.name)")
                    XCTAssertFalse(known.contains(definition.symbol.name), "\(definition.symbol.name) defined twice")
                    known.insert(definition.symbol.name)
                }
                for (_, expression) in formula.targets { XCTAssertTrue(expression.symbolNames.isSubset(of: known)) }
            }
        }
    }
}

// MARK: Printing

extension FormulaTests {
    func testPrintersWriteCountsAndKernelPiecesAsAPersonDoes() {
        let d = Expr.d
        let count = (d - .integer(1)) * (d - .integer(4)) / .integer(2)
        XCTAssertEqual(count.text, "(d - 1)*(d - 4)/2")
        XCTAssertEqual(count.sympy, "(d - 1)*(d - 4)/2")
        XCTAssertEqual(count.latex, "\\frac{\\left(d - 1\\right) \\left(d - 4\\right)}{2}")

        let n0 = Expr.named("N0"), n1 = Expr.named("N1"), p = Expr.named("P0_1")
        let s = Expr.sqrt(n0 * n1 - p.raised(to: 2))
        XCTAssertEqual(s.text, "sqrt(N0*N1 - P0_1^2)")
        XCTAssertEqual(s.sympy, "sqrt(N0*N1 - P0_1**2)")
        XCTAssertEqual(s.latex, "\\sqrt{N_{0} N_{1} - P_{0,1}^{2}}")

        let gA = Expr.named("s0") / (Expr.integer(4) * .pi * n0)
        XCTAssertEqual(gA.text, "s0/(4*pi*N0)")
        XCTAssertEqual(gA.latex, "\\frac{s_{0}}{4 \\pi N_{0}}")
        XCTAssertEqual(Expr.acos(Expr.named("D0") / .sqrt(n0)).text, "acos(D0/sqrt(N0))")
        XCTAssertEqual(Expr.rational(-3, over: 6).sympy, "Rational(-1, 2)")
        XCTAssertEqual((Expr.named("x") - Expr.rational(1, over: 2)).sympy, "x - Rational(1, 2)")
        XCTAssertEqual((-(Expr.named("x") + .one)).text, "-(x + 1)")
        XCTAssertEqual(Expr.named("x").raised(to: -2).text, "1/x^2")
    }

    func testLightSimplification() {
        let x = Expr.named("x"), y = Expr.named("y")
        XCTAssertEqual(x + .zero, x)
        XCTAssertEqual(x * .one, x)
        XCTAssertEqual(x * .zero, .zero)
        XCTAssertEqual(Expr.integer(2) * .integer(3) + .integer(1), .integer(7))
        XCTAssertEqual(x * y + y * x, Expr.integer(2) * x * y)
        XCTAssertEqual(x * x / x, x)
        XCTAssertEqual(x - x, .zero)
        XCTAssertEqual(Expr.sqrt(.rational(9, over: 4)), .rational(3, over: 2))
        XCTAssertEqual((Expr.integer(2) * x).raised(to: 3), Expr.integer(8) * x.raised(to: 3))
        XCTAssertEqual((x * y + y * x).text, "2*x*y")
    }

    func testEvaluationOfExpressions() throws {
        let x = Expr.named("x")
        let e = Expr.acos(x / .sqrt(.integer(2) * x.raised(to: 2))) + .d / .pi
        XCTAssertEqual(try e.evaluate(["x": 3.0], d: 2.0), Double.pi / 4 + 2 / Double.pi, accuracy: 1e-15)
        XCTAssertThrowsError(try e.evaluate(["y": 1.0], d: 2.0)) { error in
            XCTAssertEqual(error as? ExpressionError, .unboundSymbol("x"))
        }
        XCTAssertThrowsError(try (Expr.one / x).evaluate(["x": 0.0], d: 2.0)) { error in
            XCTAssertEqual(error as? ExpressionError, .divisionByZero("x"))
        }
    }

    func testTextHasTheDocumentedShape() throws {
        let lines = try makeFormula("d-1,1", .loss).rendered(.text).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "# reduced loss L of partition d-1,1 (k = d); variables D0, O0, C0_1, C1_0, D1")
        XCTAssertTrue(lines.contains("N0 = D0^2 + (d - 2)*O0^2 + C0_1^2"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("s1 = sqrt(N0*N1 - P0_1^2)"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.last?.hasPrefix("L = d/4 + ") == true, lines.joined(separator: "\n"))

        let gradient = try makeFormula("d-1,1", .gradient).rendered(.text)
        XCTAssertEqual(gradient.split(separator: "\n").filter { $0.hasPrefix("dL/d") }.count, 5)
        XCTAssertTrue(gradient.contains("\ndL/dC0_1 = "))
        let hessian = try makeFormula("d-1,1", .hessian).rendered(.text)
        XCTAssertEqual(hessian.split(separator: "\n").filter { $0.hasPrefix("d2L/d") }.count, 15)
        XCTAssertTrue(hessian.contains("\nd2L/dD0dO0 = "))

        let latex = try makeFormula("d-1,1", .gradient).rendered(.latex)
        XCTAssertTrue(latex.hasPrefix("% gradient of the reduced loss L of partition d-1,1"))
        XCTAssertTrue(latex.contains("\\begin{align*}\nN_{0} &= D_{0}^{2} + "), latex)
        XCTAssertTrue(latex.contains("\\frac{\\partial L}{\\partial C_{0,1}} &= "), latex)
        XCTAssertTrue(latex.hasSuffix("\n\\end{align*}\n"))
    }
}

// MARK: SymPy

extension FormulaTests {
    /// The SymPy text, built as the CLI builds it, runs in Python and gives the brute-force
    /// loss, gradient and Hessian; SymPy's own derivative of L gives the brute-force gradient
    /// too (an independent check of the chain rule that the gradient formula spells out).
    func testSymPySnippetsRunAndAgreeWithTheBruteForce() throws {
        try requireSymPy()
        var points = TestPoints(seed: 15)
        for (text, d) in [("d-1,1", 7), ("d-1,1,1r", 5)] {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let names = loss.space.names
            let x = points.point(names: names)
            let (layout, network) = try bruteForce(text, d: d, x)
            let snippets = Formula.Kind.allCases.map { loss.formula($0).rendered(.sympy) }
            var values = ["d": Double(d)]
            for (name, value) in zip(names, x) { values[name] = value }
            let output = try runPython(Self.checkScript, arguments: [try jsonText(values), try jsonText(names)] + snippets)
            let result = try JSONDecoder().decode(SymPyValues.self, from: Data(output.utf8))

            XCTAssertEqual(result.loss, network.loss, accuracy: 1e-10 * max(1, abs(network.loss)), text)
            let gradient = layout.reducedGradient(x)
            for (name, (fromDiff, fromFormula), expected) in zip3(names, zip(result.diff, result.grad), gradient) {
                XCTAssertEqual(fromDiff, expected, accuracy: 1e-9 * max(1, abs(expected)), "\(text) sympy diff(L, \(name))")
                XCTAssertEqual(fromFormula, expected, accuracy: 1e-10 * max(1, abs(expected)), "\(text) grad \(name)")
            }
            let hessian = try layout.reducedHessian(x)
            XCTAssertEqual(result.hessian.count, names.count)
            for (i, row) in result.hessian.enumerated() {
                for (j, value) in row.enumerated() {
                    XCTAssertEqual(value, hessian[i, j], accuracy: 1e-10 * max(1, abs(hessian[i, j])), "\(text) H[\(i),\(j)]")
                }
            }
        }
    }

    /// Runs each snippet in a fresh namespace, substitutes the point and prints JSON.
    private static let checkScript = """
        import json, sys
        from sympy import diff
        values, names = json.loads(sys.argv[1]), json.loads(sys.argv[2])
        out = {}
        for source in sys.argv[3:]:
            ns = {}
            exec(source, ns)
            at = {ns[name]: value for name, value in values.items()}
            if 'hessian' in ns:
                out['hessian'] = [[float(e.subs(at)) for e in row] for row in ns['hessian'].tolist()]
            elif 'grad' in ns:
                out['grad'] = [float(e.subs(at)) for e in ns['grad']]
            else:
                out['loss'] = float(ns['L'].subs(at))
                out['diff'] = [float(diff(ns['L'], ns[name]).subs(at)) for name in names]
        print(json.dumps(out))
        """

    private struct SymPyValues: Decodable {
        var loss: Double
        var diff: [Double]
        var grad: [Double]
        var hessian: [[Double]]
    }

    private func jsonText(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private func requireSymPy() throws {
        do {
            _ = try runPython("import sympy", arguments: [])
        } catch {
            throw XCTSkip("python3 with sympy is not available: \(error)")
        }
    }

    private struct PythonFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// `python3 -c script arguments...`; its standard output, or an error with its standard
    /// error.
    private func runPython(_ script: String, arguments: [String]) throws -> String {
        let child = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
        guard child.status == 0 else {
            throw PythonFailure(description: "python3 exited with status \(child.status): \(child.standardError)")
        }
        return child.standardOutput
    }
}

private func zip3<A: Sequence, B: Sequence, C: Sequence>(_ a: A, _ b: B, _ c: C) -> [(A.Element, B.Element, C.Element)] {
    zip(zip(a, b), c).map { ($0.0, $0.1, $1) }
}
