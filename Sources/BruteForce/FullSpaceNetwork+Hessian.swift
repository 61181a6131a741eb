import LinearAlgebra
import MultiPrecision

extension FullSpaceNetwork {
    /// d^2 L / dW^2, (k d) x (k d); W's entry (i, j) has index i * d + j.
    ///
    /// Diagonal block i: I / 2 (the self term |w_i|^2 / 4) + sum_{i' != i} d2f/dw2(w_i, w_i')
    /// - sum_j d2f/dw2(w_i, e_j). Off-diagonal block (i, i'): d2f/dw dv(w_i, w_i'), which is
    /// symmetric and symmetric under w <-> v, so blocks (i, i') and (i', i) are the same matrix.
    /// Both are written in the forms of docs/design.md section 1 that stay bounded as sin theta -> 0,
    /// so parallel and anti-parallel rows take the limits there (d2f/dw2 = 0, d2f/dw dv = I/2
    /// at theta = 0 and 0 at theta = pi). Each block is filled on and below its diagonal and
    /// mirrored, so the matrix is exactly symmetric; the cost is O(k (k + d) d^2), below the
    /// (k d)^3 of an eigendecomposition.
    ///
    /// Throws ``BruteForceError/singular(_:)`` where ``singularity(tolerance:)`` (default
    /// tolerance) reports one: a zero row, where the second derivatives do not exist.
    public func hessian() throws -> Matrix<Double> {
        if let reason = singularity() { throw BruteForceError.singular(reason) }
        let k = studentCount
        let d = dimension
        let n = k * d
        var h = [Double](repeating: 0, count: n * n)
        var block = [Double](repeating: 0, count: d * d)
        h.withUnsafeMutableBufferPointer { out in
            for i in 0..<k {
                fillDiagonalBlock(i, into: &block)
                copy(block, d: d, into: out, rowBlock: i, columnBlock: i, n: n)
                for i2 in 0..<i {
                    fillCrossBlock(i, i2, into: &block)
                    copy(block, d: d, into: out, rowBlock: i, columnBlock: i2, n: n)
                    copy(block, d: d, into: out, rowBlock: i2, columnBlock: i, n: n)
                }
            }
        }
        var result = Matrix<Double>(rows: n, columns: n, repeating: 0)
        result.elements = h
        return result
    }

    /// n = unit(vb - c wb): the unit vector in the plane of wb and vb orthogonal to wb, on vb's
    /// side; nil when the two are parallel or anti-parallel to rounding (|vb - c wb| = 0), where
    /// every term it enters is multiplied by sin theta = 0. Near such points vb - c wb is
    /// computed with an absolute error of about eps, so n is off by eps / sin theta, but it is
    /// always multiplied by sin theta: the product stays accurate to about eps.
    private func normal(_ wb: ArraySlice<Double>, _ vb: ArraySlice<Double>, cosine c: Double) -> [Double]? {
        var n = zip(vb, wb).map { $0 - c * $1 }
        let length = n.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 0 else { return nil }
        for a in n.indices { n[a] /= length }
        return n
    }

    /// Row i's unit vector.
    private func unit(_ i: Int) -> ArraySlice<Double> { unitRows[(i * dimension)..<((i + 1) * dimension)] }

    /// Block (i, i): each partner v contributes (sign + for a student, - for a teacher)
    /// d2f/dw2 = gamma (I - wb wb^T + n n^T), gamma = |v| sin theta / (2 pi |w|): bounded, and 0
    /// at theta = 0 and pi.
    private func fillDiagonalBlock(_ i: Int, into block: inout [Double]) {
        let d = dimension
        var identity = 0.5
        var alongSelf = 0.0
        for j in 0..<(d * d) { block[j] = 0 }
        let wb = unit(i)
        var teacher = [Double](repeating: 0, count: d)
        func add(_ p: PairGeometry, partner vb: ArraySlice<Double>, sign: Double) {
            let gamma = sign * p.normV * p.sine / (2 * Double.pi * p.normW)
            identity += gamma
            alongSelf -= gamma
            guard p.sine > 0, let n = normal(wb, vb, cosine: p.cosine) else { return }
            for a in 0..<d {
                let na = gamma * n[a]
                for b in 0...a { block[a * d + b] += na * n[b] }
            }
        }
        for i2 in 0..<studentCount where i2 != i {
            add(studentPair(i, i2), partner: unit(i2), sign: 1)
        }
        for j in 0..<d {
            teacher[j] = 1
            add(teacherPair(i, j), partner: teacher[...], sign: -1)
            teacher[j] = 0
        }
        let base = wb.startIndex
        for a in 0..<d {
            let wa = unitRows[base + a]
            for b in 0...a { block[a * d + b] += alongSelf * wa * unitRows[base + b] }
            block[a * d + a] += identity
        }
        mirrorLowerTriangle(&block, d: d)
    }

    /// Block (i, i') = d2f/dw dv(w_i, w_i') in docs/design.md section 1's stable form,
    /// ((pi - theta) I + s c (wb wb^T - n n^T) + s^2 (wb n^T + n wb^T)) / (2 pi), s = sin theta,
    /// c = cos theta: the same matrix as ((pi - theta) I + m vb^T + n wb^T) / (2 pi) with
    /// m = unit(wb - c vb) (write vb = c wb + s n and m = s wb - c n), without the 1/s of the
    /// expanded (wb vb^T + vb wb^T - c (wb wb^T + vb vb^T)) / s.
    private func fillCrossBlock(_ i: Int, _ i2: Int, into block: inout [Double]) {
        let d = dimension
        let p = studentPair(i, i2)
        let identity = p.supplement / (2 * Double.pi)
        let wb = unit(i)
        let base = wb.startIndex
        for j in 0..<(d * d) { block[j] = 0 }
        if p.sine > 0, let n = normal(wb, unit(i2), cosine: p.cosine) {
            let sc = p.sine * p.cosine / (2 * Double.pi)
            let s2 = p.sine * p.sine / (2 * Double.pi)
            for a in 0..<d {
                let wa = unitRows[base + a]
                for b in 0...a {
                    let wbb = unitRows[base + b]
                    block[a * d + b] = sc * (wa * wbb - n[a] * n[b]) + s2 * (wa * n[b] + n[a] * wbb)
                }
            }
        }
        for a in 0..<d { block[a * d + a] += identity }
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
