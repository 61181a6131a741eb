import LinearAlgebra
import MultiPrecision

extension FullSpaceNetwork {
    /// d^2 L / dW^2, (k d) x (k d); W's entry (i, j) has index i * d + j.
    ///
    /// Diagonal block i: I / 2 (the self term |w_i|^2 / 4) + sum_{i' != i} d2f/dw2(w_i, w_i')
    /// - sum_j d2f/dw2(w_i, e_j). Off-diagonal block (i, i'): d2f/dw dv(w_i, w_i'), which is
    /// symmetric and symmetric under w <-> v, so blocks (i, i') and (i', i) are the same matrix.
    /// Each d x d block is a few rank-one terms in the unit rows, so it is filled as such into
    /// one contiguous array (cost (k d)^2, the size of the result); every block is computed on
    /// and below its diagonal and mirrored, so the matrix is exactly symmetric.
    ///
    /// Throws ``BruteForceError/singular(_:)`` where ``singularity(tolerance:)`` (default
    /// tolerance) reports one: there the second derivatives do not exist.
    public func hessian() throws -> Matrix<Double> {
        if let reason = singularity() { throw BruteForceError.singular(reason) }
        let k = studentCount
        let d = dimension
        let n = k * d
        let units = unitRows()
        var h = [Double](repeating: 0, count: n * n)
        var block = [Double](repeating: 0, count: d * d)
        h.withUnsafeMutableBufferPointer { out in
            for i in 0..<k {
                fillDiagonalBlock(i, units: units, into: &block)
                copy(block, d: d, into: out, rowBlock: i, columnBlock: i, n: n)
                for i2 in 0..<i {
                    fillCrossBlock(i, i2, units: units, into: &block)
                    copy(block, d: d, into: out, rowBlock: i, columnBlock: i2, n: n)
                    copy(block, d: d, into: out, rowBlock: i2, columnBlock: i, n: n)
                }
            }
        }
        var result = Matrix<Double>(rows: n, columns: n, repeating: 0)
        result.elements = h
        return result
    }

    /// w_i / |w_i|, row after row (rows are nonzero at a non-singular point).
    private func unitRows() -> [Double] {
        let d = dimension
        var units = weights.elements
        for i in 0..<studentCount {
            for j in 0..<d { units[i * d + j] /= rowNorms[i] }
        }
        return units
    }

    /// Block (i, i). With wb = w_i / |w_i|, gamma = |v| sin theta / (2 pi |w|) and
    /// kappa = gamma / sin^2 theta, each partner v contributes (sign + for a student, - for a
    /// teacher) gamma I + (kappa c^2 - gamma) wb wb^T + kappa vb vb^T - kappa c (vb wb^T + wb vb^T),
    /// which is the d2f/dw2 of docs/design.md section 1, gamma (I - wb wb^T + n n^T) with n = (vb - c wb) / sin theta expanded.
    /// A teacher's vb vb^T = e_j e_j^T only touches the diagonal.
    private func fillDiagonalBlock(_ i: Int, units: [Double], into block: inout [Double]) {
        let d = dimension
        var identity = 0.5
        var alongSelf = 0.0
        var mixed = [Double](repeating: 0, count: d)
        for j in 0..<(d * d) { block[j] = 0 }
        for i2 in 0..<studentCount where i2 != i {
            let p = studentPair(i, i2)
            let gamma = p.normV * p.sine / (2 * Double.pi * p.normW)
            let kappa = p.normV / (2 * Double.pi * p.normW * p.sine)
            identity += gamma
            alongSelf += kappa * p.cosine * p.cosine - gamma
            let base = i2 * d
            for a in 0..<d {
                let ua = kappa * units[base + a]
                mixed[a] += ua * p.cosine
                for b in 0...a { block[a * d + b] += ua * units[base + b] }
            }
        }
        for j in 0..<d {
            let p = teacherPair(i, j)
            let gamma = p.sine / (2 * Double.pi * p.normW)
            let kappa = 1 / (2 * Double.pi * p.normW * p.sine)
            identity -= gamma
            alongSelf -= kappa * p.cosine * p.cosine - gamma
            mixed[j] -= kappa * p.cosine
            block[j * d + j] -= kappa
        }
        let base = i * d
        for a in 0..<d {
            let wa = units[base + a]
            for b in 0...a {
                let wb = units[base + b]
                block[a * d + b] += alongSelf * wa * wb - wa * mixed[b] - mixed[a] * wb
            }
            block[a * d + a] += identity
        }
        mirrorLowerTriangle(&block, d: d)
    }

    /// Block (i, i') = d2f/dw dv(w_i, w_i') = ((pi - theta) I + m vb^T + n wb^T) / (2 pi) with
    /// m = (wb - c vb) / sin theta and n = (vb - c wb) / sin theta, that is
    /// (pi - theta) / (2 pi) I + (wb vb^T + vb wb^T - c (wb wb^T + vb vb^T)) / (2 pi sin theta).
    private func fillCrossBlock(_ i: Int, _ i2: Int, units: [Double], into block: inout [Double]) {
        let d = dimension
        let p = studentPair(i, i2)
        let identity = (Double.pi - p.angle) / (2 * Double.pi)
        let q = 1 / (2 * Double.pi * p.sine)
        let c = p.cosine
        let wBase = i * d
        let vBase = i2 * d
        for a in 0..<d {
            let wa = units[wBase + a]
            let va = units[vBase + a]
            for b in 0...a {
                let wb = units[wBase + b]
                let vb = units[vBase + b]
                block[a * d + b] = q * (wa * vb + va * wb - c * (wa * wb + va * vb))
            }
            block[a * d + a] += identity
        }
        mirrorLowerTriangle(&block, d: d)
    }

    private func mirrorLowerTriangle(_ block: inout [Double], d: Int) {
        for a in 0..<d {
            for b in 0..<a { block[b * d + a] = block[a * d + b] }
        }
    }

    /// Copies a d x d block into the (k d) x (k d) result at block position (rowBlock, columnBlock).
    private func copy(
        _ block: [Double], d: Int, into out: UnsafeMutableBufferPointer<Double>,
        rowBlock: Int, columnBlock: Int, n: Int
    ) {
        for a in 0..<d {
            let target = (rowBlock * d + a) * n + columnBlock * d
            for b in 0..<d { out[target + b] = block[a * d + b] }
        }
    }
}
