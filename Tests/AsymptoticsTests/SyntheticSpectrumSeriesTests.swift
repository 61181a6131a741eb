import Asymptotics
import LossModel
import MultiPrecision
import XCTest

/// `series --quantity spectrum` on a family whose "eigenvalues" are written down by hand along
/// the branch x(d) = d^(-1/2) + 3/d (``CubicBranch/example()``):
///   lambda_1 = d/4 + x          (multiplicity d-1),      its partner d/4
///   lambda_2 = 1/4 + 2 x^2      (multiplicity (d-1)(d-2)/2), its partner 1/4
///   lambda_3 = 1/(2 pi) + x     (multiplicity 1),        its partner 1/(2 pi)
/// so the counts, limits and differences below follow by hand.
final class SyntheticSpectrumSeriesTests: XCTestCase {
    func testCountsLimitsAndDifferences() throws {
        let system = try CubicBranch.example()
        let d1 = AffineSize(slope: 1, offset: -1), d2 = AffineSize(slope: 1, offset: -2)
        let labels = [
            EigenvalueLabel(part: .trivial, irrep: "a", rank: 1, multiplicity: .product(d1)),
            EigenvalueLabel(part: .trivial, irrep: "a", rank: 2, multiplicity: .product(d1, d2, over: 2)),
            EigenvalueLabel(part: .standard(block: 0), irrep: "b", rank: 1, multiplicity: CountPolynomial(1)),
        ]
        let family = ObservableSet(names: labels.map(\.quantity)) { x, d in
            let p = d.precision
            let twoPi = 2 * BigFloat.pi(precision: p)
            return [d / BigFloat(4, precision: p) + x[0], BigFloat(1, precision: p) / 4 + 2 * x[0] * x[0], 1 / twoPi + x[0]]
        }
        let global = ObservableSet(names: labels.map { "global " + $0.quantity }) { _, d in
            let p = d.precision
            return [d / BigFloat(4, precision: p), BigFloat(1, precision: p) / 4, 1 / (2 * BigFloat.pi(precision: p))]
        }
        let settings = SeriesSettings(terms: 3, digits: 25, topExponent: 30, basis: try ClosedFormBasis(ClosedFormBasis.defaultTexts))
        let spectrum = try SpectrumSeries.expand(
            system, labels: labels, family: family, globalMinimum: global, seed: decimals("0.6"), seedD: decimal("10"), settings: settings)

        let growth = spectrum.growth
        XCTAssertEqual(growth.map(\.halfPower), [-2, 0])
        XCTAssertEqual(growth.map(\.count.description), ["d - 1", "(d^2 - 3d + 4)/2"])
        XCTAssertEqual(spectrum.unexpanded, .zero)

        let leading = spectrum.eigenvalues.map { $0.family.expansion?.terms.first?.closedFormText }
        XCTAssertEqual(leading, ["1/4", "1/4", "1/(2*pi)"])
        // lambda_1 = d/4 + 0 + d^(-1/2); lambda_2 = 1/4 + 0 + 0 + 2/d (beyond three terms).
        XCTAssertEqual(spectrum.eigenvalues[0].family.expansion?.terms.map(\.closedFormText), ["1/4", "0", "0"])

        let differences = spectrum.eigenvalues.map { $0.difference?.expansion?.terms.first }
        XCTAssertEqual(differences.map { $0?.power }, ["-1/2", "-1", "-1/2"])
        XCTAssertEqual(differences.map { $0?.closedFormText }, ["1", "2", "1"])
        XCTAssertEqual(differences.map { $0?.digits }, [25, 25, 25])
        // 2 x^2 = 2/d + 12/d^(3/2) + 18/d^2.
        XCTAssertEqual(spectrum.eigenvalues[1].difference?.expansion?.terms.map(\.closedFormText), ["2", "12", "18"])
        XCTAssertEqual(spectrum.eigenvalues.map { $0.globalMinimum?.expansion?.terms.first?.closedFormText }, ["1/4", "1/4", "1/(2*pi)"])
    }

    func testWithoutAGlobalMinimumThereAreNoDifferences() throws {
        let system = try CubicBranch.example()
        let labels = [EigenvalueLabel(part: .trivial, irrep: "a", rank: 1, multiplicity: CountPolynomial(1))]
        let family = ObservableSet(names: ["a"]) { x, _ in [x[0]] }
        let settings = SeriesSettings(terms: 2, digits: 20, topExponent: 30, basis: try ClosedFormBasis(ClosedFormBasis.defaultTexts))
        let spectrum = try SpectrumSeries.expand(
            system, labels: labels, family: family, globalMinimum: nil, seed: decimals("0.6"), seedD: decimal("10"), settings: settings)
        XCTAssertNil(spectrum.eigenvalues[0].difference)
        XCTAssertEqual(spectrum.growth.map(\.halfPower), [1])
        XCTAssertEqual(spectrum.growth.map(\.count.description), ["1"])
    }
}
