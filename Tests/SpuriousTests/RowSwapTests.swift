import BruteForce
import LinearAlgebra
import LossModel
import XCTest

/// The row exchanges that keep a fixed space (`FixedSpace.rowSwaps`), checked on the full k x d
/// weight matrix of the BruteForce model: each maps a point's W to W with exactly two student
/// rows exchanged, so that the image is the same network with two neurons relabelled.
final class RowSwapTests: XCTestCase {
    func testEachSwapExchangesTwoRowsOfTheWeightMatrix() throws {
        var generator = SystemRandomNumberGenerator()
        let cases: [(String, Int, Int)] = [("d-2,2", 7, 1), ("d-2,1,1", 6, 1), ("d-3,2,1,1r", 7, 2), ("d-4,2,2", 9, 2), ("d-1,1,1r", 6, 1)]
        for (text, d, swaps) in cases {
            let space = FixedSpace(try Partition(parsing: text))
            XCTAssertEqual(space.rowSwaps.count, swaps, text)
            let layout = try FixedSpaceLayout.parse(text, d: d)
            let x = (0..<space.dimension).map { _ in Double.random(in: -1...1, using: &generator) }
            let w = try layout.weights(x)
            for swap in space.rowSwaps {
                let image = try layout.weights(swap.apply(x))
                let row = { (m: Matrix<Double>, i: Int) in (0..<m.columns).map { m[i, $0] } }
                let changed = (0..<w.rows).filter { row(w, $0) != row(image, $0) }
                XCTAssertEqual(changed.count, 2, "\(text): \(swap.source)")
                guard changed.count == 2 else { continue }
                XCTAssertEqual(row(image, changed[0]), row(w, changed[1]), text)
                XCTAssertEqual(row(image, changed[1]), row(w, changed[0]), text)
            }
        }
    }
}
