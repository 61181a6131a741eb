import Continuation
import XCTest

final class BothOfTests: XCTestCase {
    /// Each half runs exactly once, on two threads or one after the other, and each result comes
    /// back in its own place, failures included.
    func testBothHalvesRunOnceAndKeepTheirResults() {
        struct Failed: Error, Equatable { let half: Int }
        for concurrently in [false, true] {
            let counts = Counts()
            let (a, b) = bothOf(concurrently: concurrently, { () -> Result<Int, Failed> in
                counts.add(0)
                return .failure(Failed(half: 0))
            }, { () -> Result<Int, Failed> in
                counts.add(1)
                return .success(7)
            })
            XCTAssertEqual(a, .failure(Failed(half: 0)))
            XCTAssertEqual(b, .success(7))
            XCTAssertEqual(counts.values, [1, 1])
        }
    }
}

/// How often each half ran, counted under a lock.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = [0, 0]
    func add(_ index: Int) { lock.withLock { counts[index] += 1 } }
    var values: [Int] { lock.withLock { counts } }
}
