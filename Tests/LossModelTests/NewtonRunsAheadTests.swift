import Dispatch
import LossModel
import Synchronization
import XCTest

@testable import LossModel

/// Runs computed ahead (docs/design.md section 9, "On two threads") are the runs one thread
/// makes: each taken run deflated exactly the roots of the moment it is taken.
final class NewtonRunsAheadTests: XCTestCase {
    /// A search computed ahead against the same search on one thread: every count, and every
    /// point bit for bit, in spaces where new points come often (d-2,1,1: about one start in
    /// three) and seldom (d-2,2).
    func testTheSearchAheadIsTheSearchOnOneThread() throws {
        for partition in ["d-2,2", "d-2,1,1"] {
            let search = CriticalPointSearch(try Partition(parsing: partition))
            let settings = CriticalPointSearch.Settings(starts: 60)
            let alone = try search.run(d: 10, settings: settings)
            let ahead = try search.run(d: 10, settings: settings, concurrently: true)
            XCTAssertGreaterThan(alone.points.count, 5, partition)
            XCTAssertEqual(alone.counts, ahead.counts, partition)
            XCTAssertEqual(alone.points.count, ahead.points.count, partition)
            for (a, b) in zip(alone.points, ahead.points) {
                XCTAssertEqual(a.x.map(\.bitPattern), b.x.map(\.bitPattern), partition)
                XCTAssertEqual(a.loss.bitPattern, b.loss.bitPattern, partition)
                XCTAssertEqual(a.label, b.label, partition)
                XCTAssertEqual(a.index, b.index, partition)
                XCTAssertEqual(a.minEigenvalue?.bitPattern, b.minEigenvalue?.bitPattern, partition)
                XCTAssertEqual(a.isotropy, b.isotropy, partition)
            }
        }
    }

    /// A fake run that says which start and how many roots it ran with, and finishes only once
    /// its start is asked for, so that the next runs are in flight when a root is added: each
    /// outcome is for the deflation it is taken with, and each run overtaken by a new root is
    /// abandoned.
    func testARunIsTakenOnlyWithTheDeflationItRanWith() {
        let abandonedRuns = Mutex(0)
        let asked = Mutex(-1)
        let starts = (0..<8).map { [Double($0)] }
        var ahead = NewtonRunsAhead(starts: starts) { start, deflation, abandoned in
            while true {
                if abandoned() {
                    abandonedRuns.withLock { $0 += 1 }
                    return .diverged("abandoned")
                }
                if asked.withLock({ $0 }) >= Int(start[0]) { return .converged([start[0], Double(deflation.roots.count)]) }
                usleep(100)
            }
        }
        var deflation = Deflation<Double>()
        for index in starts.indices {
            asked.withLock { $0 = index }
            guard case let .converged(x) = ahead.outcome(of: index, deflation: deflation) else {
                return XCTFail("start \(index) did not converge")
            }
            XCTAssertEqual(x, [Double(index), Double(deflation.roots.count)])
            // A new root after starts 1 and 4: the runs of the next two starts are out of date.
            if index == 1 || index == 4 { deflation.add([Double(index)]) }
        }
        // Abandoned runs stop at their next iteration; wait for them to say so.
        let deadline = DispatchTime.now() + .seconds(30)
        while abandonedRuns.withLock({ $0 }) < 4 && DispatchTime.now() < deadline { usleep(1000) }
        XCTAssertEqual(abandonedRuns.withLock { $0 }, 4)
    }
}
