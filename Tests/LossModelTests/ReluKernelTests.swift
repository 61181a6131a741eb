@testable import LossModel
import MultiPrecision
import XCTest

/// The kernel's split of its second partials into a bounded part and the G_uu curvature term.
final class ReluKernelTests: XCTestCase {
    let bits = 256

    /// At generic angles, `second` plus the curvature part G_uu (du)(du)^T, with
    /// du = (B, A, -2p) and G_uu = curvature / (4 s), is the closed form of the second
    /// partials of g in (A, B, p) (docs/design.md section 1, the formulas this kernel replaced):
    /// g_AA = (2p^2 - AB)/(8 pi A^2 s), g_AB = 1/(8 pi s), g_Ap = -p/(4 pi A s),
    /// g_pp = 1/(2 pi s), and the same with A and B exchanged.
    func testSecondPartialsAreTheClosedFormAtGenericAngles() throws {
        let pi = BigFloat.pi(precision: bits)
        for (a, b, p) in [(1.3, 0.7, 0.4), (0.9, 2.1, -1.2), (1.0, 1.0, 0.999), (2.0, 0.5, -0.99)] {
            let (A, B, P) = (BigFloat(a, precision: bits), BigFloat(b, precision: bits), BigFloat(p, precision: bits))
            let u = A * B - P * P
            var angles = KernelAngles<BigFloat>(terms: 1)
            let kernel = try ReluKernel(a: A, b: B, p: P, u: u, pi: pi, order: .hessian, angles: &angles, zeroRow: { _ in 0 })
            let s = try BigFloat.sqrt(u)
            let guu = kernel.curvature / (BigFloat(4) * (try BigFloat.sqrt(u)))
            let du = [B, A, BigFloat(-2) * P]
            let eight = BigFloat(8) * pi * s
            let closed: [[BigFloat]] = [
                [(BigFloat(2) * P * P - A * B) / (eight * A * A), BigFloat(1) / eight, -P / (BigFloat(4) * pi * A * s)],
                [BigFloat(1) / eight, (BigFloat(2) * P * P - A * B) / (eight * B * B), -P / (BigFloat(4) * pi * B * s)],
                [-P / (BigFloat(4) * pi * A * s), -P / (BigFloat(4) * pi * B * s), BigFloat(1) / (BigFloat(2) * pi * s)],
            ]
            for k in 0..<3 {
                for l in 0..<3 {
                    let total = kernel.second(k, l) + guu * du[k] * du[l]
                    XCTAssertLessThan((total - closed[k][l]).magnitude, try BigFloat(parsing: "1e-70", precision: bits), "(\(a), \(b), \(p)) entry \(k)\(l)")
                }
            }
        }
    }

    /// Over a box around a parallel pair, where the enclosure of s reaches 0, the enclosure of
    /// every kernel quantity, the curvature term G_uu du_i du_j included (there as
    /// kappa s m_i m_j, m bounded), contains its value at points of the box at 4x the precision.
    func testKernelEnclosuresHoldWhereSinThetaMayVanish() throws {
        let p = 128
        let radius = BigFloat(1, precision: p) / BigFloat(1 << 30) / BigFloat(1 << 30)
        let cases: [(String, [Double], Double)] = [
            ("d", [1, 0], 6),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, 0.3, 0.5], 6.5),
            ("d-1,1,1r", [0.9, 0.1, 0.2, 0.3, 0.5, -0.3, -0.5], 6.5),
        ]
        var state: UInt64 = 13
        func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for (text, x, d) in cases {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let box = x.map { Interval(lower: BigFloat($0, precision: p) - radius, upper: BigFloat($0, precision: p) + radius) }
            let dBox = Interval(BigFloat(d, precision: p))
            var straddling = 0
            for term in loss.kernelTerms {
                func quantities<S: Scalar>(_ x: [S], _ d: S) throws -> (ReluKernel<S>, (coefficient: S, direction: [(Int, S)])) {
                    var table = JetTable<S>()
                    let counts = loss.counts.values(at: d)
                    let jets = [term.a, term.b, term.p].map { $0?.appendJet(at: x, d: d, dIndex: nil, order: .hessian, counts: counts, to: &table) }
                    let u = term.wedge.appendJet(at: x, d: d, dIndex: nil, order: .hessian, counts: counts, to: &table)
                    let (a, q) = (table[jets[0]!].value, table[jets[2]!].value)
                    let b = jets[1].map { table[$0].value } ?? S(1, precision: d.precision)
                    var angles = KernelAngles<S>(terms: 1)
                    let kernel = try ReluKernel(
                        a: a, b: b, p: q, u: table[u].value, pi: S.pi(precision: d.precision), order: .hessian, angles: &angles,
                        zeroRow: term.zeroRow(first:))
                    let curvature = try table.withEntries { entries in
                        let gradient = entries.gradient(u)
                        let result = try kernel.curvatureTerm(gradient) { index in
                            try term.wedge.gradientBound(at: index, x: x, d: d, dIndex: nil) { term.pair }
                        }
                        return (coefficient: result.coefficient, direction: result.bounded ?? Array(gradient))
                    }
                    return (kernel, curvature)
                }
                let (enclosure, curvature) = try quantities(box, dBox)
                let m = curvature.direction
                if enclosure.s.sign == nil { straddling += 1 }
                for _ in 0..<6 {
                    let point = box.map { $0.lower.rounded(toPrecision: 4 * p) + BigFloat(unit(), precision: 4 * p) * $0.width }
                    let (kernel, pointCurvature) = try quantities(point, BigFloat(d, precision: 4 * p))
                    let mPoint = pointCurvature.direction
                    let what = "\(text): \(term.pair)"
                    XCTAssertTrue(enclosure.value.contains(kernel.value), "\(what): value")
                    for k in 0..<3 {
                        XCTAssertTrue(enclosure.first(k).contains(kernel.first(k)), "\(what): first \(k)")
                        for l in 0..<3 { XCTAssertTrue(enclosure.second(k, l).contains(kernel.second(k, l)), "\(what): second \(k)\(l)") }
                    }
                    XCTAssertEqual(m.map(\.0), mPoint.map(\.0))
                    for (i, mi) in m.enumerated() {
                        for (j, mj) in m.enumerated() {
                            let term = pointCurvature.coefficient * mPoint[i].1 * mPoint[j].1
                            XCTAssertTrue((curvature.coefficient * mi.1 * mj.1).contains(term), "\(what): curvature term (\(mi.0), \(mj.0))")
                        }
                    }
                }
            }
            XCTAssertGreaterThan(straddling, 0, "\(text): some pair has s's enclosure reaching 0")
        }
    }
}
