import MultiPrecision

/// Integer relations by the PSLQ algorithm of Ferguson and Bailey (one-level, real inputs):
/// integers a_1..a_n, not all zero, with a_1 x_1 + ... + a_n x_n = 0 to the accuracy of x.
///
/// Every quantity is carried at the precision of the inputs; the relation matrix B is kept in
/// machine integers with overflow checks, since a relation worth reporting has small integers
/// (a credible one needs far fewer digits than the data has, ``ClosedFormSearch``), and one
/// whose integers leave 64 bits is not credible at any precision this tool uses.
public enum PSLQ {
    /// The first relation PSLQ meets that holds to the accuracy of x: |a . x| at most
    /// 10 * |a|_1 * 10^(-digits) * |x|, what `digits` correct digits in every x_i allow. Nil
    /// when every relation has a norm above `maxNorm` (PSLQ proves this bound as it goes), when
    /// the integers overflow, or after `maxIterations`.
    public static func relation(among x: [BigFloat], digits: Int, maxNorm: Double, maxIterations: Int = 20_000) throws -> [Int]? {
        let n = x.count
        guard n >= 2, digits >= 1 else { return nil }
        let precision = x.reduce(64) { max($0, $1.precision) }
        let zero = BigFloat(0, precision: precision)
        let xs = x.map { $0.rounded(toPrecision: precision) }
        for value in xs { _ = try BigFloat.requireFinite(value, "an input of PSLQ") }
        let length = try BigFloat.sqrt(xs.reduce(zero) { $0 + $1 * $1 })
        guard length.signum > 0 else { return nil }
        var y = xs.map { $0 / length }
        // Tail norms s_j = |(y_j, ..., y_n)|.
        var tails = Array(repeating: zero, count: n)
        var sum = zero
        for j in stride(from: n - 1, through: 0, by: -1) {
            sum += y[j] * y[j]
            tails[j] = try BigFloat.sqrt(sum)
        }
        let columns = n - 1
        var h = Array(repeating: zero, count: n * columns)
        for i in 0..<n {
            for j in 0..<min(i + 1, columns) {
                if i == j {
                    h[i * columns + j] = tails[j + 1] / tails[j]
                } else if tails[j + 1].signum != 0 {
                    h[i * columns + j] = -(y[i] * y[j]) / (tails[j] * tails[j + 1])
                }
            }
        }
        var b = (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
        let gamma = try BigFloat.sqrt(BigFloat(4, precision: precision) / BigFloat(3, precision: precision))
        let unit = BigFloat.powerOfTen(1 - digits, precision: precision)

        /// Subtracts t times row j from row i of H (first `through` + 1 entries), and keeps y
        /// and B in step. False on integer overflow.
        func reduce(_ i: Int, by j: Int, through last: Int) -> Bool {
            let pivot = h[j * columns + j]
            guard pivot.signum != 0 else { return true }
            guard let t = nearestInteger(h[i * columns + j] / pivot) else { return false }
            guard t != 0 else { return true }
            let big = BigFloat(t, precision: precision)
            y[j] += big * y[i]
            for k in 0...last { h[i * columns + k] -= big * h[j * columns + k] }
            for k in 0..<n {
                let (product, o1) = t.multipliedReportingOverflow(by: b[k][i])
                let (total, o2) = b[k][j].addingReportingOverflow(product)
                guard !o1, !o2 else { return false }
                b[k][j] = total
            }
            return true
        }

        for i in 1..<n {
            for j in stride(from: min(i - 1, columns - 1), through: 0, by: -1) {
                guard reduce(i, by: j, through: j) else { return nil }
            }
        }
        for _ in 0..<maxIterations {
            // Exchange the rows that most reduce the diagonal's weighted growth.
            var m = 0
            var best = zero
            var weight = gamma
            for i in 0..<columns {
                let value = weight * h[i * columns + i].magnitude
                if best < value {
                    best = value
                    m = i
                }
                weight *= gamma
            }
            y.swapAt(m, m + 1)
            for k in 0..<columns { h.swapAt(m * columns + k, (m + 1) * columns + k) }
            for k in 0..<n { b[k].swapAt(m, m + 1) }
            if m < columns - 1 {
                let a = h[m * columns + m]
                let c = h[m * columns + m + 1]
                let r = try BigFloat.sqrt(a * a + c * c)
                guard r.signum != 0 else { return nil }
                let (t1, t2) = (a / r, c / r)
                for i in m..<n {
                    let (t3, t4) = (h[i * columns + m], h[i * columns + m + 1])
                    h[i * columns + m] = t1 * t3 + t2 * t4
                    h[i * columns + m + 1] = t1 * t4 - t2 * t3
                }
            }
            for i in (m + 1)..<n {
                for j in stride(from: min(i - 1, m + 1), through: 0, by: -1) {
                    guard reduce(i, by: j, through: j) else { return nil }
                }
            }
            // A relation shows as an entry of y = x B (x of unit length) as small as the errors
            // of x allow for its column of B.
            for k in 0..<n {
                let relation = b.map { $0[k] }
                let size = relation.reduce(0) { $0 + Double($1.magnitude) }
                if size > 0, y[k].magnitude <= unit * BigFloat(size, precision: precision) { return relation }
            }
            // No relation has a norm below 1 / max |H_jj|.
            let largest = (0..<columns).map { h[$0 * columns + $0].magnitude }.reduce(zero, BigFloat.maximum)
            guard largest.signum > 0, (1 / largest.doubleValue) <= maxNorm else { return nil }
        }
        return nil
    }

    /// The integer nearest to `t` (up to a unit where t is within rounding of a half), or nil
    /// beyond 2^52, where a relation's integers would not be credible anyway.
    static func nearestInteger(_ t: BigFloat) -> Int? {
        guard t.isFinite else { return nil }
        let whole = t.doubleValue.rounded()
        guard whole.magnitude < 4.5e15 else { return nil }
        let rest = (t - BigFloat(whole, precision: t.precision)).doubleValue.rounded()
        return Int(whole) + Int(rest)
    }
}
