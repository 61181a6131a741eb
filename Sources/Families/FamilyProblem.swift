import Continuation
import LinearAlgebra
import LossModel
import MultiPrecision

/// The critical points of one fixed space as a continuation problem in d: F(x, d) is the
/// reduced gradient, F_x the reduced Hessian and F_d its mixed derivative, all exact
/// (DESIGN.md section 4). The test functions are the smallest eigenvalue of each isotypic
/// part, so that a sign change is a saddle/minimum transition.
public struct FamilyProblem: ContinuationProblem {
    public let model: SpectrumModel
    /// The isotypic parts whose smallest eigenvalues are the test functions.
    public let parts: [Int]

    public init(_ partition: Partition) {
        model = SpectrumModel(partition)
        parts = Array(model.partNames.indices)
    }

    private init(model: SpectrumModel, parts: [Int]) {
        self.model = model
        self.parts = parts
    }

    /// The same problem watching one part only: locating its sign change then costs one
    /// refined Hessian per evaluation instead of all of them.
    public func watching(part: Int) -> FamilyProblem {
        FamilyProblem(model: model, parts: [part])
    }

    public var partition: Partition { model.loss.space.partition }
    public var dimension: Int { model.loss.space.dimension }
    public var testFunctionNames: [String] { parts.map { model.partNames[$0] } }

    public func evaluate<S: Scalar>(_ x: [S], parameter d: S) throws -> ProblemEvaluation<S> {
        let evaluation = try model.loss.evaluate(x, d: d, order: .hessian, includingD: true)
        guard let hessian = evaluation.hessian else { throw ModelError.undefinedPart("no Hessian") }
        let n = dimension
        var jacobian = Matrix(rows: n, columns: n, repeating: evaluation.value)
        for i in 0..<n { for j in 0..<n { jacobian[i, j] = hessian[i, j] } }
        return ProblemEvaluation(
            residual: Array(evaluation.gradient[0..<n]), jacobian: jacobian,
            parameterDerivative: (0..<n).map { hessian[$0, n] })
    }

    public func testFunctions<S: Scalar>(_ x: [S], parameter d: S) throws -> [S] {
        try model.smallestEigenvalues(at: x, d: d, parts: parts)
    }

    public func isAdmissible(parameter d: Double) -> Bool {
        model.isFullyDefined(at: d)
    }
}
