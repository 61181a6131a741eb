/// Comparisons that hold only when they hold for every point: `a < b` says that every point of
/// `a` is below every point of `b`. Generic code that branches on a comparison then takes the
/// "true" branch only when the intervals decide it; where they overlap, both `a < b` and
/// `b < a` are false (see ``Interval`` for how the model's branches read that).
///
/// All four ordering operators are implemented here, not left to `Comparable`'s defaults, which
/// derive `<=` as `!(b < a)`: for intervals that would mean "possibly less or equal".
extension Interval: Comparable {
    /// Equality of the two sets: the same endpoints.
    public static func == (a: Interval, b: Interval) -> Bool { a.lower == b.lower && a.upper == b.upper }

    /// Every point of `a` is below every point of `b`.
    public static func < (a: Interval, b: Interval) -> Bool { a.upper < b.lower }
    /// Every point of `a` is at most every point of `b`.
    public static func <= (a: Interval, b: Interval) -> Bool { a.upper <= b.lower }
    /// Every point of `a` is above every point of `b`.
    public static func > (a: Interval, b: Interval) -> Bool { b.upper < a.lower }
    /// Every point of `a` is at least every point of `b`.
    public static func >= (a: Interval, b: Interval) -> Bool { b.upper <= a.lower }
}

extension Interval {
    /// Both ends identical (``BigFloat/isIdentical(to:)``): a stronger test than `==`, which
    /// takes -0 and +0 for the same end.
    public func isIdentical(to other: Interval) -> Bool {
        lower.isIdentical(to: other.lower) && upper.isIdentical(to: other.upper)
    }
}
