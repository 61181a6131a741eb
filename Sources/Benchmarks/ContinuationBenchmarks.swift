import Families
import LossModel
import MultiPrecision

/// The one-flipped family (docs/design.md section 4): a Double sweep from d = 10 down to 4.5 with
/// the full spectrum at every accepted point (on one thread, and with the spectra on a second
/// one as `--jobs 2` runs it), and its saddle/minimum transition located to
/// 40 and to 1000 proved digits (the sweep that brackets it is prepared untimed).
extension BenchmarkGroup {
    static let continuation = BenchmarkGroup(
        name: "continuation",
        summary: "one-flipped family: Double sweep 10 -> 4.5, transition located to N proved digits",
        parameterName: "digits",
        baseline: nil,
        cases: [
            ContinuationBenchmarks.sweep(concurrently: false),
            ContinuationBenchmarks.sweep(concurrently: true),
            ContinuationBenchmarks.transition(digits: 40),
            ContinuationBenchmarks.transition(digits: 1000),
        ]
    )
}

enum ContinuationBenchmarks {
    static func oneFlipped() -> Family? {
        (try? Family.builtIn())?.first { $0.name == "d-1,1 one-flipped" }
    }

    static func sweep(concurrently: Bool) -> BenchmarkCase {
        BenchmarkCase(name: concurrently ? "sweep-10-to-4.5-2-threads" : "sweep-10-to-4.5", parameter: "-", unit: .millisecondsPerRun) { _ in
            guard let family = oneFlipped() else { return BenchmarkWorkload(operations: 1) { .nan } }
            return BenchmarkWorkload(operations: 1) {
                (try? family.follow(FollowSettings(lower: 4.5, upper: nil), concurrently: concurrently))?.points.count.doubleValue ?? .nan
            }
        }
    }

    static func transition(digits: Int) -> BenchmarkCase {
        BenchmarkCase(name: "transition", parameter: "\(digits)", unit: .millisecondsPerRun) { _ in
            guard let trace = try? oneFlipped()?.follow(FollowSettings(lower: 5, upper: nil)),
                  let event = trace.events.first(where: { if case .testFunction = $0.event.kind { true } else { false } })
            else { return BenchmarkWorkload(operations: 1) { .nan } }
            return BenchmarkWorkload(operations: 1) {
                (try? trace.locate(event, digits: digits))?.approximateD ?? .nan
            }
        }
    }
}

extension Int {
    var doubleValue: Double { Double(self) }
}
