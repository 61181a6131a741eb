import Continuation
import LinearAlgebra
import LossModel
import MultiPrecision

/// The critical points of one fixed space as a continuation problem in d: F(x, d) is the
/// reduced gradient, F_x the reduced Hessian and F_d its mixed derivative, all exact
/// (DESIGN.md section 4). The test functions are all the Hessian's distinct eigenvalues, part
/// by part and ascending within a part, so that every sign change is seen: a saddle/minimum
/// transition when the index drops to zero or leaves it.
public struct FamilyProblem: ContinuationProblem {
    public let model: SpectrumModel
    /// The isotypic parts whose eigenvalues are the test functions.
    public let parts: [Int]
    /// For each test function, its part and its rank within the part (0 = smallest).
    public let testFunctionParts: [(part: Int, rank: Int)]

    public init(_ partition: Partition) {
        let model = SpectrumModel(partition)
        self.init(model: model, parts: Array(model.partNames.indices))
    }

    private init(model: SpectrumModel, parts: [Int]) {
        self.model = model
        self.parts = parts
        testFunctionParts = parts.flatMap { part in (0..<model.eigenvalueCount(ofPart: part)).map { (part, $0) } }
    }

    /// The same problem watching one part only: locating a sign change of its eigenvalues then
    /// costs one refined Hessian per evaluation instead of all of them.
    public func watching(part: Int) -> FamilyProblem {
        FamilyProblem(model: model, parts: [part])
    }

    public var partition: Partition { model.loss.space.partition }
    public var dimension: Int { model.loss.space.dimension }
    /// "standard of S_{d-1}", or "standard of S_{d-1} #2" for the second eigenvalue of a part
    /// with several.
    public var testFunctionNames: [String] {
        testFunctionParts.map { part, rank in
            model.partNames[part] + (model.eigenvalueCount(ofPart: part) > 1 ? " #\(rank + 1)" : "")
        }
    }

    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
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

    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func testFunctions<S: Scalar>(_ x: [S], parameter d: S) throws -> [S] {
        try model.sortedEigenvalues(at: x, d: d, parts: parts)
    }

    public func isAdmissible(parameter d: Double) -> Bool {
        model.isFullyDefined(at: d)
    }
}
