import Foundation
import XCTest

@testable import Benchmarks
@testable import Report

/// The bench machinery on made-up cases, so that its bookkeeping (operations, ratios, failed
/// cases, filters) is checked without depending on how fast anything runs.
final class BenchmarkRunnerTests: XCTestCase {
    /// A group of two cases whose work is counted, not timed.
    private func group(baseline: String?) -> BenchmarkGroup {
        BenchmarkGroup(
            name: "toy", summary: "counting", parameterName: "size", baseline: baseline,
            cases: [
                BenchmarkCase(name: "slow", parameter: "1", unit: .nanosecondsPerOperation) { n in
                    BenchmarkWorkload(operations: n) { (0..<(n * 20)).reduce(0.0) { $0 + Double($1 & 1) } }
                },
                BenchmarkCase(name: "failing", parameter: "1", unit: .millisecondsPerRun) { _ in
                    BenchmarkWorkload(operations: 1) { .nan }
                },
            ])
    }

    func testMeasurementsCarryOperationsChecksumsAndRatios() {
        let results = BenchmarkRunner(iterations: 1000, repetitions: 3).run([group(baseline: "slow")])
        XCTAssertEqual(results.map(\.name), ["slow", "failing"])
        XCTAssertEqual(results[0].operations, 1000)
        XCTAssertEqual(results[0].checksum, 10_000)
        XCTAssertEqual(results[0].ratio, 1)
        XCTAssertLessThanOrEqual(results[0].best, results[0].median)
        XCTAssertEqual(results[1].operations, 1)
        XCTAssertTrue(results[1].checksum.isNaN)
        XCTAssertNil(results[1].ratio, "a failed case has no ratio")
        XCTAssertNil(BenchmarkRunner(iterations: 10, repetitions: 1).run([group(baseline: nil)])[0].ratio)
    }

    /// A failed case (NaN checksum) must not make the JSON unencodable.
    func testJSONSurvivesAFailedCase() throws {
        let results = BenchmarkRunner(iterations: 10, repetitions: 1).run([group(baseline: "slow")])
        let settings = BenchmarkReport.Settings(iterations: 10, repetitions: 1, build: "debug", mpfr: "x", gmp: "y")
        let text = try BenchmarkReport.json(results, settings: settings)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let entries = try XCTUnwrap(object["results"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 2)
        XCTAssertNil(entries[1]["checksum"])
        XCTAssertEqual(entries[1]["unit"] as? String, "ms/run")
    }

    func testTableHasOneRowPerCase() {
        let toy = group(baseline: "slow")
        let results = BenchmarkRunner(iterations: 10, repetitions: 1).run([toy])
        let lines = BenchmarkReport.table(results, groups: [toy]).split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("toy: counting") })
        XCTAssertTrue(lines.contains { $0.contains("case") && $0.contains("size") && $0.contains("vs slow") })
        XCTAssertEqual(lines.filter { $0.contains("slow ") || $0.contains("failing ") }.count, 2)
        XCTAssertTrue(lines.contains { $0.contains("failing ") && $0.contains("failed") }, "a failed case says so instead of a time")
    }

    func testRegistryFilterIsACaseInsensitiveSubstring() {
        let all = BenchmarkRegistry.selection(matching: nil).flatMap(\.cases)
        XCTAssertEqual(all.count, BenchmarkRegistry.identifiers.count)
        let fma = BenchmarkRegistry.selection(matching: "MULTIPLY-ADD/bigfloat-FMA")
        XCTAssertEqual(fma.map(\.name), ["multiply-add"])
        XCTAssertEqual(fma.first?.cases.map(\.parameter), ["128", "1024"])
        XCTAssertTrue(BenchmarkRegistry.selection(matching: "no such case").isEmpty)
        XCTAssertEqual(Set(BenchmarkRegistry.identifiers).count, BenchmarkRegistry.identifiers.count, "identifiers are unique")
    }
}
