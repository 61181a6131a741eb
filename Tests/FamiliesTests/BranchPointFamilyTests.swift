import Continuation
import Families
import LossModel
import MultiPrecision
import XCTest

/// The one-flipped family of d-1,1 embedded in d-2,1,1, where its transition is a branch point
/// inside the fixed space: the standard part of S_{d-1} splits into the trivial part of d-2,1,1
/// (whose eigenvalue crosses zero as the family goes straight through) and the standard part
/// of S_{d-2}, both crossing at the same d (docs/design.md section 4b).
final class BranchPointFamilyTests: XCTestCase {
    /// The d-1,1 transition, computed independently in partition d-1,1 (data/transitions.csv,
    /// `spurious transitions --digits 50`): the reference for the branch point.
    static let transition = (
        d: "5.5855052474258800069411762776233918346803343907696",
        loss: "0.025884340014647687449773834949659947555320498973661",
        // D0, O0, C0_1, C1_0, D1 of d-1,1.
        x: ["0.97905494435011262821627206761825864428901546841455", "-0.059974704332226578349496541909326517288086184990087",
            "0.33282124724378292651063162674705705701576300131206", "0.24652708233718156251201596311635108524392548299592",
            "-0.58600037886067294671556035845589910479262629671774"])
    /// Where each d-2,1,1 variable (D0, O0, C0_1, C0_2, C1_0, D1, C1_2, C2_0, C2_1, D2) takes
    /// its value from: the d-1 block splits into d-2 and 1, the old singleton is block 2.
    static let embedding = [0, 1, 1, 2, 1, 0, 2, 3, 3, 4]

    /// The d-1,1 seed of docs/design.md section 4, embedded.
    static func family() throws -> Family {
        let seed = ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"]
        return Family(
            name: "d-2,1,1 one-flipped", partition: try Partition(parsing: "d-2,1,1"),
            seed: try embedding.map { try DecimalLiteral(seed[$0]) }, seedD: try DecimalLiteral("10"))
    }

    /// Followed from d = 10 down to where d-2,1,1's spectrum stops being defined (d = 5), once
    /// for all the tests here.
    private static let followed = Result { try family().follow(FollowSettings(lower: nil, upper: nil)) }

    static func trace() throws -> FamilyTrace { try followed.get() }

    func testTheFamilyPassesThroughOneBranchPoint() throws {
        let trace = try Self.trace()
        guard case .leftDefinedRange? = trace.lowerStop else { return XCTFail("stopped: \(String(describing: trace.lowerStop))") }
        XCTAssertLessThan(trace.points.map(\.d).min() ?? 10, 5.001)
        let branchPoints = trace.events.filter { $0.event.kind == .branchPoint }
        XCTAssertEqual(branchPoints.count, 1)
        let event = try XCTUnwrap(branchPoints.first)
        XCTAssertLessThan(trace.points[event.points.lowerBound].d, 5.5855)
        XCTAssertGreaterThan(trace.points[event.points.upperBound].d, 5.5856)
        // The trivial eigenvalue that crosses is the branch point, not a transition as well.
        let trivial = trace.problem.testFunctionParts.indices.filter { trace.problem.testFunctionParts[$0].part == .trivial }
        XCTAssertFalse(trace.events.contains { event in trivial.contains { event.event.kind == .testFunction(index: $0) } })
        // The family stays in the embedded d-1,1: every point is symmetric.
        for point in trace.points {
            for (index, source) in Self.embedding.enumerated() {
                let first = try XCTUnwrap(Self.embedding.firstIndex(of: source))
                XCTAssertEqual(point.x[index], point.x[first], accuracy: 1e-9, "step \(point.step)")
            }
        }
    }

    func testBranchPointAgreesWithTheDMinusOneOneTransitionToEveryProvedDigit() throws {
        let trace = try Self.trace()
        let event = try XCTUnwrap(trace.events.first { $0.event.kind == .branchPoint })
        let located = try trace.locate(event, digits: 30)
        XCTAssertEqual(located.kind, .branchPoint)
        XCTAssertEqual(located.part, .trivial)
        XCTAssertEqual(located.location.criterion, .branchPointSystem)
        XCTAssertTrue(located.verified)
        XCTAssertEqual(located.digits, 30)
        try assertAgrees(located.d, Self.transition.d)
        try assertAgrees(located.loss, Self.transition.loss)
        for (index, source) in Self.embedding.enumerated() {
            try assertAgrees(located.coordinates[index], Self.transition.x[source], "\(located.names[index])")
        }
        // As d grows through it the index drops from d - 2 to 0, as in d-1,1.
        let check = try XCTUnwrap(located.signCheck)
        XCTAssertLessThan(check.eigenvalueBelow.signum, 0)
        XCTAssertGreaterThan(check.eigenvalueAbove.signum, 0)
        XCTAssertEqual(check.indexBelow, located.approximateD - 2, accuracy: 1e-9)
        XCTAssertEqual(check.indexAbove, 0)
    }

    /// The standard part of S_{d-2} crosses at the branch point too: located there.
    func testTheCoincidingTransitionIsLocatedAtTheBranchPoint() throws {
        let trace = try Self.trace()
        let event = try XCTUnwrap(trace.events.first { $0.event.name == "standard of S_{d-2} #1" })
        let located = try trace.locate(event, digits: 30)
        XCTAssertEqual(located.kind, .transition)
        XCTAssertEqual(located.location.criterion, .atBranchPoint)
        XCTAssertTrue(located.verified)
        try assertAgrees(located.d, Self.transition.d)
    }

    /// `value` has at least one proved digit, and its digits are `reference` correctly rounded.
    private func assertAgrees(
        _ value: ProvedValue, _ reference: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let decimal = try XCTUnwrap(value.decimal, "undetermined \(message)", file: file, line: line)
        let expected = try BigFloat(parsing: reference, precision: 256).formatted(significantDigits: value.digits)
        XCTAssertEqual(decimal, expected, message, file: file, line: line)
    }
}
