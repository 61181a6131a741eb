import Certification
import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// The model's generic closed form (loss, gradient, Hessian in (x, d)) evaluated with
/// intervals over a small box must enclose its BigFloat values at points of that box, computed
/// at twice the precision: the interval path through the same code is sound.
final class ModelEnclosureTests: XCTestCase {
    struct Case {
        let partition: String
        let x: [Double]
        let d: Double
    }

    static let cases = [
        Case(partition: "d-1,1", x: [1.00435, -0.01581, 0.18237, 0.12604, -0.69904], d: 10),
        Case(partition: "d-2,2", x: [0.99756, -0.03741, 0.19101, 0.13552, -0.72984, 0.15326], d: 7.3),
        Case(partition: "d-1,1,1r", x: [0.97, -0.045, 0.28, 0.08, -0.45, 0.16, -0.18], d: 6.6),
        Case(partition: "d", x: [-0.65, 0.34], d: 5.8),
    ]

    func testIntervalEvaluationEnclosesPointEvaluationsOverABox() throws {
        let p = 128
        let radius = try BigFloat(parsing: "1e-12", precision: p)
        var state: UInt64 = 3
        func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for c in Self.cases {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: c.partition)))
            let centre = (c.x + [c.d]).map { BigFloat($0, precision: p) }
            let box = centre.map { Interval(lower: $0 - radius, upper: $0 + radius) }
            let enclosure = try loss.hessian(at: Array(box.dropLast()), d: box[box.count - 1], includingD: true)
            let hessian = try XCTUnwrap(enclosure.hessian)
            for _ in 0..<4 {
                let point = zip(box, (0..<box.count).map { _ in unit() }).map { interval, t in
                    interval.lower.rounded(toPrecision: 2 * p) + BigFloat(t, precision: 2 * p) * interval.width
                }
                let exact = try loss.hessian(at: Array(point.dropLast()), d: point[point.count - 1], includingD: true)
                let exactHessian = try XCTUnwrap(exact.hessian)
                XCTAssertTrue(enclosure.value.contains(exact.value), "\(c.partition): loss")
                for (i, g) in exact.gradient.enumerated() {
                    XCTAssertTrue(enclosure.gradient[i].contains(g), "\(c.partition): gradient \(i)")
                }
                for (i, h) in exactHessian.elements.enumerated() {
                    XCTAssertTrue(hessian.elements[i].contains(h), "\(c.partition): Hessian entry \(i)")
                }
            }
            XCTAssertLessThan(enclosure.value.width, try BigFloat(parsing: "1e-9", precision: p), "\(c.partition): a box 1e-12 wide")
        }
    }

    /// A point whose rows are parallel to their teacher columns has a Hessian (the limits of
    /// docs/design.md section 1), and intervals enclose it as Double computes it; a zero row has no
    /// gradient, and both refuse it.
    func testParallelRowsAreEnclosedAndZeroRowsRefused() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d")))
        let enclosure = try XCTUnwrap(try loss.hessian(at: [Interval(1), Interval(0)], d: Interval(5)).hessian)
        let double = try XCTUnwrap(try loss.hessian(at: [1.0, 0.0], d: 5.0).hessian)
        for (interval, value) in zip(enclosure.elements, double.elements) {
            XCTAssertLessThan(abs(interval.midpoint.doubleValue - value), 1e-14, "\(interval) against \(value)")
        }
        XCTAssertThrowsError(try loss.gradient(at: [Interval(0), Interval(0)], d: Interval(5)))
        XCTAssertThrowsError(try loss.gradient(at: [0.0, 0.0], d: 5.0))
    }
}
