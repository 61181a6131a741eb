/// The elementary functions on ``Dual``: the base's function for the value, its exact
/// derivative (the chain rule) for the derivative part, each derivative an expression in the
/// base's correctly rounded functions. Where a function has a value but no derivative, it
/// throws ``ScalarError/notDifferentiable(function:argument:)`` if it can throw (sqrt at 0,
/// asin and acos at +-1, pow of a base <= 0 to a moving exponent); atan2, which cannot, gives
/// a derivative that is not finite at the origin.
extension Dual {
    /// Throws ``ScalarError/notDifferentiable(function:argument:)`` unless `x` is positive
    /// (for an interval base: certainly positive).
    private static func requirePositive(_ x: Base, _ function: String, at argument: Base) throws {
        guard x.signum > 0 else {
            throw ScalarError.notDifferentiable(function: function, argument: argument.formatted(significantDigits: 17))
        }
    }

    /// (sqrt x)' = x' / (2 sqrt x); none at 0, where the slope is infinite.
    public static func sqrt(_ x: Dual) throws -> Dual {
        let root = try Base.sqrt(x.value)
        try requirePositive(x.value, "sqrt", at: x.value)
        return Dual(root, derivative: x.derivative / (root + root))
    }

    public static func sin(_ x: Dual) -> Dual {
        Dual(Base.sin(x.value), derivative: Base.cos(x.value) * x.derivative)
    }

    public static func cos(_ x: Dual) -> Dual {
        Dual(Base.cos(x.value), derivative: -(Base.sin(x.value) * x.derivative))
    }

    /// (tan x)' = (1 + tan^2 x) x'.
    public static func tan(_ x: Dual) throws -> Dual {
        let t = try Base.tan(x.value)
        return Dual(t, derivative: (Base(1) + t * t) * x.derivative)
    }

    /// (asin x)' = x' / sqrt((1 - x)(1 + x)), the product accurate near +-1 where 1 - x^2 is
    /// not; none at +-1.
    public static func asin(_ x: Dual) throws -> Dual {
        let angle = try Base.asin(x.value)
        return Dual(angle, derivative: x.derivative / (try inverseSineSlope(x.value, "asin")))
    }

    /// (acos x)' = -x' / sqrt((1 - x)(1 + x)); none at +-1.
    public static func acos(_ x: Dual) throws -> Dual {
        let angle = try Base.acos(x.value)
        return Dual(angle, derivative: -(x.derivative / (try inverseSineSlope(x.value, "acos"))))
    }

    /// sqrt((1 - x)(1 + x)), throwing where it vanishes.
    private static func inverseSineSlope(_ x: Base, _ function: String) throws -> Base {
        let one = Base(1)
        let product = (one - x) * (one + x)
        try requirePositive(product, function, at: x)
        return try Base.sqrt(product)
    }

    /// (atan x)' = x' / (1 + x^2).
    public static func atan(_ x: Dual) -> Dual {
        Dual(Base.atan(x.value), derivative: x.derivative / (Base(1) + x.value * x.value))
    }

    /// d atan2(y, x) = (x dy - y dx) / (x^2 + y^2). At the origin, where atan2 is not even
    /// continuous, that is 0 / 0: a derivative that is not finite, since atan2 cannot throw.
    /// On the cut (y = 0, x < 0) it is the derivative of the branch the value is on.
    public static func atan2(y: Dual, x: Dual) -> Dual {
        // (x y' - y x') / (x^2 + y^2), rounded as written, the second products and sums in place.
        var slope = x.value * y.derivative
        slope.subtract(y.value, times: x.derivative)
        var radius = x.value * x.value
        radius.add(y.value, times: y.value)
        slope /= radius
        return Dual(Base.atan2(y: y.value, x: x.value), derivative: slope)
    }

    public static func exp(_ x: Dual) throws -> Dual {
        let e = try Base.exp(x.value)
        return Dual(e, derivative: e * x.derivative)
    }

    public static func log(_ x: Dual) throws -> Dual {
        Dual(try Base.log(x.value), derivative: x.derivative / x.value)
    }

    /// d(x^y) = x^y (y dx / x + log x dy) for x > 0. For x <= 0 the base's pow requires an
    /// integer y, and x^y leaves the reals as y moves off it: the exponent's derivative must be
    /// 0 (else this throws), and d(x^y) = y x^(y-1) dx, which is 0 for y = 0. That check reads
    /// the exponent's derivative by value, as every comparison does: a nested exponent whose
    /// first derivatives vanish but whose mixed one does not passes it.
    public static func pow(_ x: Dual, _ y: Dual) throws -> Dual {
        let power = try Base.pow(x.value, y.value)
        if x.value.signum > 0 {
            let logarithm = try Base.log(x.value)
            return Dual(power, derivative: power * (y.value * x.derivative / x.value + logarithm * y.derivative))
        }
        guard y.derivative.signum == 0 else {
            throw ScalarError.notDifferentiable(
                function: "pow",
                argument: "\(x.value.formatted(significantDigits: 17)), \(y.value.formatted(significantDigits: 17))")
        }
        guard y.value.signum != 0 else { return Dual(power, derivative: Base(0, precision: power.precision)) }
        let lower = try Base.pow(x.value, y.value - Base(1))
        return Dual(power, derivative: y.value * lower * x.derivative)
    }
}
