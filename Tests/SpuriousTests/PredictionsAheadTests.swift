import Continuation
import Families
import LossModel
import MultiPrecision
import Synchronization
import XCTest

@testable import Spurious

/// The branch column computed ahead of the location (docs/design.md section 4b, "Ahead of the
/// location") is the column computed after it, bit for bit: its pieces are used only when the
/// rung's point rounds to the located transition's bits, and the column computes whatever was
/// not finished. The reference is the column computed from the located transition alone.
final class PredictionsAheadTests: XCTestCase {
    /// The one-flipped transition located to 500 digits by `transitions` on one job (nothing
    /// ahead), and its column; the tests hand its location to the column as a rung. Located once
    /// for all the tests. On two jobs the same location starts the column from its 125-digit
    /// rung, the first that holds the column's precisions (2 x 181 bits and 32 to spare).
    private static let cache = Mutex<(event: LocatedFamilyEvent, branches: [BranchOutcome])?>(nil)

    private func transition() async throws -> (event: LocatedFamilyEvent, branches: [BranchOutcome]) {
        if let cached = PredictionsAheadTests.cache.withLock({ $0 }) { return cached }
        let family = try XCTUnwrap(try Family.builtIn().first { $0.name == "d-1,1 one-flipped" })
        let result = try await TransitionsJob.run(TransitionsRequest(families: .family(family, to: 5), digits: 500, jobs: 1))
        let event = try XCTUnwrap(result.events.first { $0.located.kind == .transition })
        PredictionsAheadTests.cache.withLock { $0 = (event.located, event.branches) }
        return (event.located, event.branches)
    }

    private func subgroups(_ event: LocatedFamilyEvent) -> [AxialSubgroup] {
        BranchesJob.subgroupsAnalysed(at: event, maxSplit: BranchesJob.predictionMaxSplit)
    }

    private func points(_ event: LocatedFamilyEvent) throws -> [(x: [BigFloat], d: BigFloat)] {
        try TransitionAnalysis.precisions(of: event, digits: BranchesJob.predictionDigits)
    }

    /// The event's check-precision location as a rung, its d scaled by `1 + relativeShift` and
    /// its digits replaced.
    private func rung(_ event: LocatedFamilyEvent, digits: Int? = nil, relativeShift: BigFloat? = nil) -> LocatedEvent<BigFloat> {
        let l = event.location
        let d = relativeShift.map { l.parameter * (1 + $0) } ?? l.parameter
        return LocatedEvent(
            event: l.event, x: l.x, parameter: d, value: l.value, lowerEnd: l.lowerEnd, upperEnd: l.upperEnd,
            criterion: l.criterion, precision: l.precision, digits: digits ?? l.digits, coarseIterations: 0, fineIterations: 0)
    }

    private static let now: @Sendable (@escaping @Sendable () -> Void) -> Void = { $0() }

