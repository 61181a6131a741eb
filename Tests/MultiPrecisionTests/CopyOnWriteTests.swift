import MultiPrecision
import XCTest

/// Value semantics over shared MPFR storage: a write through one copy must never be seen
/// through another, and operands of different precisions round at the larger one.
final class CopyOnWriteTests: XCTestCase {
    private let p = 128

    func testCompoundAssignmentLeavesTheOriginalAlone() {
        let original = number("1.5", p)
        var copy = original
        copy += number("0.25", p)
        XCTAssertEqual(original, number("1.5", p))
        XCTAssertEqual(copy, number("1.75", p))

        var product = original
        product *= number("3", p)
        XCTAssertEqual(original, number("1.5", p))
        XCTAssertEqual(product, number("4.5", p))

        var rest = [original, original]
        rest[1] -= number("1", p)
        rest[0] /= number("3", p)
        XCTAssertEqual(original, number("1.5", p))
        XCTAssertEqual(rest, [number("0.5", p), number("0.5", p)])
    }

    func testFusedMultiplyAddLeavesTheOriginalAlone() {
        let original = number("2", p)
        var copy = original
        copy.formFusedMultiplyAdd(number("3", p), number("0.5", p))
        XCTAssertEqual(original, number("2", p))
        XCTAssertEqual(copy, number("6.5", p))
    }

    /// One rounding, not two: (1 + 2^-100)(1 - 2^-100) - 1 = -2^-200 exactly, while the rounded
    /// product at 128 bits is 1 and a separate subtraction would give 0.
    func testFusedMultiplyAddRoundsOnce() {
        let tiny = BigFloat.epsilon(precision: 101)  // 2^-100
        let one = BigFloat(1, precision: p)
        var fused = one + tiny
        fused.formFusedMultiplyAdd(one - tiny, -one)
        XCTAssertEqual(fused, -(tiny * tiny))
        XCTAssertEqual((one + tiny) * (one - tiny) - one, BigFloat(0, precision: p))
    }

    /// Two roundings, as written out: the product of (1 + 2^-100)(1 - 2^-100) rounds to 1 at 128
    /// bits first, so adding it to -1 gives 0 (a fused multiply-add would give -2^-200).
    func testAddTimesRoundsAsWrittenOut() {
        let tiny = BigFloat.epsilon(precision: 101)  // 2^-100
        let one = BigFloat(1, precision: p)
        let original = -one
        var sum = original
        sum.add(one + tiny, times: one - tiny)
        XCTAssertTrue(sum.isIdentical(to: -one + (one + tiny) * (one - tiny)))
        XCTAssertEqual(sum, BigFloat(0, precision: p))
        XCTAssertEqual(original, -one)

        var difference = one
        difference.subtract(one + tiny, times: one - tiny)
        XCTAssertTrue(difference.isIdentical(to: one - (one + tiny) * (one - tiny)))

        var selfProduct = number("1.5", p)
        selfProduct.add(selfProduct, times: selfProduct)
        XCTAssertEqual(selfProduct, number("3.75", p))
    }

    /// The product rounds at the larger precision of its factors and the sum grows the left
    /// operand to it, as `a += x * y` does.
    func testAddTimesRoundsAtTheLargerPrecision() {
        let third = BigFloat(1, precision: 300) / BigFloat(3, precision: 300)
        let narrow = BigFloat(1, precision: 53)
        var inPlace = narrow
        inPlace.add(third, times: third)
        XCTAssertEqual(inPlace.precision, 300)
        XCTAssertTrue(inPlace.isIdentical(to: narrow + third * third))
        XCTAssertEqual(narrow.precision, 53)

        // A product wider than the stack's 1 KiB takes the same route.
        let wide = BigFloat(1, precision: 20_000) / BigFloat(7, precision: 20_000)
        var sum = BigFloat(2, precision: 20_000)
        sum.subtract(wide, times: wide)
        XCTAssertTrue(sum.isIdentical(to: BigFloat(2, precision: 20_000) - wide * wide))
    }

