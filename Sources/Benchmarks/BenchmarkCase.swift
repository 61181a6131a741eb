/// What `spurious bench` can measure: groups of cases, each case a piece of work that is
/// prepared once (untimed) and then timed several times.
///
/// The runner knows nothing about the work. A new subject (model spectrum, continuation step)
/// is a new file that defines a ``BenchmarkGroup`` and one line in ``BenchmarkRegistry``.

/// How a case's time is reported.
public enum BenchmarkUnit: String, Sendable {
    /// Nanoseconds per operation, for small repeated operations.
    case nanosecondsPerOperation = "ns/op"
    /// Milliseconds per run, for whole computations.
    case millisecondsPerRun = "ms/run"

    /// Seconds to this unit.
    public var scale: Double {
        switch self {
        case .nanosecondsPerOperation: return 1e9
        case .millisecondsPerRun: return 1e3
        }
    }
}

/// Work ready to be timed. Resources it holds (preallocated MPFR values) are released when the
/// workload is, after the timing.
public struct BenchmarkWorkload {
    /// Operations (or runs) that one call of `body` performs; the time is divided by this.
    public var operations: Int
    /// The timed work. It starts from the same state on every call and returns a number that
    /// depends on all of it (so nothing can be optimized away, and variants can be compared).
    public var body: () -> Double
}

/// One measurement: a named variant at one size.
public struct BenchmarkCase: Sendable {
    /// The variant, e.g. "mpfr-direct"; unique within its group together with `parameter`.
    public var name: String
    /// The size the variant runs at, e.g. "128" (bits), shown in the group's parameter column.
    public var parameter: String
    public var unit: BenchmarkUnit
    /// Builds the work for the `--iterations` count. A case whose single run is long may scale
    /// it down (iterations / 1000 runs, at least one); `operations` says what it chose.
    public var prepare: @Sendable (_ iterations: Int) -> BenchmarkWorkload
}

/// Cases measured side by side, with ratios taken against one of them.
public struct BenchmarkGroup: Sendable {
    /// Short name used in the output and by `--filter`, e.g. "multiply-add".
    public var name: String
    /// One line saying what is computed.
    public var summary: String
    /// Header of the parameter column, e.g. "bits".
    public var parameterName: String
    /// The case that ratios are relative to, at the same parameter; nil for no ratios.
    public var baseline: String?
    public var cases: [BenchmarkCase]

    /// The text `--filter` matches: "group/case/parameter".
    public func identifier(of benchmark: BenchmarkCase) -> String {
        "\(name)/\(benchmark.name)/\(benchmark.parameter)"
    }
}
