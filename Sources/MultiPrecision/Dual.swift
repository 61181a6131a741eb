/// A first-order dual number value + derivative e, e^2 = 0: forward-mode differentiation of the
/// generic code written over ``Scalar``. Run a function at `Dual(x, derivative: v)` and the
/// result's `derivative` is the exact directional derivative f'(x) v, rounded as the base rounds
/// (the chain rule, one rule per operation, no differencing: docs/design.md section 4b).
///
/// Duals nest: at `Dual<Dual<BigFloat>>` the outer derivative of the inner derivative is a
/// second derivative. Comparisons, ``signum`` and ``doubleValue`` look at the value alone, so
/// generic code takes the same branches as at the value and differentiates the branch it
/// takes; a derivative is exact where that branch is the function near the point (a branch on
/// a value that the function crosses, like the kernel's clamp of u at 0, makes it one-sided).
/// ``isFinite`` asks both parts, so a rule that has no derivative to give and cannot throw
/// (atan2 at the origin, ``boundedQuotient(_:_:bound:)`` at a zero denominator) gives a
/// derivative that is not finite, and ``Scalar/requireFinite(_:_:)`` reports it.
///
/// Constants (integers, `Double`s, pi, parsed text, literals) have derivative 0 at their own
/// precision; ``precision`` and ``formatted(significantDigits:)`` are the value's. The
/// derivative of a rule that branches on a sign (``magnitude``, ``pow(_:_:)`` with a base
/// <= 0) is that of a point value: with an ``Interval`` base it encloses the derivatives only
/// where the interval's sign is decided.
public struct Dual<Base: Scalar>: Scalar {
    public var value: Base
    public var derivative: Base

    public init(_ value: Base, derivative: Base) {
        self.value = value
        self.derivative = derivative
    }

    /// `value` with derivative 0 at its precision.
    init(constant value: Base) {
        self.init(value, derivative: Base(0, precision: value.precision))
    }

    public init(_ value: Int) { self.init(constant: Base(value)) }
    public init(_ value: Double) { self.init(constant: Base(value)) }
    public init(_ value: Double, precision: Int) { self.init(constant: Base(value, precision: precision)) }
    public init(_ value: Int, precision: Int) { self.init(constant: Base(value, precision: precision)) }
    public init(integerLiteral value: Int) { self.init(value) }

    /// Decimal text as a constant: derivative 0.
    public init(parsing text: String, precision: Int) throws {
        self.init(constant: try Base(parsing: text, precision: precision))
    }

    public var precision: Int { value.precision }
    public static func pi(precision: Int) -> Dual { Dual(constant: Base.pi(precision: precision)) }
    public static func epsilon(precision: Int) -> Dual { Dual(constant: Base.epsilon(precision: precision)) }

    public func rounded(toPrecision precision: Int) -> Dual {
        Dual(value.rounded(toPrecision: precision), derivative: derivative.rounded(toPrecision: precision))
    }

    /// The value's.
    public func formatted(significantDigits digits: Int) -> String { value.formatted(significantDigits: digits) }

    /// "value (derivative d)", for debugging.
    public var description: String { "\(value) (derivative \(derivative))" }

    public var isFinite: Bool { value.isFinite && derivative.isFinite }
    public var signum: Int { value.signum }
    public var doubleValue: Double { value.doubleValue }

    /// |x|: x or -x by the value's sign. At a value of 0, where |x| has a derivative only when
    /// the derivative part is 0 (a stationary zero, such as u = A B - p^2 >= 0 meets at
    /// parallel rows), the derivative is |derivative|, the right derivative (t -> 0+) of
    /// |x + t derivative|: exact wherever a derivative exists, one-sided elsewhere. It cannot
    /// throw, being a property; it nests (a second derivative of |c t^2 / 2| is |c|).
    public var magnitude: Dual {
        switch value.signum {
        case 1: return self
        case -1: return -self
        default: return Dual(value.magnitude, derivative: derivative.magnitude)
        }
    }
}

// MARK: - Comparisons by value

extension Dual {
    /// Equal values, whatever the derivatives: generic code compares values.
    public static func == (lhs: Dual, rhs: Dual) -> Bool { lhs.value == rhs.value }
    public static func < (lhs: Dual, rhs: Dual) -> Bool { lhs.value < rhs.value }
}

// MARK: - Arithmetic

extension Dual {
    public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value + rhs.value, derivative: lhs.derivative + rhs.derivative)
    }

    public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value - rhs.value, derivative: lhs.derivative - rhs.derivative)
    }

    // The derivatives below are the written-out forms (a' b + a b', (a' - (a/b) b') / b) with
    // the second product and the sum in place (``Scalar/add(_:times:)``): the same roundings in
    // the same order, so the same bits, with two values fewer per operation. Nested Duals (the
    // third and fourth derivatives of a transition's branch analysis) multiply the saving.
    public static func * (lhs: Dual, rhs: Dual) -> Dual {
        var derivative = lhs.derivative * rhs.value
        derivative.add(lhs.value, times: rhs.derivative)
        return Dual(lhs.value * rhs.value, derivative: derivative)
    }

    /// (a/b)' = (a' - (a/b) b') / b.
    public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let quotient = lhs.value / rhs.value
        var derivative = lhs.derivative
        derivative.subtract(quotient, times: rhs.derivative)
        derivative /= rhs.value
        return Dual(quotient, derivative: derivative)
    }

    /// self += x * y with the product's parts rounded as `x * y` rounds them, then each sum.
    public mutating func add(_ x: Dual, times y: Dual) {
        var product = x.derivative * y.value
        product.add(x.value, times: y.derivative)
        value.add(x.value, times: y.value)
        derivative += product
    }

    /// self -= x * y, rounded as written out (see ``add(_:times:)``).
    public mutating func subtract(_ x: Dual, times y: Dual) {
        var product = x.derivative * y.value
        product.add(x.value, times: y.derivative)
        value.subtract(x.value, times: y.value)
        derivative -= product
    }

    public static prefix func - (operand: Dual) -> Dual { Dual(-operand.value, derivative: -operand.derivative) }

    public static func += (lhs: inout Dual, rhs: Dual) {
        lhs.value += rhs.value
        lhs.derivative += rhs.derivative
    }

    public static func -= (lhs: inout Dual, rhs: Dual) {
        lhs.value -= rhs.value
        lhs.derivative -= rhs.derivative
    }

    public static func *= (lhs: inout Dual, rhs: Dual) { lhs = lhs * rhs }
    public static func /= (lhs: inout Dual, rhs: Dual) { lhs = lhs / rhs }

    /// The value is the base's bounded quotient (for an ``Interval`` base the whole range where
    /// the denominator's enclosure reaches 0); the derivative is the quotient rule's. The
    /// protocol's default, meant for point types, would return a point 0 for such an interval.
    /// At a zero denominator a bounded function need not have a derivative, and a finite
    /// derivative of the point type's stand-in 0 would be wrong for the product with the
    /// vanishing factor the caller forms: the quotient rule divides by 0 there and gives a
    /// derivative that is not finite, which ``isFinite`` reports.
    public static func boundedQuotient(_ numerator: Dual, _ denominator: Dual, bound: () throws -> Dual) rethrows -> Dual {
        let quotient = try Base.boundedQuotient(numerator.value, denominator.value) { try bound().value }
        return Dual(quotient, derivative: (numerator.derivative - quotient * denominator.derivative) / denominator.value)
    }
}
