@testable import Spurious
import XCTest

/// The parallel map under the catalog and the atlas: results in the elements' order whatever
/// order the work starts and finishes in, and the error a sequential loop would meet first.
final class OrderedParallelMapTests: XCTestCase {
    struct Failure: Error, Equatable { let index: Int }

    func testResultsComeBackInTheElementsOrder() async throws {
        let elements = Array(0..<40)
        for jobs in [1, 2, 7] {
            var seen: [Int] = []
            // Started last first; later elements sleep less, so they also finish first.
            let squares = try await orderedParallelMap(elements, jobs: jobs, startOrder: elements.reversed()) { index, value in
                XCTAssertEqual(value, index * index)
                seen.append(index)
            } _: { n in
                usleep(UInt32(40 - n) * 200)
                return n * n
            }
            XCTAssertEqual(squares, elements.map { $0 * $0 }, "jobs \(jobs)")
            XCTAssertEqual(seen.sorted(), elements, "each element finished once")
        }
    }

    func testTheFirstFailureInTheElementsOrderIsThrown() async {
        for jobs in [1, 2, 4] {
            do {
                _ = try await orderedParallelMap(Array(0..<12), jobs: jobs, startOrder: Array((0..<12).reversed())) { n in
                    if n % 5 == 3 { throw Failure(index: n) }
                    return n
                }
                XCTFail("no error thrown")
            } catch {
                XCTAssertEqual(error as? Failure, Failure(index: 3), "jobs \(jobs)")
            }
        }
    }
}
