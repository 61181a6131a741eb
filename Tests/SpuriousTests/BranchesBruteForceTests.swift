import BruteForce
import Families
import LossModel
import MultiPrecision
import Spurious
import XCTest

/// The branches born at the built-in families' transitions, checked at integer d against the
/// brute-force model of the full k x d network: a point of each branch at d = 6, 7, 8 (where
/// the branch exists) is a critical point of the full loss, and the number of negative
/// eigenvalues of the full kd x kd Hessian is the index `spectrum` reports there, every
/// isotypic part of the finer space counted.
final class BranchesBruteForceTests: XCTestCase {
    func testBranchPointsAreCriticalWithTheReportedIndex() throws {
        let result = try BranchesJob.run(BranchesRequest(families: .given(try Family.builtIn()), maxD: 8.5, digits: 10))
        var checked = 0
        for family in result.families {
            for transition in family.transitions {
                for outcome in transition.branches {
                    guard case let .success(branch) = outcome.branch else { continue }
                    let run = branch.run
                    for d in [6, 7, 8] {
                        // The sweep's point nearest to d, with no event of the branch between.
                        guard let nearest = run.trace.points.min(by: { abs($0.d - Double(d)) < abs($1.d - Double(d)) }),
                              abs(nearest.d - Double(d)) < 0.3,
                              !run.located.contains(where: { ($0.approximateD - Double(d)) * ($0.approximateD - nearest.d) < 0 })
                        else { continue }
                        let what = "\(run.family.name) at d = \(d)"
                        let spectrum = try SpectrumJob.run(SpectrumRequest(
                            partition: run.family.partition, seed: nearest.x.map { DecimalLiteral(exactly: $0) },
                            d: DecimalLiteral(exactly: Double(d)), seedD: DecimalLiteral(exactly: nearest.d), digits: 12))
                        let network = FullSpaceNetwork(
                            weights: try FixedSpaceLayout.parse(run.family.partition.description, d: d)
                                .weights(spectrum.coordinates.map(\.approximate)))
                        let gradient = network.gradient.elements.map(abs).max() ?? .infinity
                        XCTAssertLessThan(gradient, 1e-9, "\(what): not a critical point of the full loss")
                        let negative = try network.spectrum().filter { $0.value < -1e-8 }.reduce(0) { $0 + $1.multiplicity }
                        XCTAssertEqual(spectrum.index, Double(negative), "\(what): the spectrum's index")
                        checked += 1
                    }
                }
            }
        }
        // One-flipped: d-2,1,1 at 6, 7, 8; two-flipped: d-2,1,1 at 6, 7, 8, d-3,1,2 at 6, 7, 8
        // and d-4,2,2 at 7, 8.
        XCTAssertGreaterThanOrEqual(checked, 11)
    }
}
