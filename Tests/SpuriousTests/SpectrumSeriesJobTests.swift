import Asymptotics
import Families
import LossModel
import MultiPrecision
import Spurious
import XCTest

/// `series --quantity spectrum --versus global-minimum` on the one-flipped family, against
/// what is known without the tool: the k d = d^2 eigenvalues are all counted; the global
/// minimum's smallest eigenvalue is 1/4 - 1/(2 pi) (published minima data, k = d = 6..100);
/// and the paper's claim that the two spectra coincide to O(d^(-1/2)).
final class SpectrumSeriesJobTests: XCTestCase {
    func testOneFlippedSpectrumVersusTheGlobalMinimum() throws {
        let family = Family(
            name: "one-flipped", partition: try Partition(parsing: "d-1,1"),
            seed: try ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"].map(DecimalLiteral.init), seedD: try DecimalLiteral("10"))
        let settings = SeriesSettings(terms: 2, digits: 12, topExponent: 24, basis: try ClosedFormBasis(ClosedFormBasis.defaultTexts))
        guard case let .spectrum(spectrum) = try SeriesJob.run(SeriesRequest(family: family, quantity: .spectrum, settings: settings, versusGlobalMinimum: true))
        else { return XCTFail("not a spectrum expansion") }
        XCTAssertEqual(spectrum.unexpanded, .zero)
        let total = spectrum.growth.reduce(CountSum.zero) { $0 + $1.count }
        XCTAssertEqual(total.description, "d^2")
        let smallest = spectrum.eigenvalues.compactMap { $0.globalMinimum?.expansion?.terms.first }.filter { $0.halfPower == 0 }
            .compactMap { $0.coefficient?.value.doubleValue }.min()
        XCTAssertEqual(try XCTUnwrap(smallest), 0.25 - 1 / (2 * Double.pi), accuracy: 1e-12)
        for eigenvalue in spectrum.eigenvalues {
            let leading = try XCTUnwrap(eigenvalue.difference?.expansion?.terms.first, eigenvalue.quantity)
            XCTAssertGreaterThanOrEqual(leading.halfPower, 1, "\(eigenvalue.quantity) differs by d^(\(leading.power))")
        }
    }
}
