import BruteForce
import Continuation
import Families
import LossModel
import MultiPrecision
import XCTest

/// The one-flipped family of docs/design.md section 4, followed down from d = 10.
final class OneFlippedFamilyTests: XCTestCase {
    static func oneFlipped() throws -> Family {
        let family = try Family.builtIn().first { $0.name == "d-1,1 one-flipped" }
        return try XCTUnwrap(family)
    }

    func testExactlyOneTransitionBetweenFiveAndSixAndNoneAboveSix() throws {
        let trace = try Self.oneFlipped().follow(FollowSettings(lower: nil, upper: nil))
        let transitions = trace.events.filter { if case .testFunction = $0.event.kind { true } else { false } }
        let ds = transitions.map { trace.points[$0.points.lowerBound].d }
        XCTAssertEqual(transitions.filter { (5...6).contains(trace.points[$0.points.lowerBound].d) }.count, 1, "\(ds)")
        XCTAssertEqual(transitions.filter { trace.points[$0.points.upperBound].d > 6 }.count, 0, "\(ds)")
        XCTAssertLessThan(trace.points.first?.d ?? 10, 5)
    }

    func testTransitionAgreesAtThirtyAndSixtyDigits() throws {
        let trace = try Self.oneFlipped().follow(FollowSettings(lower: 5, upper: nil))
        guard let event = trace.events.first(where: { if case .testFunction = $0.event.kind { true } else { false } }) else {
            return XCTFail("no transition")
        }
        let thirty = try trace.locate(event, digits: 30)
        let sixty = try trace.locate(event, digits: 60)
        XCTAssertTrue(thirty.verified)
        XCTAssertTrue(sixty.verified)
        XCTAssertEqual(thirty.digits, 30)
        // The 60-digit value rounded to 30 digits is the 30-digit value.
        XCTAssertEqual(sixty.d.value.formatted(significantDigits: 30), thirty.d.decimal)
    }

    /// With the spectra on a second thread the family's sweep is the same, point for point:
    /// every coordinate, tangent and eigenvalue of every part, the events and the stop.
    func testConcurrentSweepIsTheSequentialOne() throws {
        let family = try Self.oneFlipped()
        let engine = PseudoArclength(problem: FamilyProblem(family.partition))
        let settings = ContinuationSettings(ds: 0.05, dsMax: 0.25, lambdaMin: 4.5, lambdaMax: 11, direction: .decreasing)
        let seed = family.seed.map(\.double)
        let alone = try engine.run(from: seed, parameter: family.seedD.double, settings: settings)
        let concurrent = try engine.run(from: seed, parameter: family.seedD.double, settings: settings, concurrently: true)
        XCTAssertEqual(alone.points, concurrent.points)
        XCTAssertEqual(alone.events, concurrent.events)
        XCTAssertEqual(alone.stopReason.description, concurrent.stopReason.description)
        XCTAssertEqual(alone.rejectedSteps, concurrent.rejectedSteps)
        XCTAssertGreaterThan(alone.points.count, 20)
        XCTAssertTrue(alone.events.contains { if case .testFunction = $0.kind { true } else { false } })
    }

    /// On two threads (the check precision beside the sign check) the location is the same, bit
    /// for bit: d with its evidence, the loss, the coordinates and the sign check.
    func testConcurrentLocationIsTheSequentialOne() throws {
        let trace = try Self.oneFlipped().follow(FollowSettings(lower: 5, upper: nil))
        let event = try XCTUnwrap(trace.events.first { if case .testFunction = $0.event.kind { true } else { false } })
        for digits in [20, 45] {
            let sequential = try trace.locate(event, digits: digits)
            let concurrent = try trace.locate(event, digits: digits, concurrently: true)
            XCTAssertTrue(sequential.verified)
            XCTAssertEqual(sequential.d.decimal, concurrent.d.decimal)
            XCTAssertEqual(sequential.verified, concurrent.verified)
            XCTAssertTrue(sequential.d.value == concurrent.d.value && sequential.location.parameter == concurrent.location.parameter)
            XCTAssertEqual(sequential.loss.decimal, concurrent.loss.decimal)
            XCTAssertEqual(sequential.coordinates.map(\.decimal), concurrent.coordinates.map(\.decimal))
            let a = try XCTUnwrap(sequential.signCheck), b = try XCTUnwrap(concurrent.signCheck)
            XCTAssertTrue(a.eigenvalueBelow == b.eigenvalueBelow && a.eigenvalueAbove == b.eigenvalueAbove)
            XCTAssertEqual(a.indexBelow, b.indexBelow)
        }
    }
}
