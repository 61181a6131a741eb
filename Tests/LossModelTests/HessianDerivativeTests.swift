import LinearAlgebra
import LossModel
import MultiPrecision
import XCTest

/// The Dual derivatives of the reduced loss against independent routes: the closed-form Hessian
/// (the Dual derivative of the gradient along v is H v), the includingD Hessian's mixed column,
/// and central differences of the closed-form Hessian at 400 bits with step h = 1e-30: their
/// truncation error is h^2 times a fifth or sixth derivative of the loss, about 1e-60 times
/// sizes of up to a few hundred here, and their rounding 2^-400 / h^2 is about 1e-60; the
/// tolerances are 1e-56 (first differences, measured 1e-59) and 1e-54 (second, measured
/// 3e-58). Identities between two exact routes hold to 1e-110 (measured 1e-119).
final class HessianDerivativeTests: XCTestCase {
    static let partitions = ["d-1,1", "d-2,1,1", "d-2,2"]
    /// Fractional on purpose: the counts are polynomials in d.
    static let d = 7.3

    /// (loss, x, v, w) at `bits`, random and generic (no parallel rows).
    func cases(bits: Int) throws -> [(ReducedLoss, [BigFloat], [BigFloat], [BigFloat])] {
        var points = TestPoints(seed: 13)
        return try Self.partitions.map { text in
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let big = { (values: [Double]) in values.map { BigFloat($0, precision: bits) } }
            let n = loss.space.dimension
            return (
                loss, big(points.point(names: loss.space.names)), big((0..<n).map { _ in points.next() }),
                big((0..<n).map { _ in points.next() }))
        }
    }

    func testDualGradientIsTheClosedFormHessianTimesV() throws {
        let bits = 200
        for (loss, x, v, _) in try cases(bits: bits) {
            let d = BigFloat(Self.d, precision: bits)
            let zero = BigFloat(0, precision: bits)
            let exact = try loss.hessian(at: x, d: d, includingD: true)
            let n = x.count
            let alongV = try loss.gradient(at: zip(x, v).map { Dual($0, derivative: $1) }, d: Dual(d, derivative: zero)).gradient
            let alongD = try loss.gradient(at: x.map { Dual($0, derivative: zero) }, d: Dual(d, derivative: BigFloat(1))).gradient
            for i in 0..<n {
                let terms = (0..<n).map { exact.hessian[i, $0] * v[$0] }
                let hv = terms.dropFirst().reduce(terms[0], +)
                // A few ulps of the largest term the two sums share.
                let scale = terms.map(\.magnitude).reduce(exact.hessian[i, n].magnitude, BigFloat.maximum)
                assertWithin(alongV[i].derivative, hv, ulps: 16, of: scale, "\(loss.space.partition) (H v)_\(i)")
                assertWithin(alongD[i].derivative, exact.hessian[i, n], ulps: 16, of: scale, "\(loss.space.partition) dgrad_\(i)/dd")
            }
        }
    }

    func testThirdDerivativeIsSymmetricAndMatchesDifferences() throws {
        let bits = 400
        for (loss, x, v, w) in try cases(bits: bits) {
            let d = BigFloat(Self.d, precision: bits)
            let zero = BigFloat(0, precision: bits)
            let n = x.count
            let alongV = try loss.hessianDerivative(at: x, d: d, direction: v, dDirection: zero)
            let alongW = try loss.hessianDerivative(at: x, d: d, direction: w, dDirection: zero)
            let alongD = try loss.hessianDerivative(at: x, d: d, direction: Array(repeating: zero, count: n), dDirection: BigFloat(1))
            let tolerance = try BigFloat(parsing: "1e-110", precision: bits)
            // D^3 L[v, w, .] two ways: a symmetric tensor.
            assertClose(times(alongV, w), times(alongW, v), tolerance, "\(loss.space.partition) T_v w = T_w v")
            // The d part: (d/dd H) w is the derivative along w of the mixed column d grad / dd.
            let mixed = try loss.hessian(at: zip(x, w).map { Dual($0, derivative: $1) }, d: Dual(d, derivative: zero), includingD: true)
            assertClose(times(alongD, w), (0..<n).map { mixed.hessian[$0, n].derivative }, tolerance, "\(loss.space.partition) (dH/dd) w")

            let h = try BigFloat(parsing: "1e-30", precision: bits)
            let truncation = try BigFloat(parsing: "1e-56", precision: bits)
            func hessian(_ t: BigFloat, _ direction: [BigFloat], _ dDirection: BigFloat) throws -> Matrix<BigFloat> {
                try loss.hessian(at: zip(x, direction).map { $0 + t * $1 }, d: d + t * dDirection).hessian
            }
            for (exact, direction, dDirection, what) in [(alongV, v, zero, "along v"), (alongD, Array(repeating: zero, count: n), BigFloat(1), "in d")] {
                let ahead = try hessian(h, direction, dDirection)
                let behind = try hessian(-h, direction, dDirection)
                let difference = zip(ahead.elements, behind.elements).map { ($0 - $1) / (h + h) }
                assertClose(exact.elements, difference, truncation, "\(loss.space.partition) dH \(what)")
            }
        }
    }

