import Continuation
import LinearAlgebra
import LossModel
import MultiPrecision

/// The critical points of one fixed space as a continuation problem in d: the equations are the
/// reduced gradient (``ReducedGradient``, exact derivatives), and the test functions are all the
/// Hessian's distinct eigenvalues, part by part and ascending within a part, so that every
/// sign change is seen: a saddle/minimum transition when the index drops to zero or leaves it
/// (docs/design.md section 4). Built once per partition; the sweep, every event's location and
/// the certificates share it.
public struct FamilyProblem: ContinuationProblem {
    public let model: SpectrumModel
    /// The isotypic parts whose eigenvalues are the test functions, as positions in the model's
    /// ``SpectrumModel/partIDs``.
    public let parts: [Int]
    /// For each test function, its part and its rank within the part (0 = smallest).
    public let testFunctionParts: [(part: IsotypicPartID, rank: Int)]
    private let equations: ReducedGradient

    public init(_ partition: Partition) {
        self.init(model: SpectrumModel(partition))
    }

    public init(model: SpectrumModel) {
        self.init(model: model, parts: Array(model.partIDs.indices))
    }

    private init(model: SpectrumModel, parts: [Int]) {
        self.model = model
        self.parts = parts
        equations = ReducedGradient(model.loss)
        let ids = model.partIDs
        testFunctionParts = parts.flatMap { part in (0..<model.eigenvalueCount(ofPart: part)).map { (ids[part], $0) } }
    }

    /// The same problem watching one part only: locating a sign change of its eigenvalues then
    /// costs one refined Hessian per evaluation instead of all of them.
    public func watching(part: IsotypicPartID) -> FamilyProblem {
        FamilyProblem(model: model, parts: model.index(of: part).map { [$0] } ?? [])
    }

    public var partition: Partition { model.loss.space.partition }
    public var dimension: Int { model.loss.space.dimension }
    /// "standard of S_{d-1}", or "standard of S_{d-1} #2" for the second eigenvalue of a part
    /// with several.
    public var testFunctionNames: [String] {
        testFunctionParts.map { part, rank in
            let index = model.index(of: part) ?? 0
            return model.partNames[index] + (model.eigenvalueCount(ofPart: index) > 1 ? " #\(rank + 1)" : "")
        }
    }

    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func evaluate<S: Scalar>(_ x: [S], parameter d: S) throws -> SystemEvaluation<S> {
        try equations.evaluate(x, parameter: d)
    }

    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func testFunctions<S: Scalar>(_ x: [S], parameter d: S) throws -> [S] {
        try model.sortedEigenvalues(at: x, d: d, parts: parts)
    }

    /// One Dual evaluation of the Hessian in (x, d) (``ReducedGradient``).
    public func secondDerivative<S: Scalar>(_ x: [S], parameter d: S, weightedBy psi: [S]) throws -> Matrix<S> {
        try equations.secondDerivative(x, parameter: d, weightedBy: psi)
    }

    public func isAdmissible(parameter d: Double) -> Bool {
        model.isFullyDefined(at: d)
    }
}
