import BruteForce
import LinearAlgebra
import MultiPrecision
import XCTest

/// The chain rule through the embedding, against finite differences of L(W(x)) in x.
final class ReductionTests: XCTestCase {
    func loss(_ layout: FixedSpaceLayout, _ x: [Double]) throws -> Double {
        try FullSpaceNetwork(weights: layout.weights(x)).loss
    }

    func testReducedDerivativesAgainstFiniteDifferences() throws {
        let cases: [(String, Int, [Double])] = [
            ("d-1,1,1r", 5, [0.9, 0.1, 0.3, -0.2, -0.6, 0.25, 0.4]),
            ("d-2,1,1", 6, [1.1, -0.05, 0.2, 0.15, 0.1, -0.7, 0.3, 0.12, -0.2, 0.8]),
            ("2,d-2c", 5, [0.7, 0.2, 0.3]),
        ]
        let h = 1e-5
        for (text, d, x) in cases {
            let layout = try FixedSpaceLayout.parse(text, d: d)
            XCTAssertEqual(x.count, layout.variableNames.count, text)
            let gradient = layout.reducedGradient(x)
            let hessian = try layout.reducedHessian(x)
            XCTAssertEqual(hessian, hessian.transposed(), text)
            for v in x.indices {
                var plus = x, minus = x
                plus[v] += h
                minus[v] -= h
                let difference = try (loss(layout, plus) - loss(layout, minus)) / (2 * h)
                XCTAssertEqual(gradient[v], difference, accuracy: 1e-7 * max(1, abs(difference)), "\(text), \(v)")
                let gPlus = layout.reducedGradient(plus), gMinus = layout.reducedGradient(minus)
                for u in x.indices {
                    let second = (gPlus[u] - gMinus[u]) / (2 * h)
                    XCTAssertEqual(hessian[u, v], second, accuracy: 1e-6 * max(1, abs(second)), "\(text), (\(u), \(v))")
                }
            }
        }
    }
}
