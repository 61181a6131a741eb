import LossModel
import XCTest

final class CriticalDebugTests: XCTestCase {
    func testDebug() throws {
        let search = CriticalPointSearch(try Partition(parsing: "d-1,1"))
        let settings = CriticalPointSearch.Settings()
        var reasons: [String: Int] = [:]
        for start in search.starts(count: 200, seed: 1) {
            let outcome = search.model.loss.newton(from: start, d: 10.0, deflation: Deflation(), limits: settings.search)
            switch outcome {
            case let .converged(x): reasons["conv " + x.map { String(format: "%.3f", $0) }.joined(separator: " "), default: 0] += 1
            case let .singular(w): reasons["sing " + w, default: 0] += 1
            case let .diverged(w): reasons["div " + w, default: 0] += 1
            }
        }
        for (k, v) in reasons.sorted(by: { $0.value > $1.value }) { print(v, k) }
    }
}
