import MultiPrecision
import XCTest
import _TestSupport

/// Interval arithmetic: every operation and elementary function must enclose the exact value
/// at every point of its operands. The reference is the same operation on sample points of
/// the operands (both ends, the midpoint, random points), computed with ``BigFloat`` at four
/// times the precision plus 64 bits: correctly rounded to nearest there, it lies on the right
/// side of any end rounded outward at the lower precision.
final class IntervalTests: XCTestCase {
    typealias Stream = SeededGenerator

    static let precisions = [53, 113, 240]

    /// An interval [centre - h, centre + h] at `precision`, h chosen among 0 (a point), a
    /// relative hair, a small and a wide half-width.
    static func interval(_ stream: inout Stream, _ low: Double, _ high: Double, precision: Int) -> Interval {
        let centre = stream.uniform(low, high)
        let widths = [0, 1e-25 * max(abs(centre), 1), 1e-3, (high - low) / 4]
        let h = widths[Int(stream.next() % UInt64(widths.count))]
        let a = BigFloat(max(low, centre - h), precision: precision)
        let b = BigFloat(min(high, centre + h), precision: precision)
        return a < b ? Interval(lower: a, upper: b) : Interval(lower: b, upper: a)
    }

    /// Points of `x` at `precision`: both ends, the midpoint and two random points.
    static func samples(_ x: Interval, _ stream: inout Stream, precision: Int) -> [BigFloat] {
        let lower = x.lower.rounded(toPrecision: precision)
        let upper = x.upper.rounded(toPrecision: precision)
        let span = upper - lower
        return [lower, upper] + [0.5, stream.unit(), stream.unit()].map { t in
            let point = lower + BigFloat(t, precision: precision) * span
            return upper < point ? upper : (point < lower ? lower : point)
        }
    }

    func assertEncloses(_ result: Interval, _ exact: BigFloat, _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(result.contains(exact), "\(what()): \(exact.formatted(significantDigits: 25)) not in \(result.formatted(significantDigits: 25))", file: file, line: line)
    }

