/// Times benchmark cases: prepare once, then the best of several repetitions on a monotonic
/// clock. The best, not the mean, because interference from the rest of the machine only ever
/// adds time.
public struct BenchmarkRunner {
    public var iterations: Int
    public var repetitions: Int

    public init(iterations: Int, repetitions: Int) {
        self.iterations = iterations
        self.repetitions = repetitions
    }

    /// One case's figures.
    public struct Measurement: Sendable {
        public var group: String
        public var name: String
        public var parameter: String
        public var unit: BenchmarkUnit
        public var operations: Int
        /// Best time per operation, in `unit`.
        public var best: Double
        /// Median time per operation, in `unit`: a large gap to `best` means a noisy machine.
        public var median: Double
        /// What the last repetition returned, to compare variants of the same computation.
        public var checksum: Double
        /// `best` divided by the group baseline's `best` at the same parameter.
        public var ratio: Double?
    }

    public func run(_ groups: [BenchmarkGroup]) -> [Measurement] {
        var results: [Measurement] = []
        for group in groups {
            var measured: [Measurement] = []
            for benchmark in group.cases {
                measured.append(measure(benchmark, in: group))
            }
            for index in measured.indices {
                let base = measured.first { $0.name == group.baseline && $0.parameter == measured[index].parameter }
                // A failed case (non-finite checksum) has no meaningful time, and no ratio either way.
                guard let base, base.best > 0, base.checksum.isFinite, measured[index].checksum.isFinite else { continue }
                measured[index].ratio = measured[index].best / base.best
            }
            results += measured
        }
        return results
    }

    func measure(_ benchmark: BenchmarkCase, in group: BenchmarkGroup) -> Measurement {
        let workload = benchmark.prepare(iterations)
        let clock = ContinuousClock()
        var times: [Double] = []
        var checksum = 0.0
        for _ in 0..<repetitions {
            let start = clock.now
            checksum = workload.body()
            times.append(Self.seconds(clock.now - start))
        }
        times.sort()
        let perOperation = benchmark.unit.scale / Double(Swift.max(1, workload.operations))
        return Measurement(
            group: group.name, name: benchmark.name, parameter: benchmark.parameter, unit: benchmark.unit,
            operations: workload.operations, best: (times.first ?? 0) * perOperation,
            median: (times.isEmpty ? 0 : times[times.count / 2]) * perOperation, checksum: checksum, ratio: nil)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
