import LossModel
import MultiPrecision

/// A quantity along a family whose expansion in d is wanted: the loss, a coordinate, or one
/// Hessian eigenvalue, evaluated at a solution (x, d).
public struct Observable: Sendable {
    /// As the user wrote it, for reports.
    public let name: String
    let evaluate: @Sendable (_ x: [BigFloat], _ d: BigFloat) throws -> BigFloat

    public init(name: String, evaluate: @escaping @Sendable (_ x: [BigFloat], _ d: BigFloat) throws -> BigFloat) {
        self.name = name
        self.evaluate = evaluate
    }

    /// The quantity at the solution `x` at `d`.
    public func value(at x: [BigFloat], d: BigFloat) throws -> BigFloat {
        try evaluate(x, d)
    }
}

extension Observable {
    /// The quantity `quantity` names, along the fixed space of `model`; throws
    /// ``AsymptoticsError/unknownQuantity(name:known:)`` for a name the space does not have.
    public init(_ quantity: SeriesQuantity, model: SpectrumModel) throws {
        let name = quantity.description
        switch quantity.kind {
        case .loss:
            let loss = model.loss
            self.init(name: name) { x, d in try loss.value(at: x, d: d) }
        case let .coordinate(coordinate):
            guard let index = model.loss.space.names.firstIndex(of: coordinate) else {
                throw AsymptoticsError.unknownQuantity(name: name, known: Observable.forms(model))
            }
            self.init(name: name) { x, _ in x[index] }
        case .spectrum:
            throw AsymptoticsError.settings("the whole spectrum is not one quantity: expand it with SpectrumSeries")
        case let .eigenvalue(irrep, rank):
            guard let part = model.partNames.firstIndex(of: irrep) else {
                throw AsymptoticsError.unknownQuantity(name: name, known: Observable.forms(model))
            }
            let count = model.eigenvalueCount(ofPart: part)
            guard (1...max(count, 1)).contains(rank), count > 0 else {
                throw AsymptoticsError.settings("'\(irrep)' has \(count) distinct eigenvalues: the index after the last ':' must be 1 to \(count)")
            }
            self.init(name: name) { x, d in
                try model.sortedEigenvalues(at: x, d: d, parts: [part])[rank - 1]
            }
        }
    }

    /// The accepted forms, for messages.
    static func forms(_ model: SpectrumModel) -> [String] {
        ["loss", "spectrum"] + model.loss.space.names
            + model.partNames.indices.map { "eigenvalue:\(model.partNames[$0]):1..\(model.eigenvalueCount(ofPart: $0))" }
    }
}

extension String {
    /// Without leading and trailing white space.
    var withoutSurroundingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
