import LinearAlgebra
import MultiPrecision

extension FullSpaceNetwork {
    /// L(W) = 1/2 sum_{i,i'} f(w_i, w_i') - sum_{i,j} f(w_i, e_j) + 1/2 sum_{j,j'} f(e_j, e_j').
    ///
    /// The self terms are f(w, w) = |w|^2 / 2, and the teacher part is
    /// 1/2 (d/2 + d(d-1)/(2 pi)) = d/4 + d(d-1)/(4 pi), so that L(I_d) = 0. L is continuous
    /// everywhere, zero rows included (their kernel terms vanish), so this never fails.
    public var loss: Double {
        let k = studentCount
        let d = Double(dimension)
        var students = 0.0
        for i in 0..<k {
            students += rowNorms[i] * rowNorms[i] / 4
            for i2 in 0..<i { students += studentPair(i, i2).kernel }
        }
        var cross = 0.0
        for i in 0..<k {
            for j in 0..<dimension { cross += teacherPair(i, j).kernel }
        }
        let teacher = d / 4 + d * (d - 1) / (4 * Double.pi)
        return students - cross + teacher
    }

    /// dL/dW, k x d: row i is w_i / 2 + sum_{i' != i} grad_w f(w_i, w_i') - sum_j grad_w f(w_i, e_j).
    ///
    /// L is continuously differentiable away from zero rows, parallel rows included. On a zero
    /// row the gradient does not exist; this returns the mean of the gradient over all
    /// directions of approach there (grad_w f(0, v) = v / 4), so the value stays finite.
    public var gradient: Matrix<Double> {
        let k = studentCount
        let d = dimension
        let w = weights.elements
        var g = [Double](repeating: 0, count: k * d)
        for i in 0..<k {
            var onSelf = 0.5
            for i2 in 0..<k where i2 != i {
                let (a, b) = studentPair(i, i2).gradientCoefficients
                onSelf += a
                for j in 0..<d { g[i * d + j] += b * w[i2 * d + j] }
            }
            for j in 0..<d {
                let (a, b) = teacherPair(i, j).gradientCoefficients
                onSelf -= a
                g[i * d + j] -= b
            }
            for j in 0..<d { g[i * d + j] += onSelf * w[i * d + j] }
        }
        var result = Matrix<Double>(rows: k, columns: d, repeating: 0)
        result.elements = g
        return result
    }
}
