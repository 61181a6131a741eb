import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// The Hessian at parallel and anti-parallel pairs (the limits of docs/design.md section 1) against
/// difference quotients of the exact gradient, which uses first derivatives only and, at
/// y0 +- eps E, generic angles. The loss is C^2 there with a Lipschitz Hessian but not C^3, so
/// the quotients converge linearly in eps, and they must converge to what the Hessian says.
final class ParallelLimitTests: XCTestCase {
    let bits = 256

    /// (partition, x, d, which pair is parallel or anti-parallel).
    static let points: [(String, [Double], Double, String)] = [
        ("d", [1, 0], 7, "W = I: each row parallel to its teacher column"),
        ("d", [0.4, 0.4], 7, "all rows of block 0 equal"),
        ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.3, 0.5], 6.5, "rows of blocks 1 and 2 equal"),
        ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.6, 1.0], 6.5, "row of block 2 twice that of block 1"),
        ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, -0.3, -0.5], 6.5, "rows of blocks 1 and 2 opposite"),
        ("d-1,1", [0.9, 0.1, 0.2, 0, -0.7], 6.5, "row of block 1 anti-parallel to its teacher column"),
    ]

    func testGradientDifferencesConvergeLinearlyToTheHessian() throws {
        var state: UInt64 = 9
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 2 * Double(state >> 11) / Double(1 << 53) - 1
        }
        let epsilons = [1e-2, 1e-3, 1e-4, 1e-5]
        for (text, x, d, what) in Self.points {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let y0 = (x + [d]).map { BigFloat($0, precision: bits) }
            let n = y0.count
            func gradient(_ y: [BigFloat]) throws -> [BigFloat] {
                try loss.hessian(at: Array(y.dropLast()), d: y[n - 1], includingD: true).gradient
            }
            let exact = try loss.hessian(at: Array(y0.dropLast()), d: y0[n - 1], includingD: true)
            let hessian = try XCTUnwrap(exact.hessian)
            for _ in 0..<2 {
                let e = (0..<n).map { _ in BigFloat(uniform(), precision: bits) }
                let he = (0..<n).map { i in (0..<n).reduce(BigFloat(0, precision: bits)) { $0 + hessian[i, $1] * e[$1] } }
                let size = he.map { $0.magnitude.doubleValue }.max() ?? 0
                var errors: [Double] = []
                for eps in epsilons {
                    let h = BigFloat(eps, precision: bits)
                    let g = try gradient(zip(y0, e).map { $0 + h * $1 })
                    errors.append((0..<n).map { (((g[$0] - exact.gradient[$0]) / h) - he[$0]).magnitude.doubleValue }.max() ?? .infinity)
                }
                let rate = errors[0] / epsilons[0]
                for (k, eps) in epsilons.enumerated() {
                    XCTAssertLessThanOrEqual(errors[k], 2 * rate * eps, "\(text), \(what): errors \(errors)")
                }
                XCTAssertLessThan(errors[3], 1e-3 * max(size, 1), "\(text), \(what): errors \(errors)")
            }
        }
    }
}
