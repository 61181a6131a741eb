import LinearAlgebra
import MultiPrecision

extension FixedSpaceLayout {
    /// d/dx L(W(x)) for the fixed-space variables x: by the chain rule through the 0/1
    /// embedding W = E x, each variable's component is the sum of the full gradient over the
    /// entries it fills (E^T grad L). Not divided by the counts: this is the gradient of the
    /// reduced loss itself, which the reduced model's own derivative must equal.
    ///
    /// `values` must have one value per variable (a precondition, like a matrix shape).
    public func reducedGradient(_ values: [Double]) -> [Double] {
        precondition(values.count == variableNames.count, "\(variableNames.count) values expected, got \(values.count)")
        let full = FullSpaceNetwork(weights: embed(values)).gradient.elements
        var reduced = [Double](repeating: 0, count: variableNames.count)
        for (entry, variable) in variableOfEntry.enumerated() { reduced[variable] += full[entry] }
        return reduced
    }

    /// d^2/dx^2 L(W(x)) = E^T H E, nvars x nvars and exactly symmetric: the Hessian of the
    /// reduced loss. Its eigenvalues are not the full Hessian's; those of the pencil
    /// (this, diag(counts)) are (docs/design.md section 3).
    ///
    /// Throws what ``weights(_:)`` and ``FullSpaceNetwork/hessian()`` throw.
    public func reducedHessian(_ values: [Double]) throws -> Matrix<Double> {
        let full = try FullSpaceNetwork(weights: weights(values)).hessian()
        let n = full.rows
        let m = variableNames.count
        var reduced = [Double](repeating: 0, count: m * m)
        full.elements.withUnsafeBufferPointer { h in
            for p in 0..<n {
                let rowBase = variableOfEntry[p] * m
                for q in 0..<n { reduced[rowBase + variableOfEntry[q]] += h[p * n + q] }
            }
        }
        // The sums for (u, v) and (v, u) meet the same terms in different orders; averaging
        // them makes the result exactly symmetric, as the reduced model's Hessian is.
        for u in 0..<m {
            for v in 0..<u {
                let mean = (reduced[u * m + v] + reduced[v * m + u]) / 2
                reduced[u * m + v] = mean
                reduced[v * m + u] = mean
            }
        }
        var result = Matrix<Double>(rows: m, columns: m, repeating: 0)
        result.elements = reduced
        return result
    }
}