    func testFourthDerivativeMatchesSecondDifferences() throws {
        let bits = 400
        for (loss, x, v, _) in try cases(bits: bits) {
            let d = BigFloat(Self.d, precision: bits)
            let exact = try loss.hessianSecondDerivative(at: x, d: d, direction: v)
            let h = try BigFloat(parsing: "1e-30", precision: bits)
            let at = { (t: BigFloat) in try loss.hessian(at: zip(x, v).map { $0 + t * $1 }, d: d).hessian.elements }
            let (ahead, middle, behind) = (try at(h), try at(BigFloat(0, precision: bits)), try at(-h))
            let difference = (0..<ahead.count).map { (ahead[$0] - middle[$0] - middle[$0] + behind[$0]) / (h * h) }
            assertClose(exact.elements, difference, try BigFloat(parsing: "1e-54", precision: bits), "\(loss.space.partition) d2H along v")
            // Symmetric like the Hessian, to the rounding of its sums.
            assertClose(exact.elements, exact.transposed().elements, try BigFloat(parsing: "1e-110", precision: bits), "\(loss.space.partition) symmetry")
        }
    }

    func testParallelRowsHaveNoThirdDerivative() throws {
        // W = I: each row parallel to its teacher column (ParallelLimitTests).
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d")))
        let x = [1.0, 0.0], v = [0.3, -0.2]
        XCTAssertThrowsError(try loss.hessianDerivative(at: x, d: 7, direction: v, dDirection: 0)) { error in
            guard case ModelError.notSmooth? = error as? ModelError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("twice but not three times differentiable"), "\(error)")
        }
        XCTAssertThrowsError(try loss.hessianSecondDerivative(at: x, d: 7, direction: v))
        XCTAssertThrowsError(try loss.hessianDerivative(at: x, d: 7, direction: [1], dDirection: 0)) { error in
            XCTAssertEqual(error as? ModelError, .wrongNumberOfValues(expected: loss.space.names, got: 1))
        }
    }

    private func times(_ m: Matrix<BigFloat>, _ v: [BigFloat]) -> [BigFloat] {
        (0..<m.rows).map { i in (1..<m.columns).reduce(m[i, 0] * v[0]) { $0 + m[i, $1] * v[$1] } }
    }

    private func assertClose(_ a: [BigFloat], _ b: [BigFloat], _ tolerance: BigFloat, _ what: String, line: UInt = #line) {
        let distance = zip(a, b).map { ($0 - $1).magnitude }.reduce(BigFloat(0), BigFloat.maximum)
        XCTAssertLessThanOrEqual(distance, tolerance, "\(what): off by \(distance.formatted(significantDigits: 3))", line: line)
    }

    private func assertWithin(_ actual: BigFloat, _ expected: BigFloat, ulps: Int, of scale: BigFloat, _ what: String, line: UInt = #line) {
        let tolerance = BigFloat.epsilon(precision: expected.precision) * BigFloat(ulps) * scale
        let distance = (actual - expected).magnitude
        XCTAssertLessThanOrEqual(
            distance, tolerance, "\(what): off by \((distance / (BigFloat.epsilon(precision: expected.precision) * scale)).formatted(significantDigits: 3)) eps", line: line)
    }
}