    func testAPieceFromTheRungIsThePieceFromTheLocatedTransition() async throws {
        let (event, _) = try await transition()
        let ahead = PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: PredictionsAheadTests.now)
        ahead.offer(rung(event), event: 0, subgroups: subgroups(event))
        let taken = try XCTUnwrap(ahead.take(for: 0, subgroups: subgroups(event), points: try points(event)))
        XCTAssertEqual(taken.count, 4)
        var i = 0
        for subgroup in subgroups(event) {
            for point in try points(event) {
                let own = try TransitionAnalysis.piece(subgroup, at: point, digits: BranchesJob.predictionDigits).get()
                let early = try XCTUnwrap(taken[i]).get()
                i += 1
                for (a, b) in [(early.equation.slope, own.equation.slope), (early.equation.quadratic, own.equation.quadratic),
                               (early.equation.cubic, own.equation.cubic), (early.kernel.d, own.kernel.d)] {
                    XCTAssertTrue(a.isIdentical(to: b), "\(subgroup.fine) at \(point.d.precision) bits: \(a) vs \(b)")
                }
            }
        }
    }

    func testARungShortOfThePrecisionsStartsNothing() async throws {
        let (event, _) = try await transition()
        let ahead = PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: PredictionsAheadTests.now)
        // 118 digits (392 bits) hold the check precision's 362 bits but not 32 beyond them; 119 (396) do.
        XCTAssertFalse(ahead.suffices(digits: 118))
        XCTAssertTrue(ahead.suffices(digits: 119))
        ahead.offer(rung(event, digits: 118), event: 0, subgroups: subgroups(event))
        XCTAssertNil(ahead.take(for: 0, subgroups: subgroups(event), points: try points(event)))
    }

    /// A 500-digit rung of a 1000-digit location has one rung and the check after it: too late.
    func testARungNearTheEndStartsNothing() async throws {
        let (event, _) = try await transition()
        let ahead = PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 1000, run: PredictionsAheadTests.now)
        XCTAssertFalse(ahead.leavesTime(digits: 500))
        XCTAssertTrue(ahead.leavesTime(digits: 250))
        ahead.offer(rung(event), event: 0, subgroups: subgroups(event))
        XCTAssertNil(ahead.take(for: 0, subgroups: subgroups(event), points: try points(event)))
    }

    func testAPointThatRoundsOtherwiseIsNotTaken() async throws {
        let (event, _) = try await transition()
        let ahead = PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: PredictionsAheadTests.now)
        // A rung wrong at the 102nd digit: its d rounds to other bits at 362 bits (109 digits).
        let shift = BigFloat.powerOfTen(-102, precision: event.location.precision)
        ahead.offer(rung(event, relativeShift: shift), event: 0, subgroups: subgroups(event))
        XCTAssertNil(ahead.take(for: 0, subgroups: subgroups(event), points: try points(event)))
        // Nor for other subgroups than the ones it was started for.
        let other = PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: PredictionsAheadTests.now)
        other.offer(rung(event), event: 0, subgroups: Array(subgroups(event).prefix(1)))
        XCTAssertNil(other.take(for: 0, subgroups: subgroups(event), points: try points(event)))
    }

    func testNothingIsComputedOnceTaken() async throws {
        let (event, _) = try await transition()
        let later = Mutex<[@Sendable () -> Void]>([])
        let ahead = PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000) { body in later.withLock { $0.append(body) } }
        ahead.offer(rung(event), event: 0, subgroups: subgroups(event))
        ahead.offer(rung(event), event: 0, subgroups: subgroups(event))
        let bodies = later.withLock { $0 }
        XCTAssertEqual(bodies.count, 1, "a second rung starts nothing")
        let first = try XCTUnwrap(ahead.take(for: 0, subgroups: subgroups(event), points: try points(event)))
        XCTAssertEqual(first.compactMap { $0 }.count, 0)
        for body in bodies { body() }
        let second = try XCTUnwrap(ahead.take(for: 0, subgroups: subgroups(event), points: try points(event)))
        XCTAssertEqual(second.compactMap { $0 }.count, 0)
    }

    /// The column with every piece ahead, with none, with a rung that rounds otherwise, and on
    /// two jobs with real threads: the same bits as the column computed after the location.
    func testTheColumnIsTheSameBitsWhateverRanAhead() async throws {
        let (event, reference) = try await transition()
        XCTAssertEqual(reference.count, 2)
        let never: @Sendable (@escaping @Sendable () -> Void) -> Void = { _ in }
        let shift = BigFloat.powerOfTen(-102, precision: event.location.precision)
        let cases: [(String, PredictionsAhead, LocatedEvent<BigFloat>)] = [
            ("all ahead", PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: PredictionsAheadTests.now), rung(event)),
            ("none ahead", PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: never), rung(event)),
            ("rounds otherwise", PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000, run: PredictionsAheadTests.now),
             rung(event, relativeShift: shift)),
            ("idle thread", PredictionsAhead(digits: BranchesJob.predictionDigits, locationDigits: 2000), rung(event)),
        ]
        for (name, ahead, rung) in cases {
            ahead.offer(rung, event: 0, subgroups: subgroups(event))
            let column = await BranchesJob.predictions(
                at: [event], digits: BranchesJob.predictionDigits, jobs: 2, maxSplit: BranchesJob.predictionMaxSplit,
                ahead: ahead, progress: NoProgress())
            assertSameBits(try XCTUnwrap(column.first), reference, name)
        }
        // The shifted rung's pieces are other bits: had they been taken, the column would differ.
        let shifted = try TransitionAnalysis.piece(
            subgroups(event)[0], at: TransitionAnalysis.precisions(
                working: (event.location.x, rung(event, relativeShift: shift).parameter),
                check: (event.location.x, rung(event, relativeShift: shift).parameter), digits: BranchesJob.predictionDigits)[1],
            digits: BranchesJob.predictionDigits).get()
        let own = try TransitionAnalysis.piece(subgroups(event)[0], at: try points(event)[1], digits: BranchesJob.predictionDigits).get()
        XCTAssertFalse(shifted.equation.slope.isIdentical(to: own.equation.slope))

        let family = try XCTUnwrap(try Family.builtIn().first { $0.name == "d-1,1 one-flipped" })
        let twoJobs = try await TransitionsJob.run(TransitionsRequest(families: .family(family, to: 5), digits: 500, jobs: 2))
        let two = try XCTUnwrap(twoJobs.events.first { $0.located.kind == .transition })
        assertSameBits(two.branches, reference, "two jobs")
    }

    private func assertSameBits(_ a: [BranchOutcome], _ b: [BranchOutcome], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, name, file: file, line: line)
        for (a, b) in zip(a, b) {
            XCTAssertEqual(a.subgroup, b.subgroup, name, file: file, line: line)
            XCTAssertEqual(a.type, b.type, name, file: file, line: line)
            XCTAssertEqual(a.side, b.side, name, file: file, line: line)
            guard let ca = a.coefficients, let cb = b.coefficients else {
                XCTFail("\(name): no coefficients", file: file, line: line)
                continue
            }
            for (x, y) in [(ca.slope, cb.slope), (ca.quadratic, cb.quadratic), (ca.cubic, cb.cubic)] {
                XCTAssertEqual(x.decimal, y.decimal, name, file: file, line: line)
                guard case let .recomputation(xw, xc) = x.evidence, case let .recomputation(yw, yc) = y.evidence else {
                    XCTFail("\(name): not recomputed", file: file, line: line)
                    continue
                }
                XCTAssertTrue(xw.isIdentical(to: yw) && xc.isIdentical(to: yc), "\(name): \(xw) \(xc) vs \(yw) \(yc)", file: file, line: line)
            }
        }
    }
}
