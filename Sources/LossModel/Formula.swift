/// The closed form of a reduced loss, of its gradient or of its Hessian, as named intermediate
/// definitions followed by the target expressions: what `spurious formula` prints for a
/// computer algebra system. Built by ``ReducedLoss/formula(_:)``; printed by ``rendered(_:)``;
/// evaluated at a point by ``evaluate(_:d:)``.
public struct Formula: Sendable {
    /// What the targets are.
    public enum Kind: String, CaseIterable, Sendable {
        /// One target, the loss L.
        case loss
        /// dL/dx_i for every variable x_i, in the variables' order.
        case gradient
        /// d2L/dx_i dx_j for i <= j (the upper triangle), row after row.
        case hessian
    }

    /// How ``rendered(_:)`` prints.
    public enum Style: String, CaseIterable, Sendable {
        /// `name = expression` lines with `^` for powers, under a `#` comment line.
        case text
        /// An `align*` environment, one line per definition, under a `%` comment line.
        case latex
        /// A self-contained Python snippet for SymPy.
        case sympy
    }

    /// `symbol = expression`, where the expression uses the variables, d, pi and the symbols
    /// of earlier definitions only.
    public struct Definition: Hashable, Sendable {
        public let symbol: Expression.Symbol
        public let expression: Expression
    }

    /// Which quantity a target expression is; indices are positions in ``variables``.
    public enum Target: Hashable, Sendable {
        case loss
        case derivative(Int)
        case secondDerivative(Int, Int)
    }

    public let partition: Partition
    public let kind: Kind
    /// The fixed-space variables, in the order of ``FixedSpace/variables``.
    public let variables: [Expression.Symbol]
    /// Intermediate quantities in dependency order; only those the targets use.
    public let definitions: [Definition]
    public let targets: [(target: Target, expression: Expression)]

    /// The formula printed in `style`, ending with a newline.
    public func rendered(_ style: Style) -> String {
        switch style {
        case .text: return text
        case .latex: return latex
        case .sympy: return sympy
        }
    }

    /// The comment line that opens every rendering, without the comment marker.
    var headline: String {
        let what: String
        switch kind {
        case .loss: what = "reduced loss L"
        case .gradient: what = "gradient of the reduced loss L"
        case .hessian: what = "Hessian (upper triangle) of the reduced loss L"
        }
        return "\(what) of partition \(partition) (k = \(partition.k)); variables \(variables.map(\.name).joined(separator: ", "))"
    }
}
