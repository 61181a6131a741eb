import BruteForce
import LossModel
import MultiPrecision
import Spurious
import XCTest

/// A minimum of d-1,1 that lies in Fix(S_d) (D0 = D1, O0 = C0_1 = C1_0): eigenvalues of
/// different parts coincide exactly there, and their order in the sorted spectrum is rounding.
/// Every eigenvalue must still be proved and the index determined, at every digit count; the
/// index is checked against the brute-force k d x k d Hessian (issue 11, defect 4).
final class LargerIsotropySpectrumTests: XCTestCase {
    func testCoincidingEigenvaluesAreProvedAndTheIndexDetermined() throws {
        let partition = try Partition(parsing: "d-1,1")
        let seed = try ["-0.70143", "-0.09754", "-0.06824", "0.14909", "-0.72864"].map(DecimalLiteral.init)
        for (d, digits) in [(9, 25), (10, 15), (10, 21), (10, 25), (10, 20)] {
            let result = try SpectrumJob.run(SpectrumRequest(partition: partition, seed: seed, d: try DecimalLiteral("\(d)"), digits: digits))
            XCTAssertTrue(result.eigenvalues.allSatisfy(\.value.isDetermined), "d = \(d), \(digits) digits")
            XCTAssertEqual(result.index, 0, "d = \(d), \(digits) digits")
            let x = result.coordinates.map(\.approximate)
            let network = FullSpaceNetwork(weights: try FixedSpaceLayout.parse("d-1,1", d: d).weights(x))
            let negative = try network.spectrum().filter { $0.value < -1e-9 }.reduce(0) { $0 + $1.multiplicity }
            XCTAssertEqual(negative, 0, "brute force at d = \(d)")
        }
    }
}
