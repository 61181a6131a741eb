import Asymptotics
import LossModel
import MultiPrecision
import XCTest

/// The one-flipped family of docs/design.md section 4 (partition d-1,1, seeded at d = 10) followed
/// to d = 10^30: its loss tends to 0 like 1/d.
final class OneFlippedSeriesTests: XCTestCase {
    let seed = ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"].compactMap { try? DecimalLiteral($0) }

    func model() throws -> SpectrumModel {
        SpectrumModel(try Partition(parsing: "d-1,1"))
    }

    /// Leading power -1 with a coefficient proved to 30 digits: 1/2 - 2/pi^2 (a value first seen
    /// with this tool and confirmed independently with mpmath: SymPy's closed form of the same
    /// loss, Newton with a numerical Hessian, Richardson at 300 digits). The next term, d^(-3/2),
    /// has -32/(3 pi^4), outside the default basis: found once 1/pi^4 is offered.
    func testLossExpansion() throws {
        let model = try model()
        let basis = try ClosedFormBasis(ClosedFormBasis.defaultTexts + ["1/pi^4"])
        let series = try AsymptoticSeries.expand(
            ReducedGradient(model.loss), observable: try Observable(SeriesQuantity(parsing: "loss"), model: model), seed: seed,
            seedD: decimal("10"), settings: SeriesSettings(terms: 2, digits: 30, topExponent: 30, basis: basis))
        XCTAssertEqual(series.terms.map(\.power), ["-1", "-3/2"])
        XCTAssertEqual(series.localExponent, -1, accuracy: 1e-10)
        let exact = try ["1/2 - 2/pi^2", "-32/(3*pi^4)"].map { try CheckExpression(parsing: $0).evaluate(d: nil, precision: 300) }
        for (term, value) in zip(series.terms, exact) {
            XCTAssertEqual(term.digits, 30, term.power)
            XCTAssertEqual(term.coefficient?.decimal, value.formatted(significantDigits: 30), term.power)
        }
        XCTAssertEqual(series.terms.map(\.closedFormText), ["1/2 - 2/pi^2", "-32/(3*pi^4)"])
        // The ladder starts at the point of docs/design.md section 3: loss 0.018702194585606973 at d = 10.
        XCTAssertEqual(series.ladder.high.rungs.first?.exactD.text, "10")
        XCTAssertEqual(series.ladder.highValues.first?.formatted(significantDigits: 17), "0.018702194585606973")
    }

    /// The model's own Newton solver (ReducedLoss.criticalPoint, absolute tolerances, natural
    /// continuation in d by factors of 2) reaches d = 100 and 640, not far beyond: there the
    /// ladder's point agrees with it, and the expansion predicts its loss, each further term
    /// shrinking the error, to within about the first term left out (7.65 d^-3 of 0.297 d^-1).
    func testAgreementWithTheModelsOwnSolver() throws {
        let model = try model()
        let bits = 256
        var x = seed.map { $0.value(precision: bits) }
        var losses: [Int: BigFloat] = [:]
        for d in [20, 40, 80, 100, 160, 320, 640] {
            let point = try model.loss.criticalPoint(from: x, d: BigFloat(d, precision: bits))
            x = point.x
            losses[d] = point.loss
        }
        let series = try AsymptoticSeries.expand(
            ReducedGradient(model.loss), observable: try Observable(SeriesQuantity(parsing: "loss"), model: model), seed: seed,
            seedD: decimal("10"), settings: SeriesSettings(terms: 4, digits: 20, basis: try ClosedFormBasis.standard()))
        let rung = try XCTUnwrap(series.ladder.high.rungs.firstIndex { $0.exactD.text == "1e2" })
        let at100 = try XCTUnwrap(losses[100])
        XCTAssertEqual(series.ladder.highValues[rung].formatted(significantDigits: 60), at100.formatted(significantDigits: 60))

        let truth = try XCTUnwrap(losses[640])
        let h = 1 / (try BigFloat.sqrt(BigFloat(640, precision: bits)))
        var partial = BigFloat(0, precision: bits)
        var errors: [Double] = []
        for (j, term) in series.terms.enumerated() {
            partial += term.estimate * h.power(2 + j)
            errors.append(((partial - truth) / truth).magnitude.doubleValue)
        }
        XCTAssertEqual(errors.sorted(by: >), errors, "\(errors)")
        XCTAssertLessThan(errors[3], 2 * 7.65 / 0.297 / (640.0 * 640.0))
    }

    func testQuantities() throws {
        let model = try model()
        let system = ReducedGradient(model.loss)
        let settings = SeriesSettings(terms: 2, digits: 20, basis: try ClosedFormBasis.standard())
        // C1_0 ~ (4/pi)/d: the off-block weight of the flipped row.
        let c10 = try AsymptoticSeries.expand(
            system, observable: try Observable(SeriesQuantity(parsing: "C1_0"), model: model), seed: seed, seedD: decimal("10"), settings: settings)
        XCTAssertEqual(c10.terms.first?.power, "-1")
        XCTAssertEqual(c10.terms.first?.closedFormText, "4/pi")
        // An eigenvalue: present and positive at large d (the family is a minimum there).
        let eigenvalue = try AsymptoticSeries.expand(
            system, observable: try Observable(SeriesQuantity(parsing: "eigenvalue:trivial:1"), model: model), seed: seed, seedD: decimal("10"),
            settings: settings)
        XCTAssertEqual(eigenvalue.terms.first?.power, "0")
        XCTAssertEqual(eigenvalue.terms.first?.estimate.signum, 1)
        XCTAssertEqual(eigenvalue.terms.first?.digits, 20)
    }

    func testQuantityNames() throws {
        let model = try model()
        for name in ["loss", "D0", "C0_1", "eigenvalue:standard of S_{d-1}:5", "eigenvalue:(d-3,2) of S_{d-1}:1"] {
            XCTAssertNoThrow(try Observable(SeriesQuantity(parsing: name), model: model), name)
        }
        for (name, fragment) in [
            ("D7", "unknown quantity 'D7'"), ("eigenvalue:trivial", "unknown quantity"),
            ("eigenvalue:standard:1", "eigenvalue:standard of S_{d-1}:1..5"), ("eigenvalue:trivial:6", "1 to 5"),
        ] {
            XCTAssertThrowsError(try Observable(SeriesQuantity(parsing: name), model: model), name) {
                XCTAssertTrue("\($0)".contains(fragment), "\(name): \($0)")
            }
        }
    }
}
