import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// Interval evaluation where a pair is parallel or anti-parallel, and over boxes whose points
/// have a positive angle or none (the enclosure of sin theta reaches 0; written as AB - p^2 it
/// would straddle 0): the enclosures of the loss, gradient and Hessian in (x, d) must contain
/// the MPFR values at points of the box computed at 4x the precision.
final class ParallelEnclosureTests: XCTestCase {
    let bits = 128

    /// (partition, x, d, what): the centre of each box.
    static let cases: [(String, [Double], Double, String)] = [
        ("d", [1, 0], 6, "W = V"),
        ("d", [1, 0], 7.5, "W = V at fractional d"),
        ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.3, 0.5], 6.5, "rows of blocks 1 and 2 equal"),
        ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, -0.3, -0.5], 6.5, "rows of blocks 1 and 2 opposite"),
        ("d-1,1", [0.9, 0.1, 0.2, 0, -0.7], 6.5, "row of block 1 anti-parallel to its teacher column"),
    ]

    func assertEncloses(_ enclosure: LossHessian<Interval>, _ y: [BigFloat], _ loss: ReducedLoss, _ what: String) throws {
        let exact = try loss.hessian(at: Array(y.dropLast()), d: y[y.count - 1], includingD: true)
        XCTAssertTrue(enclosure.value.contains(exact.value), "\(what): loss")
        for (i, g) in exact.gradient.enumerated() {
            XCTAssertTrue(enclosure.gradient[i].contains(g), "\(what): gradient \(i): \(g) not in \(enclosure.gradient[i])")
        }
        let hessian = enclosure.hessian
        for (i, h) in exact.hessian.elements.enumerated() {
            XCTAssertTrue(hessian.elements[i].contains(h), "\(what): Hessian entry \(i): \(h) not in \(hessian.elements[i])")
        }
    }

    func testPointEnclosuresContainTheMPFRValues() throws {
        for (text, x, d, what) in Self.cases {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let point = (x + [d]).map { Interval(BigFloat($0, precision: bits)) }
            let enclosure = try loss.hessian(at: Array(point.dropLast()), d: point[point.count - 1], includingD: true)
            try assertEncloses(enclosure, (x + [d]).map { BigFloat($0, precision: 4 * bits) }, loss, what)
            let widest = try XCTUnwrap(enclosure.hessian).elements.map(\.width).reduce(BigFloat(0, precision: bits), BigFloat.maximum)
            XCTAssertLessThan(widest, try BigFloat(parsing: "1e-30", precision: bits), "\(what): a point encloses tightly")
        }
    }

    /// Boxes of radius 2^-60 around the same centres: they hold parallel points (the centre)
    /// and points at a small positive angle, and the curvature term is enclosed by its
    /// Cauchy-Schwarz bound there.
    func testBoxEnclosuresContainTheMPFRValuesAtPointsOfTheBox() throws {
        let radius = BigFloat(1, precision: bits) / BigFloat(1 << 30) / BigFloat(1 << 30)
        var state: UInt64 = 11
        func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for (text, x, d, what) in Self.cases {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let centre = (x + [d]).map { BigFloat($0, precision: bits) }
            let box = centre.map { Interval(lower: $0 - radius, upper: $0 + radius) }
            let enclosure = try loss.hessian(at: Array(box.dropLast()), d: box[box.count - 1], includingD: true)
            let samples: [[Double]] = [Array(repeating: 0.5, count: box.count), Array(repeating: 0, count: box.count), Array(repeating: 1, count: box.count)]
                + (0..<4).map { _ in (0..<box.count).map { _ in unit() } }
            for t in samples {
                let y = zip(box, t).map { interval, t in
                    interval.lower.rounded(toPrecision: 4 * bits) + BigFloat(t, precision: 4 * bits) * interval.width
                }
                try assertEncloses(enclosure, y, loss, "\(what), box point \(t)")
            }
            let widest = try XCTUnwrap(enclosure.hessian).elements.map(\.width).reduce(BigFloat(0, precision: bits), BigFloat.maximum)
            XCTAssertLessThan(widest, try BigFloat(parsing: "1e-12", precision: bits), "\(what): a box 2^-59 wide")
        }
    }
}
