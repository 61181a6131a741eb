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
                var table = JetTable<BigFloat>()
                let counts = loss.counts.values(at: d)
                let a = term.a.appendJet(at: x, d: d, dIndex: dIndex, order: .gradient, counts: counts, to: &table)
                let b = term.b?.appendJet(at: x, d: d, dIndex: dIndex, order: .gradient, counts: counts, to: &table)
                let p = term.p.appendJet(at: x, d: d, dIndex: dIndex, order: .gradient, counts: counts, to: &table)
                let u = term.wedge.appendJet(at: x, d: d, dIndex: dIndex, order: .hessian, counts: counts, to: &table)
                let (aValue, pValue) = (table[a].value, table[p].value)
                let bValue = b.map { table[$0].value } ?? BigFloat(1, precision: bits)
                let scale = aValue * bValue
                let expected = scale - pValue * pValue
                XCTAssertLessThan((table[u].value - expected).magnitude, tolerance * scale, "\(text): \(term.pair)")
                // grad u = B grad A + A grad B - 2 p grad p, in (x, d).
                var gradient = [BigFloat](repeating: BigFloat(0, precision: bits), count: x.count + 1)
                var wedge = [BigFloat](repeating: BigFloat(0, precision: bits), count: x.count + 1)
                table.withEntries { entries in
                    for (i, v) in entries.gradient(a) { gradient[i] += bValue * v }
                    for (i, v) in b.map({ Array(entries.gradient($0)) }) ?? [] { gradient[i] += aValue * v }
                    for (i, v) in entries.gradient(p) { gradient[i] -= BigFloat(2) * pValue * v }
                    for (i, v) in entries.gradient(u) { wedge[i] += v }
                    XCTAssertEqual(Set(entries.gradient(u).map(\.0)).count, entries.gradient(u).count, "one entry per index")
                }
                for i in gradient.indices {
                    XCTAssertLessThan((wedge[i] - gradient[i]).magnitude, tolerance * scale, "\(text): \(term.pair), du/dy\(i)")
                }
            }
        }
    }
}