    /// Checks f over random intervals of [low, high] against g at sample points.
    func checkUnary(
        _ name: String, _ low: Double, _ high: Double, count: Int = 40,
        _ f: (Interval) throws -> Interval, _ g: (BigFloat) throws -> BigFloat,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var stream = Stream(seed: UInt64(name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }.magnitude))
        for precision in Self.precisions {
            let reference = 4 * precision + 64
            for _ in 0..<count {
                let x = Self.interval(&stream, low, high, precision: precision)
                let y = try f(x)
                XCTAssertEqual(y.precision, precision, "\(name) keeps the precision", file: file, line: line)
                for point in Self.samples(x, &stream, precision: reference) {
                    assertEncloses(y, try g(point), "\(name)(\(point.formatted(significantDigits: 20))) over \(x)", file: file, line: line)
                }
            }
        }
    }

    /// The compound assignments write in place and give the bits of + and -: at mixed
    /// precisions, with an end shared with another interval, and for x -= x.
    func testCompoundAssignmentsAreTheOperators() {
        let third = Interval(BigFloat(1, precision: 100)) / Interval(BigFloat(3, precision: 100))
        let wide = Interval(BigFloat(1, precision: 300)) / Interval(BigFloat(7, precision: 300))
        func same(_ a: Interval, _ b: Interval, _ what: String) {
            XCTAssertTrue(a.lower.isIdentical(to: b.lower) && a.upper.isIdentical(to: b.upper), "\(what): \(a) against \(b)")
        }
        for (x, y) in [(third, wide), (wide, third), (third, -third)] {
            var sum = x
            sum += y
            same(sum, x + y, "+=")
            var difference = x
            difference -= y
            same(difference, x - y, "-=")
        }
        let shared = third
        var own = shared
        own += wide
        same(shared, Interval(BigFloat(1, precision: 100)) / Interval(BigFloat(3, precision: 100)), "the shared original")
        var selfDifference = wide
        selfDifference -= selfDifference
        same(selfDifference, wide - wide, "x -= x")
    }

    func testArithmeticEnclosesEveryPointIncludingEverySignCase() throws {
        var stream = Stream(seed: 42)
        let operations: [(String, (Interval, Interval) -> Interval, (BigFloat, BigFloat) -> BigFloat)] = [
            ("+", { $0 + $1 }, { $0 + $1 }), ("-", { $0 - $1 }, { $0 - $1 }),
            ("*", { $0 * $1 }, { $0 * $1 }), ("/", { $0 / $1 }, { $0 / $1 }),
        ]
        for precision in Self.precisions {
            let reference = 4 * precision + 64
            for _ in 0..<60 {
                // Ranges that put each operand below, around or above 0, so that all nine sign
                // cases of * and / come up.
                let ranges = [(-5.0, -0.5), (-2.0, 3.0), (0.25, 7.0)]
                let (a, b) = ranges[Int(stream.next() % 3)]
                let (c, e) = ranges[Int(stream.next() % 3)]
                let x = Self.interval(&stream, a, b, precision: precision)
                let y = Self.interval(&stream, c, e, precision: precision + 7)
                for (name, f, g) in operations {
                    let z = f(x, y)
                    XCTAssertEqual(z.precision, precision + 7, "\(name) rounds at the larger precision")
                    if name == "/" && y.sign == nil {
                        XCTAssertFalse(z.isFinite, "a divisor containing 0 gives the whole line")
                        continue
                    }
                    for u in Self.samples(x, &stream, precision: reference) {
                        for v in Self.samples(y, &stream, precision: reference) {
                            assertEncloses(z, g(u, v), "\(u) \(name) \(v)")
                        }
                    }
                }
            }
        }
    }

    func testDivisionByAnIntervalContainingZero() throws {
        let one = Interval(1)
        for divisor in [Interval(lower: BigFloat(-1), upper: BigFloat(2)), Interval(lower: BigFloat(0), upper: BigFloat(2)), Interval(0)] {
            let q = one / divisor
            XCTAssertFalse(q.isFinite)
            XCTAssertTrue(q.contains(BigFloat(1e300)) && q.contains(BigFloat(-1e300)), "\(q)")
            XCTAssertThrowsError(try Interval.requireFinite(q, "a quotient"))
        }
        let tiny = Interval(lower: try BigFloat(parsing: "1e-30", precision: 100), upper: BigFloat(2))
        let q = Interval(lower: BigFloat(-3), upper: BigFloat(5)) / tiny
        XCTAssertTrue(q.isFinite)
        assertEncloses(q, try BigFloat(parsing: "5e30", precision: 200), "5 / 1e-30")
        assertEncloses(q, try BigFloat(parsing: "-3e30", precision: 200), "-3 / 1e-30")
    }

    func testMonotoneFunctionsEncloseEveryPoint() throws {
        try checkUnary("sqrt", 0, 9, { try Interval.sqrt($0) }, { try BigFloat.sqrt($0) })
        try checkUnary("exp", -20, 20, { try Interval.exp($0) }, { try BigFloat.exp($0) })
        try checkUnary("log", 1e-12, 50, { try Interval.log($0) }, { try BigFloat.log($0) })
        try checkUnary("atan", -30, 30, { Interval.atan($0) }, { BigFloat.atan($0) })
        try checkUnary("asin", -1, 1, { try Interval.asin($0) }, { try BigFloat.asin($0) })
        try checkUnary("acos", -1, 1, { try Interval.acos($0) }, { try BigFloat.acos($0) })
        try checkUnary("tan", -1.5, 1.5, { try Interval.tan($0) }, { try BigFloat.tan($0) })
        try checkUnary("negate", -3, 3, { -$0 }, { -$0 })
        try checkUnary("magnitude", -3, 2, { $0.magnitude }, { $0.magnitude })
    }

    func testSineAndCosineOverIntervalsThatHoldExtremes() throws {
        try checkUnary("sin", -12, 12, { Interval.sin($0) }, { BigFloat.sin($0) })
        try checkUnary("cos", -12, 12, { Interval.cos($0) }, { BigFloat.cos($0) })
        // [1, 2] holds pi/2, where sin is 1; [3, 3.5] holds pi, where cos is -1.
        XCTAssertEqual(Interval.sin(Interval(lower: BigFloat(1), upper: BigFloat(2))).upper, BigFloat(1))
        XCTAssertEqual(Interval.cos(Interval(lower: BigFloat(3), upper: BigFloat(3.5))).lower, BigFloat(-1))
        let wide = Interval.sin(Interval(lower: BigFloat(-1), upper: BigFloat(6)))
        XCTAssertEqual(wide.lower, BigFloat(-1))
        XCTAssertEqual(wide.upper, BigFloat(1))
        // [0.1, 1.5] holds no extreme: the enclosure is the two end values, not [-1, 1].
        let monotone = Interval.sin(Interval(lower: BigFloat(0.1, precision: 100), upper: BigFloat(1.5, precision: 100)))
        XCTAssertLessThan(monotone.upper, BigFloat(1))
        XCTAssertGreaterThan(monotone.lower, BigFloat(0))
    }

    func testAcosAndAsinNearTheEndsOfTheirDomain() throws {
        let p = 160
        let nearOne = Interval(lower: try BigFloat(parsing: "0.99999999999999999999", precision: p), upper: BigFloat(1, precision: p))
        let a = try Interval.acos(nearOne)
        assertEncloses(a, BigFloat(0, precision: 4 * p), "acos(1)")
        assertEncloses(a, try BigFloat.acos(nearOne.lower.rounded(toPrecision: 4 * p)), "acos at the lower end, about 1 - 1e-20")
        XCTAssertEqual(a.lower.signum, 0, "acos(1) = 0 exactly")
        let nearMinusOne = Interval(lower: BigFloat(-1, precision: p), upper: try BigFloat(parsing: "-0.9999999999999", precision: p))
        let b = try Interval.acos(nearMinusOne)
        assertEncloses(b, BigFloat.pi(precision: 4 * p), "acos(-1) = pi")
        let c = try Interval.asin(nearMinusOne)
        assertEncloses(c, -BigFloat.pi(precision: 4 * p) / BigFloat(2), "asin(-1) = -pi/2")
        let past = Interval(lower: BigFloat(0.5), upper: try BigFloat(parsing: "1.0000000000000000001", precision: p))
        XCTAssertThrowsError(try Interval.acos(past))
        XCTAssertThrowsError(try Interval.asin(-past))
    }

    func testFunctionsThrowWhenTheIntervalLeavesTheirDomainEvenPartly() throws {
        let straddling = Interval(lower: try BigFloat(parsing: "-1e-30", precision: 100), upper: BigFloat(1))
        XCTAssertThrowsError(try Interval.sqrt(straddling))
        XCTAssertThrowsError(try Interval.log(Interval(lower: BigFloat(0), upper: BigFloat(1))))
        XCTAssertThrowsError(try Interval.tan(Interval(lower: BigFloat(1.5), upper: BigFloat(1.6))), "holds the pole pi/2")
        XCTAssertThrowsError(try Interval.exp(Interval(BigFloat(1e300))), "overflow")
        XCTAssertThrowsError(try Interval.pow(Interval(lower: BigFloat(-1), upper: BigFloat(2)), Interval(-1)), "1/x over an interval around 0")
        XCTAssertThrowsError(try Interval.pow(Interval(lower: BigFloat(-2), upper: BigFloat(-1)), Interval(0.5)), "a negative base to a fractional power")
        XCTAssertEqual(try Interval.sqrt(Interval(lower: BigFloat(0), upper: BigFloat(4))).upper, BigFloat(2))
    }

    func testAtan2OverBoxesInEveryPositionIncludingTheBranchCut() throws {
        var stream = Stream(seed: 9)
        let ranges = [(-3.0, -0.5), (-1.0, 1.0), (0.0, 2.0), (0.5, 3.0)]
        let p = 120
        let reference = 4 * p + 64
        for _ in 0..<200 {
            let (a, b) = ranges[Int(stream.next() % 4)]
            let (c, e) = ranges[Int(stream.next() % 4)]
            let y = Self.interval(&stream, a, b, precision: p)
            let x = Self.interval(&stream, c, e, precision: p)
            let angle = Interval.atan2(y: y, x: x)
            XCTAssertTrue(angle.contains(angle.midpoint))
            for v in Self.samples(y, &stream, precision: reference) {
                for u in Self.samples(x, &stream, precision: reference) {
                    assertEncloses(angle, BigFloat.atan2(y: v, x: u), "atan2(\(v), \(u)) over \(y) x \(x)")
                }
            }
        }
        // A box across the negative x-axis gets the whole range; one above it does not.
        let across = Interval.atan2(y: Interval(lower: BigFloat(-1), upper: BigFloat(1)), x: Interval(lower: BigFloat(-2), upper: BigFloat(-1)))
        XCTAssertTrue(across.contains(BigFloat.pi(precision: 53)) && across.contains(-BigFloat.pi(precision: 53)))
        let above = Interval.atan2(y: Interval(lower: BigFloat(1), upper: BigFloat(2)), x: Interval(lower: BigFloat(-1), upper: BigFloat(1)))
        XCTAssertGreaterThan(above.lower, BigFloat(0.78))
        XCTAssertLessThan(above.upper, BigFloat(2.36))
    }

    /// A point's enclosure is its value rounded down and up: one unit in the last place wide
    /// around the value at four times the precision, or the value itself where it is exact.
    func testFunctionsOfAPointAreTheTwoNeighboursOfTheValue() throws {
        for p in Self.precisions {
            let reference = 4 * p + 64
            let x = BigFloat(2, precision: p) / BigFloat(3, precision: p)
            let y = BigFloat(-5, precision: p) / BigFloat(7, precision: p)
            let cases: [(String, Interval, BigFloat)] = [
                ("sqrt", try Interval.sqrt(Interval(x)), try BigFloat.sqrt(x.rounded(toPrecision: reference))),
                ("exp", try Interval.exp(Interval(y)), try BigFloat.exp(y.rounded(toPrecision: reference))),
                ("log", try Interval.log(Interval(x)), try BigFloat.log(x.rounded(toPrecision: reference))),
                ("acos", try Interval.acos(Interval(y)), try BigFloat.acos(y.rounded(toPrecision: reference))),
                ("atan2", Interval.atan2(y: Interval(y), x: Interval(x)),
                 BigFloat.atan2(y: y.rounded(toPrecision: reference), x: x.rounded(toPrecision: reference))),
                ("atan2, second quadrant", Interval.atan2(y: Interval(x), x: Interval(y)),
                 BigFloat.atan2(y: x.rounded(toPrecision: reference), x: y.rounded(toPrecision: reference))),
            ]
            for (name, result, exact) in cases {
                assertEncloses(result, exact, "\(name) at \(p) bits")
                XCTAssertEqual(result.width, ulp(of: result.lower), "\(name) at \(p) bits is one unit wide")
            }
            let exactCases: [(String, Interval)] = [
                ("sqrt(1/4)", try Interval.sqrt(Interval(BigFloat(0.25, precision: p)))),
                ("log(1)", try Interval.log(Interval(BigFloat(1, precision: p)))),
                ("acos(1)", try Interval.acos(Interval(BigFloat(1, precision: p)))),
                ("atan2(0, 1)", Interval.atan2(y: Interval(BigFloat(0, precision: p)), x: Interval(BigFloat(1, precision: p)))),
            ]
            for (name, result) in exactCases {
                XCTAssertTrue(result.lower.isIdentical(to: result.upper), "\(name) at \(p) bits is exact")
            }
        }
    }

    func testPowerWithIntegerAndFractionalExponents() throws {
        var stream = Stream(seed: 5)
        let p = 100
        let reference = 4 * p + 64
        for n in -3...4 {
            for _ in 0..<20 {
                let range = n < 0 ? [(0.2, 3.0), (-3.0, -0.2)][Int(stream.next() % 2)] : (-2.5, 2.5)
                let x = Self.interval(&stream, range.0, range.1, precision: p)
                let y = try Interval.pow(x, Interval(n))
                for point in Self.samples(x, &stream, precision: reference) {
                    assertEncloses(y, try BigFloat.pow(point, BigFloat(n)), "\(point)^\(n)")
                }
            }
        }
        XCTAssertEqual(try Interval.pow(Interval(lower: BigFloat(-1), upper: BigFloat(2)), Interval(2)).lower.signum, 0, "an even power of an interval around 0 starts at 0")
        for _ in 0..<40 {
            let x = Self.interval(&stream, 0.1, 4, precision: p)
            let e = Self.interval(&stream, -2.5, 2.5, precision: p)
            let y = try Interval.pow(x, e)
            for u in Self.samples(x, &stream, precision: reference) {
                for v in Self.samples(e, &stream, precision: reference) {
                    assertEncloses(y, try BigFloat.pow(u, v), "\(u)^\(v)")
                }
            }
        }
    }

    /// The widths of f(x) for x a decimal constant shrink like 2^-precision.
    func testWidthsShrinkWithPrecision() throws {
        let functions: [(String, (Interval) throws -> Interval)] = [
            ("sqrt", { try Interval.sqrt($0) }), ("exp", { try Interval.exp($0) }), ("log", { try Interval.log($0) }),
            ("sin", { Interval.sin($0) }), ("cos", { Interval.cos($0) }), ("tan", { try Interval.tan($0) }),
            ("asin", { try Interval.asin($0) }), ("acos", { try Interval.acos($0) }), ("atan", { Interval.atan($0) }),
            ("atan2", { Interval.atan2(y: $0, x: $0 - Interval(2)) }), ("pow", { try Interval.pow($0, $0) }),
            ("x/(1+x)", { $0 / (Interval(1) + $0) }), ("x*x-x", { $0 * $0 - $0 }),
        ]
        for (name, f) in functions {
            var previous: BigFloat?
            for precision in [64, 128, 256, 512] {
                let x = try Interval(parsing: "0.7", precision: precision)
                XCTAssertFalse(x.lower == x.upper, "0.7 is not binary: two neighbours")
                let y = try f(x)
                let bound = BigFloat.epsilon(precision: precision) * BigFloat(64)
                XCTAssertLessThanOrEqual(y.width, bound, "\(name) at \(precision) bits: width \(y.width.formatted(significantDigits: 3))")
                if let previous { XCTAssertLessThan(y.width, previous, "\(name): narrower at \(precision) bits") }
                previous = y.width
            }
        }
    }

    func testConstantsParsingAndTextEncloseTheirValues() throws {
        for precision in [53, 200, 1000] {
            let pi = Interval.pi(precision: precision)
            // The reference digits of pi are computed without MPFR (ReferenceDigits).
            let digits = 2 * precision / 3 + 30
            let truncated = String(ReferenceDigits.pi.prefix(digits + 1))
            let below = try BigFloat(parsing: truncated, precision: 4 * precision)
            XCTAssertTrue(pi.contains(below), "pi at \(precision) bits")
            XCTAssertEqual(pi.width, BigFloat.epsilon(precision: precision) * BigFloat(2), "pi is one unit wide")
            let tenth = try Interval(parsing: "0.1", precision: precision)
            XCTAssertTrue(tenth.contains(try BigFloat(parsing: "0.1", precision: 4 * precision)))
            XCTAssertLessThan(tenth.lower, tenth.upper)
        }
        let half = try Interval(parsing: "0.5", precision: 60)
        XCTAssertEqual(half.lower, half.upper, "0.5 is binary: a point")
        XCTAssertThrowsError(try Interval(parsing: "1.2.3", precision: 60))
        XCTAssertEqual(Interval(3).formatted(significantDigits: 3), "[3.00, 3.00]")
        let third = Interval(1) / Interval(3, precision: 100)
        XCTAssertEqual(third.formatted(significantDigits: 4), "[0.3333, 0.3334]", "ends rounded outward")
        XCTAssertEqual(third.provedDigits(upTo: 40)?.count, 32, "0.333... to the 30 digits both ends share (100 bits)")
        XCTAssertNil(Interval(lower: BigFloat(-1), upper: BigFloat(1)).provedDigits(upTo: 5))
    }

    func testComparisonsHoldOnlyWhenCertain() {
        let a = Interval(lower: BigFloat(1), upper: BigFloat(2))
        let b = Interval(lower: BigFloat(1.5), upper: BigFloat(3))
        let c = Interval(lower: BigFloat(2), upper: BigFloat(4))
        XCTAssertFalse(a < b)
        XCTAssertFalse(b < a)
        XCTAssertFalse(a > b)
        XCTAssertFalse(a <= b)
        XCTAssertFalse(a >= b)
        XCTAssertTrue(a <= c)
        XCTAssertFalse(a < c, "they share the point 2")
        XCTAssertTrue(a < Interval(lower: BigFloat(2.5), upper: BigFloat(3)))
        XCTAssertTrue(c >= a)
        XCTAssertEqual(Interval(lower: BigFloat(-1), upper: BigFloat(1)).signum, 0)
        XCTAssertNil(Interval(lower: BigFloat(-1), upper: BigFloat(1)).sign)
        XCTAssertNil(Interval(0).sign)
        XCTAssertEqual(a.signum, 1)
        XCTAssertEqual((-a).signum, -1)
        XCTAssertEqual(a.intersection(c), Interval(2))
        XCTAssertNil(a.intersection(Interval(5)))
        XCTAssertEqual(a.hull(c), Interval(lower: BigFloat(1), upper: BigFloat(4)))
    }

    /// A bounded quotient: the plain quotient where the denominator excludes 0 (the bound not
    /// even evaluated), the whole range [-b, b] where it may vanish; a point type gives 0 there.
    func testBoundedQuotient() throws {
        struct Unused: Error {}
        let third = try Interval.boundedQuotient(Interval(1), Interval(3, precision: 100)) { throw Unused() }
        XCTAssertEqual(third, Interval(1) / Interval(3, precision: 100))
        let straddling = Interval(lower: BigFloat(0), upper: BigFloat(1e-30))
        let range = Interval.boundedQuotient(Interval(1e-31), straddling) { Interval(lower: BigFloat(-2), upper: BigFloat(0.5)) }
        XCTAssertEqual(range, Interval(lower: BigFloat(-2), upper: BigFloat(2)), "[-b, b] with b = max |bound|")
        XCTAssertEqual(Double.boundedQuotient(1, 0) { 5 }, 0)
        XCTAssertEqual(Double.boundedQuotient(1, 4) { 5 }, 0.25)
        XCTAssertEqual(BigFloat.boundedQuotient(BigFloat(1), BigFloat(0)) { BigFloat(5) }.signum, 0)
    }
}
