import LossModel
import Spurious

/// The atlas's two costs (issue 14): the critical-point search at one ladder d in a four-block
/// space (the largest of the default set, where the search dominates), and one small space
/// surveyed whole (search on a short ladder, both families followed and located, minima rows
/// polished), which is what each of the atlas's parallel tasks does.
extension BenchmarkGroup {
    static let atlas = BenchmarkGroup(
        name: "atlas",
        summary: "one ladder point's search (100 starts, d = 10); one space surveyed on the ladder 6, 8, 10 up to k = 12",
        parameterName: "space",
        baseline: nil,
        cases: [
            AtlasBenchmarks.search("d-2,1,1"),
            AtlasBenchmarks.search("d-3,2,1,1r"),
            AtlasBenchmarks.survey("d-1,1"),
        ]
    )
}

enum AtlasBenchmarks {
    static func search(_ text: String) -> BenchmarkCase {
        BenchmarkCase(name: "search", parameter: text, unit: .millisecondsPerRun) { _ in
            guard let partition = try? Partition(parsing: text) else { return BenchmarkWorkload(operations: 1) { .nan } }
            let search = CriticalPointSearch(partition)
            return BenchmarkWorkload(operations: 1) {
                (try? search.run(d: 10, settings: .init(starts: AtlasRequest().starts)))?.points.count.doubleValue ?? .nan
            }
        }
    }

    static func survey(_ text: String) -> BenchmarkCase {
        BenchmarkCase(name: "survey", parameter: text, unit: .millisecondsPerRun) { _ in
            guard let partition = try? Partition(parsing: text) else { return BenchmarkWorkload(operations: 1) { .nan } }
            let request = AtlasRequest(spaces: [partition], ladder: [6, 8, 10], maxK: 12)
            return BenchmarkWorkload(operations: 1) {
                (try? AtlasJob.survey(partition, request: request))?.families.count.doubleValue ?? .nan
            }
        }
    }
}