    /// One product for two sums, as `let e = x * y; a += e; b += e` is written: the product
    /// rounded at the larger precision of its factors, each sum growing its entry to it, the
    /// same entry twice when both places are one, and entries that share storage (copies of
    /// one zero, as a Hessian starts) written separately.
    func testAddProductIsTheWrittenOutFormForBothEntries() {
        let tiny = BigFloat.epsilon(precision: 101)  // 2^-100
        let one = BigFloat(1, precision: p)
        let third = BigFloat(1, precision: 300) / BigFloat(3, precision: 300)
        for (x, y) in [(one + tiny, one - tiny), (third, one), (third, third)] {
            let start = [-one, BigFloat(1, precision: 53), BigFloat(0, precision: p), BigFloat(0, precision: p)]
            var entries = start
            entries[3] = entries[2]  // shared storage
            entries.withUnsafeMutableBufferPointer { buffer in
                BigFloat.addProduct(x, y, to: buffer, at: 0, 1)
                BigFloat.addProduct(x, y, to: buffer, at: 2, 2)
            }
            let e = x * y
            let expected = [start[0] + e, start[1] + e, start[2] + e + e, start[3]]
            for (got, want) in zip(entries, expected) {
                XCTAssertTrue(got.isIdentical(to: want), "\(got) against \(want)")
            }
        }
        var doubles = [1.0, 1e-17, 0.0]
        doubles.withUnsafeMutableBufferPointer { Double.addProduct(3.0, 1e-17, to: $0, at: 0, 1) }
        XCTAssertEqual(doubles, [1.0 + 3.0 * 1e-17, 1e-17 + 3.0 * 1e-17, 0.0])
    }

    func testIdentityTellsZerosAndPrecisionsApart() {
        let zero = BigFloat(0, precision: p)
        XCTAssertTrue(zero.isIdentical(to: BigFloat(0, precision: p)))
        XCTAssertEqual(zero, -zero)
        XCTAssertFalse(zero.isIdentical(to: -zero))
        XCTAssertEqual(BigFloat(1, precision: 64), BigFloat(1, precision: p))
        XCTAssertFalse(BigFloat(1, precision: 64).isIdentical(to: BigFloat(1, precision: p)))
        let nan = zero / zero
        XCTAssertFalse(nan.isIdentical(to: nan))
        XCTAssertTrue(0.0.isIdentical(to: 0.0))
        XCTAssertFalse(0.0.isIdentical(to: -0.0))
        XCTAssertFalse(Double.nan.isIdentical(to: .nan))
        XCTAssertTrue(Interval(zero).isIdentical(to: Interval(BigFloat(0, precision: p))))
        XCTAssertEqual(Interval(zero), Interval(-zero))
        XCTAssertFalse(Interval(zero).isIdentical(to: Interval(-zero)))
    }

    func testSelfAssignmentOperands() {
        var a = number("1.5", p)
        a += a
        XCTAssertEqual(a, number("3", p))
        a *= a
        XCTAssertEqual(a, number("9", p))
        a -= a
        XCTAssertEqual(a, BigFloat(0, precision: p))
        var b = number("2", p)
        b.formFusedMultiplyAdd(b, b)
        XCTAssertEqual(b, number("6", p))
    }

    /// 1 + 2^-600 needs 601 bits: it survives only if the sum rounds at the larger precision.
    func testMixedPrecisionsRoundAtTheLarger() {
        let one = BigFloat(1, precision: 53)
        let tiny = BigFloat.epsilon(precision: 601)  // 2^-600, carried at 601 bits
        let sum = one + tiny
        XCTAssertEqual(sum.precision, 601)
        XCTAssertEqual(sum - one, tiny)
        XCTAssertEqual((tiny + one).precision, 601)

        var inPlace = one
        inPlace += tiny
        XCTAssertEqual(inPlace.precision, 601)
        XCTAssertEqual(inPlace - one, tiny)
        XCTAssertEqual(one.precision, 53)
        XCTAssertEqual(one, BigFloat(1))

        var fused = BigFloat(1, precision: 53)
        fused.formFusedMultiplyAdd(BigFloat(1, precision: 53), tiny)
        XCTAssertEqual(fused.precision, 601)
        XCTAssertEqual(fused - one, tiny)

        // A wider left operand keeps its precision.
        var wide = BigFloat(1, precision: 1000)
        wide += BigFloat(1, precision: 53)
        XCTAssertEqual(wide.precision, 1000)
    }

    func testRoundedToPrecisionIsANewValue() {
        let third = BigFloat(1, precision: 200) / BigFloat(3, precision: 200)
        let short = third.rounded(toPrecision: 53)
        XCTAssertEqual(short.precision, 53)
        XCTAssertEqual(third.precision, 200)
        XCTAssertEqual(short.doubleValue, 1.0 / 3.0)
        XCTAssertNotEqual(BigFloat(short.doubleValue).rounded(toPrecision: 200), third)
    }

    func testCopiesAreIndependentAcrossTasks() async {
        let shared = number("0.1", 256)
        let results = await withTaskGroup(of: BigFloat.self) { group in
            for k in 1...8 {
                group.addTask {
                    var mine = shared
                    for _ in 0..<100 { mine += BigFloat(k, precision: 256) }
                    return mine
                }
            }
            var all: [BigFloat] = []
            for await r in group { all.append(r) }
            return all
        }
        XCTAssertEqual(shared, number("0.1", 256))
        XCTAssertEqual(Set(results.map { $0.formatted(significantDigits: 10) }).count, 8)
    }
}
