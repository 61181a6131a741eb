import LinearAlgebra
import MultiPrecision

/// Richardson extrapolation with known exponents: the polynomial of degree n - 1 in
/// h = d^(-1/2) through n nodes (h_i, F_i), whose coefficients estimate those of the expansion
/// F(h) = c_0 + c_1 h + c_2 h^2 + ... .
///
/// With nodes d = 10^m, the h_i form a geometric sequence of ratio 10^(-1/2). The error of c_j
/// from the terms left out is about c_n times a product of n - j of the larger h_i, and an error
/// e in the values reaches c_j multiplied by about h_min^(-j) (the smallest h): so the values
/// must carry j * log10(1/h_min) digits more than c_j is wanted to, which the ladder's
/// precision provides.
enum Richardson {
    /// c_0, ..., c_(n-1) from n nodes; the system is solved in the variable h / max(h), so
    /// that every column of the Vandermonde matrix has largest entry 1.
    static func coefficients(h: [BigFloat], values: [BigFloat]) throws -> [BigFloat] {
        let n = h.count
        guard n == values.count, n >= 1, let reference = h.max() else {
            throw AsymptoticsError.settings("Richardson extrapolation needs as many values as nodes, at least one")
        }
        let precision = (h + values).reduce(64) { max($0, $1.precision) }
        let u = h.map { ($0 / reference).rounded(toPrecision: precision) }
        var vandermonde = Matrix(rows: n, columns: n, repeating: BigFloat(1, precision: precision))
        for i in 0..<n {
            for j in 1..<n { vandermonde[i, j] = vandermonde[i, j - 1] * u[i] }
        }
        let scaled = try solveLinearSystem(vandermonde, values.map { $0.rounded(toPrecision: precision) })
        var coefficients: [BigFloat] = []
        var power = BigFloat(1, precision: precision)
        for c in scaled {
            coefficients.append(c / power)
            power *= reference
        }
        return coefficients
    }
}
