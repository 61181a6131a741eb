import BruteForce
import LossModel
import MultiPrecision
import Spurious
import XCTest

/// `spectrum --split-row`: the one-flipped minimum with one row split, its index against the
/// brute-force (k + 1) d x (k + 1) d Hessian at integer d, its loss unchanged, and the exact
/// zero of the curve of critical points through alpha.
final class SplitRowSpectrumTests: XCTestCase {
    let seed = ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"]

    func testIndexMatchesBruteForce() throws {
        for d in [8, 10] {
            for (block, alpha) in [(1, "0.5"), (0, "0.5"), (1, "0.25")] {
                let what = "d = \(d), block \(block), alpha \(alpha)"
                let request = SpectrumRequest(
                    partition: try Partition(parsing: "d-1,1"), seed: try seed.map(DecimalLiteral.init), d: try DecimalLiteral("\(d)"),
                    digits: 15, split: SplitRequest(block: block, alpha: try DecimalLiteral(alpha)))
                let result = try SpectrumJob.run(request)
                let unsplit = try SpectrumJob.run(SpectrumRequest(
                    partition: request.partition, seed: request.seed, d: request.d, digits: 15))
                XCTAssertEqual(result.loss.decimal, unsplit.loss.decimal, what)
                XCTAssertEqual(result.split?.index, unsplit.index, what)
                XCTAssertEqual(result.nullity, 1, what)
                let network = FullSpaceNetwork(
                    weights: try FixedSpaceLayout.parse(result.partition.description, d: d).weights(result.coordinates.map(\.approximate)))
                XCTAssertEqual(network.studentCount, d + 1, what)
                let spectrum = try network.spectrum()
                let negative = spectrum.filter { $0.value < -1e-8 }.reduce(0) { $0 + $1.multiplicity }
                let zero = spectrum.filter { abs($0.value) <= 1e-8 }.reduce(0) { $0 + $1.multiplicity }
                XCTAssertEqual(result.index, Double(negative), what)
                XCTAssertEqual(zero, 1, what)
            }
        }
    }

    func testRefusesAnAlphaOutsideTheOpenInterval() throws {
        for alpha in ["0", "1", "1.5"] {
            let request = SpectrumRequest(
                partition: try Partition(parsing: "d-1,1"), seed: try seed.map(DecimalLiteral.init), d: try DecimalLiteral("10"),
                split: SplitRequest(block: 1, alpha: try DecimalLiteral(alpha)))
            XCTAssertThrowsError(try SpectrumJob.run(request), alpha) { error in
                XCTAssertTrue("\(error)".contains("strictly between 0 and 1"), "\(error)")
            }
        }
    }
}
