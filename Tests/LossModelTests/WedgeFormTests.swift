@testable import LossModel
import MultiPrecision
import XCTest

/// The wedge form of each kernel term (u as a sum of squared minors, built from the pair's
/// columns) against A B - p^2 and its chain-rule gradient from the term's own quadratic forms,
/// which are built by separate code: at 300 bits, random points, fractional d.
final class WedgeFormTests: XCTestCase {
    let bits = 300

    func testWedgeEqualsABMinusPSquaredWithItsGradient() throws {
        var points = TestPoints(seed: 17)
        let partitions = [
            "d", "d-1,1", "d-2,2", "d-2,1,1", "d-1,1,1r", "d,2r", "d-1,1c", "2,d-2c", "d-2,2,1r", "d-3,3", "d-3,2,1",
        ]
        let tolerance = try BigFloat(parsing: "1e-80", precision: bits)
        for text in partitions {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let x = points.point(names: loss.space.names).map { BigFloat($0, precision: bits) }
            let d = BigFloat(8.75, precision: bits)
            let dIndex = x.count
            for term in loss.kernelTerms {
                let a = term.a.jet(at: x, d: d, dIndex: dIndex, order: .gradient)
                let b = term.b?.jet(at: x, d: d, dIndex: dIndex, order: .gradient)
                let p = term.p.jet(at: x, d: d, dIndex: dIndex, order: .gradient)
                let u = term.wedge.jet(at: x, d: d, dIndex: dIndex, order: .hessian)
                let bValue = b?.value ?? BigFloat(1, precision: bits)
                let scale = a.value * bValue
                let expected = scale - p.value * p.value
                XCTAssertLessThan((u.value - expected).magnitude, tolerance * scale, "\(text): \(term.pair)")
                // grad u = B grad A + A grad B - 2 p grad p, in (x, d).
                var gradient = [BigFloat](repeating: BigFloat(0, precision: bits), count: x.count + 1)
                for (i, v) in a.gradient { gradient[i] += bValue * v }
                for (i, v) in b?.gradient ?? [] { gradient[i] += a.value * v }
                for (i, v) in p.gradient { gradient[i] -= BigFloat(2) * p.value * v }
                var wedge = [BigFloat](repeating: BigFloat(0, precision: bits), count: x.count + 1)
                for (i, v) in u.gradient { wedge[i] += v }
                XCTAssertEqual(Set(u.gradient.map(\.0)).count, u.gradient.count, "one entry per index")
                for i in gradient.indices {
                    XCTAssertLessThan((wedge[i] - gradient[i]).magnitude, tolerance * scale, "\(text): \(term.pair), du/dy\(i)")
                }
            }
        }
    }
}
