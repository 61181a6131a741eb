import LossModel
import MultiPrecision
@testable import Spurious
import XCTest

/// Points polished while the search goes on (docs/design.md section 9, "On two threads") are the
/// points a polish after the search gives: the reference is the one-thread route, search first,
/// then each point polished in turn.
final class PolishesDuringSearchTests: XCTestCase {
    func testPolishDuringTheSearchIsThePolishAfterIt() async throws {
        for partition in ["d-2,2", "d-2,1,1"] {
            let request = CriticalRequest(partition: try Partition(parsing: partition), d: try DecimalLiteral("10"), starts: 40, jobs: 2)
            let search = CriticalPointSearch(request.partition)
            let found = try search.run(d: 10, settings: .init(starts: 40, rngSeed: 1))
            let frames = search.polishFrames(d: request.d, digits: request.digits)
            let expected = try found.points.map { try search.polish($0, d: request.d, digits: request.digits, frames: frames) }
            for jobs in [2, 3] {
                var concurrent = request
                concurrent.jobs = jobs
                let result = try await CriticalJob.run(concurrent)
                XCTAssertEqual(result.points.count, expected.count, partition)
                XCTAssertGreaterThan(expected.count, 3, "the test needs several points polished during the search")
                for (got, want) in zip(result.points, expected) {
                    XCTAssertEqual(got.point.x, want.point.x, partition)
                    XCTAssertEqual(got.proof?.loss.decimal, want.proof?.loss.decimal, partition)
                    XCTAssertEqual(got.proof?.coordinates.map(\.decimal), want.proof?.coordinates.map(\.decimal), partition)
                    XCTAssertEqual(got.proof?.minEigenvalue?.decimal, want.proof?.minEigenvalue?.decimal, partition)
                }
            }
        }
    }
}
