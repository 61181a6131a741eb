import BruteForce
import LossModel
import MultiPrecision
import XCTest

/// ExactFit recognises the points where the student network equals the teacher; the loss 0
/// and the kernel it claims are checked on the brute-force k x d network at integer d.
final class ExactFitTests: XCTestCase {
    /// (partition, point, expected kind): W = V, a swapped pair of rows, a row moved to a
    /// rows-only block, a zero row, and a teacher row shared by two students.
    let fits: [(String, [Double], ExactFit.Kind)] = [
        ("d", [1, 0], .teacher),
        ("d-1,1", [1, 0, 0, 0, 1], .teacher),
        ("d-2,2", [1, 0, 0, 0, 0, 1], .teacher),
        ("d-1,1c,1r", [1, 0, 0, 0, 1], .teacher),
        ("d-1,1,1r", [1, 0, 0, 0, 1, 0, 0], .zeroRows(blocks: [2])),
        ("d-1,1,1r", [1, 0, 0, 0, 0.25, 0, 0.75], .sharedTeacher(nullity: .product(.constant(1), .d))),
        ("d-1,1,2r", [1, 0, 0, 0, 0.5, 0, 0.25], .sharedTeacher(nullity: .product(.constant(2), .d))),
    ]

    func testRecognisesEachFitAndTheBruteForceLossIsZero() throws {
        for (text, x, kind) in fits {
            let space = FixedSpace(try Partition(parsing: text))
            let fit = ExactFit.recognize(x, space: space, d: 10.0, tolerance: 1e-12)
            XCTAssertEqual(fit?.kind, kind, text)
            let network = FullSpaceNetwork(weights: try FixedSpaceLayout.parse(text, d: 10).weights(x))
            XCTAssertEqual(network.loss, 0, accuracy: 1e-12, text)  // terms of size d^2 cancel
        }
    }

    func testTheKernelAtASharedTeacherIsTheBruteForceOne() throws {
        for (text, x, kind) in fits {
            guard case let .sharedTeacher(nullity) = kind else { continue }
            let network = FullSpaceNetwork(weights: try FixedSpaceLayout.parse(text, d: 10).weights(x))
            let zero = try network.spectrum().filter { abs($0.value) < 1e-9 }.reduce(0) { $0 + $1.multiplicity }
            XCTAssertEqual(Double(zero), nullity.value(at: 10.0), text)
        }
    }

    func testExactCoordinatesOfAnIsolatedFit() throws {
        let space = FixedSpace(try Partition(parsing: "d-1,1c,2r"))
        // Two rows-only students each carry half of the last teacher row: C2_1 = 1/2.
        let fit = try XCTUnwrap(ExactFit.recognize([1, 0, 0, 0, 0.5 + 1e-14], space: space, d: 7.5, tolerance: 1e-12))
        XCTAssertEqual(fit.kind, .sharedTeacher(nullity: .product(.constant(1), .d)))
        XCTAssertNil(fit.point(d: 7.5))
        let single = try XCTUnwrap(ExactFit.recognize([1, 0, 1e-14, 0, 1 - 1e-14], space: FixedSpace(try Partition(parsing: "d-1,1c,1r")), d: 7.5, tolerance: 1e-12))
        XCTAssertEqual(single.point(d: 7.5), [1, 0, 0, 0, 1])
    }

    func testNotAFitWhereTheNetworkDiffersFromTheTeacher() throws {
        let space = FixedSpace(try Partition(parsing: "d-1,1"))
        let misses: [[Double]] = [
            [1.00435, -0.01581, 0.18237, 0.12604, -0.69904],  // the one-flipped critical point
            [1, 0, 0, 0, 0.9],  // a teacher row only 0.9 covered
            [1, 0, 0, 0, -1],  // an anti-parallel row
            [1, 0.1, 0, 0, 1],  // rows off their teacher rows
        ]
        for x in misses {
            XCTAssertNil(ExactFit.recognize(x, space: space, d: 10.0, tolerance: 1e-12), "\(x)")
        }
    }
}
