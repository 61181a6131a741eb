import BruteForce
import Foundation
import _TestSupport
import LinearAlgebra
import MultiPrecision

extension SeededGenerator {
    /// A standard normal sample (Box-Muller).
    mutating func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }
}

/// A k x d matrix with entries uniform in [-1, 1] plus `diagonal` on the matched entries.
func randomWeights(k: Int, d: Int, seed: UInt64, diagonal: Double = 0) -> Matrix<Double> {
    var rng = SeededGenerator(seed: seed)
    var w = Matrix<Double>(rows: k, columns: d, repeating: 0)
    for i in 0..<k {
        for j in 0..<d { w[i, j] = Double.random(in: -1...1, using: &rng) + (i == j ? diagonal : 0) }
    }
    return w
}

func maxAbs(_ values: [Double]) -> Double { values.reduce(0) { max($0, abs($1)) } }
