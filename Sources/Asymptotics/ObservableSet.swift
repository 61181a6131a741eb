import LossModel
import MultiPrecision

/// Several quantities along a family evaluated together at each solution (x, d): the whole
/// spectrum at once, which one Hessian per refined space gives, rather than one eigenvalue per
/// Hessian.
public struct ObservableSet: Sendable {
    /// One per component, for reports.
    public let names: [String]
    let evaluate: @Sendable (_ x: [BigFloat], _ d: BigFloat) throws -> [BigFloat]

    public init(names: [String], evaluate: @escaping @Sendable (_ x: [BigFloat], _ d: BigFloat) throws -> [BigFloat]) {
        self.names = names
        self.evaluate = evaluate
    }

    /// One quantity alone.
    public init(_ observable: Observable) {
        self.init(names: [observable.name]) { x, d in [try observable.value(at: x, d: d)] }
    }

    /// The components at the solution `x` at `d`, as many as ``names``.
    public func values(at x: [BigFloat], d: BigFloat) throws -> [BigFloat] {
        let values = try evaluate(x, d)
        precondition(values.count == names.count, "an observable set returned \(values.count) values for \(names.count) names")
        return values
    }
}
