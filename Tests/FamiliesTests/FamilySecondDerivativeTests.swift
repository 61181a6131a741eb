import Continuation
import Families
import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// The family's psi^T F_yy, one Dual evaluation of the Hessian in (x, d), against the engine's
/// default, n + 1 Dual evaluations of F_y: two routes through different derivatives of the loss
/// (the third derivative along psi against those along each coordinate).
final class FamilySecondDerivativeTests: XCTestCase {
    /// The same equations without the family's own second derivative.
    struct DefaultRoute: ContinuationProblem {
        let problem: FamilyProblem
        var dimension: Int { problem.dimension }
        func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
            try problem.evaluate(x, parameter: parameter)
        }
    }

    func testGradientShortcutAgreesWithTheDefault() throws {
        let p = 200
        var state: UInt64 = 21
        func uniform(_ lower: Double, _ upper: Double) -> BigFloat {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return BigFloat(lower + (upper - lower) * Double(state >> 11) / Double(1 << 53), precision: p)
        }
        for text in ["d-1,1", "d-2,1,1"] {
            let problem = FamilyProblem(try Partition(parsing: text))
            let names = problem.model.loss.space.names
            let x = names.map { $0.hasPrefix("D") ? uniform(0.5, 1.5) : uniform(-0.6, 0.6) }
            let psi = names.map { _ in uniform(-1, 1) }
            let d = BigFloat(7.3, precision: p)
            let shortcut = try problem.secondDerivative(x, parameter: d, weightedBy: psi)
            let reference = try DefaultRoute(problem: problem).secondDerivative(x, parameter: d, weightedBy: psi)
            let size = reference.elements.map(\.magnitude).reduce(BigFloat(1), BigFloat.maximum)
            let tolerance = BigFloat.epsilon(precision: p) * BigFloat(64) * size
            for (a, b) in zip(shortcut.elements, reference.elements) {
                XCTAssertLessThanOrEqual((a - b).magnitude, tolerance, "\(text)")
            }
        }
    }
}
