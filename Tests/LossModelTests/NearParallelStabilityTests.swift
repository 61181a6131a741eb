import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// Near a parallel or anti-parallel pair the Hessian stays accurate to working precision: no
/// 1/sin theta amplifies rounding, and sin theta itself is not taken from A B - p^2, which
/// loses everything below eps A B (docs/design.md section 1). At angles 1e-6, 1e-10 and 1e-20 from
/// 0 or pi, the Hessian in Double and at 300 bits is compared with a 600-bit evaluation at the
/// same point. Each point is built at the working precision from decimal constants (0.3, 0.9,
/// ...), so that its coordinates fill the significand and their products are not exact.
final class NearParallelStabilityTests: XCTestCase {
    /// (partition, d, what, the point at angle theta from 0 or pi, built at theta's precision).
    /// The coordinates that carry the small angle are small numbers themselves, so the point is
    /// representable at every precision.
    static let families: [(String, Double, String, @Sendable (BigFloat) throws -> [BigFloat])] = [
        // A row (D, t, ..., t) at angle atan(sqrt(d-1) t / D) from its teacher column.
        ("d", 6, "rows near their teacher columns", { theta in
            let (c, root) = try constants(theta, 5)
            return [c("1.1"), c("1.1") * theta / root]
        }),
        // Rows (a, ..., a, t) and (a, ..., a, -t), at angle about 2t / (a sqrt(d-1)).
        ("d-1,1,1r", 6.5, "rows of blocks 1 and 2 nearly parallel", { theta in
            let (c, root) = try constants(theta, 5.5)
            let t = theta * c("0.3") * root / c("2")
            return [c("0.9"), c("0.1"), c("0.2"), c("0.3"), t, c("0.3"), -t]
        }),
        // Rows (a, ..., a, t) and (-a, ..., -a, t): pi minus about 2t / (a sqrt(d-1)).
        ("d-1,1,1r", 6.5, "rows of blocks 1 and 2 nearly opposite", { theta in
            let (c, root) = try constants(theta, 5.5)
            let t = theta * c("0.3") * root / c("2")
            return [c("0.9"), c("0.1"), c("0.2"), c("0.3"), t, -c("0.3"), t]
        }),
        // Rows (a, ..., a, t, t/2) and (a, ..., a, -t, -t) of blocks 1 and 3: their minors
        // 2at and (3/2)at vary independently, so the angle, about 2.5t / (a sqrt(d-2)), has two
        // directions to vanish in (with one, errors in sin theta cancel to first order).
        ("d-2,1,1,1r", 7.5, "rows of blocks 1 and 3 nearly parallel", { theta in
            let (c, root) = try constants(theta, 5.5)
            let t = theta * c("0.3") * root / c("2.5")
            return [c("0.9"), c("0.1"), c("0.2"), c("0.15"), c("0.3"), t, t / c("2"), c("0.25"), c("0.1"), c("0.8"), c("0.3"), -t, -t]
        }),
        // Row (t, ..., t, -0.7): pi minus about sqrt(d-1) t / 0.7 from its teacher column.
        ("d-1,1", 6.5, "row of block 1 nearly opposite its teacher column", { theta in
            let (c, root) = try constants(theta, 5.5)
            return [c("0.9"), c("0.1"), c("0.2"), c("0.7") * theta / root, -c("0.7")]
        }),
    ]

    /// Decimal constants and sqrt(d - 1) at theta's precision.
    static func constants(_ theta: BigFloat, _ dMinusOne: Double) throws -> ((String) -> BigFloat, BigFloat) {
        let p = theta.precision
        let parse = { (text: String) -> BigFloat in (try? BigFloat(parsing: text, precision: p)) ?? BigFloat(0, precision: p) }
        return (parse, try BigFloat.sqrt(BigFloat(dMinusOne, precision: p)))
    }

    static func maximum(_ values: [BigFloat]) -> BigFloat { values.map(\.magnitude).reduce(BigFloat(0, precision: 600), BigFloat.maximum) }

    func testDoubleAndMPFRHessiansAgreeWithA600BitOne() throws {
        for (text, d, what, point) in Self.families {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            for theta in ["1e-6", "1e-10", "1e-20"] {
                func hessian(_ x: [BigFloat], bits: Int) throws -> Matrix<BigFloat> {
                    try XCTUnwrap(try loss.hessian(at: x.map { $0.rounded(toPrecision: bits) }, d: BigFloat(d, precision: bits)).hessian)
                }
                // Double: the point built at 53 bits, exactly the same at 600.
                let x = try point(try BigFloat(parsing: theta, precision: 53)).map(\.doubleValue)
                let double = try XCTUnwrap(try loss.hessian(at: x, d: d).hessian)
                let reference = try hessian(x.map { BigFloat($0, precision: 53) }, bits: 600)
                let gap = Self.maximum(zip(double.elements, reference.elements).map { BigFloat($0, precision: 53) - $1 })
                XCTAssertLessThan((gap / Self.maximum(reference.elements)).doubleValue, 1e-13, "\(text), \(what), theta \(theta): Double")

                let y = try point(try BigFloat(parsing: theta, precision: 300))
                let mpfr = try hessian(y, bits: 300)
                let reference300 = try hessian(y, bits: 600)
                let gap300 = Self.maximum(zip(mpfr.elements, reference300.elements).map { $0 - $1 })
                XCTAssertLessThan(gap300 / Self.maximum(reference300.elements), try BigFloat(parsing: "1e-85", precision: 600), "\(text), \(what), theta \(theta): 300 bits")
            }
        }
    }
}
