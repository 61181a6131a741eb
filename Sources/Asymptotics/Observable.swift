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
    /// Reads `loss`, a coordinate name (`D0`, `C1_0`) or `eigenvalue:<irrep>:<i>`, the i-th
    /// smallest (from 1) distinct eigenvalue of an isotypic part named as `spurious spectrum`
    /// prints it (`eigenvalue:standard of S_{d-1}:1`).
    public init(parsing text: String, model: SpectrumModel) throws {
        let names = model.loss.space.names
        let trimmed = text.withoutSurroundingWhitespace
        if trimmed == "loss" {
            let loss = model.loss
            self.init(name: trimmed) { x, d in try loss.value(at: x, d: d) }
            return
        }
        if let index = names.firstIndex(of: trimmed) {
            self.init(name: trimmed) { x, _ in x[index] }
            return
        }
        let prefix = "eigenvalue:"
        guard trimmed.hasPrefix(prefix) else {
            throw AsymptoticsError.unknownQuantity(name: text, known: Observable.forms(model))
        }
        let body = trimmed.dropFirst(prefix.count)
        guard let colon = body.lastIndex(of: ":"), let rank = Int(body[body.index(after: colon)...]) else {
            throw AsymptoticsError.unknownQuantity(name: text, known: Observable.forms(model))
        }
        let irrep = String(body[..<colon])
        guard let part = model.partNames.firstIndex(of: irrep) else {
            throw AsymptoticsError.unknownQuantity(name: text, known: Observable.forms(model))
        }
        let count = model.eigenvalueCount(ofPart: part)
        guard (1...max(count, 1)).contains(rank), count > 0 else {
            throw AsymptoticsError.settings("'\(irrep)' has \(count) distinct eigenvalues: the index after the last ':' must be 1 to \(count)")
        }
        self.init(name: trimmed) { x, d in
            try model.sortedEigenvalues(at: x, d: d, parts: [part])[rank - 1]
        }
    }

    /// The accepted forms, for messages.
    static func forms(_ model: SpectrumModel) -> [String] {
        ["loss"] + model.loss.space.names
            + model.partNames.indices.map { "eigenvalue:\(model.partNames[$0]):1..\(model.eigenvalueCount(ofPart: $0))" }
    }
}

extension String {
    /// Without leading and trailing white space.
    var withoutSurroundingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
