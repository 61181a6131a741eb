import Certification
import Families

/// The one-flipped family's transition certified in interval arithmetic (`transitions
/// --certify`) to 30 and to 100 digits, as the command does it: the location to N proved
/// digits, its refinement to three more, parametric Krawczyk over the interval, eigenvalue
/// enclosures of every isotypic part over the box and at both ends. The Double sweep that
/// brackets the transition is prepared untimed. The result is the width
/// of the certified interval (NaN when certification fails).
extension BenchmarkGroup {
    static let certification = BenchmarkGroup(
        name: "certification",
        summary: "one-flipped transition certified (Krawczyk + eigenvalue enclosures) to N digits",
        parameterName: "digits",
        baseline: nil,
        cases: [CertificationBenchmarks.transition(digits: 30), CertificationBenchmarks.transition(digits: 100)]
    )
}

enum CertificationBenchmarks {
    static func transition(digits: Int) -> BenchmarkCase {
        BenchmarkCase(name: "certify-transition", parameter: "\(digits)", unit: .millisecondsPerRun) { _ in
            guard let trace = try? ContinuationBenchmarks.oneFlipped()?.follow(FollowSettings(lower: 5, upper: nil)),
                  let event = trace.events.first(where: { if case .testFunction = $0.event.kind { true } else { false } })
            else { return BenchmarkWorkload(operations: 1) { .nan } }
            return BenchmarkWorkload(operations: 1) {
                guard let located = try? trace.locate(event, digits: digits) else { return .nan }
                return (try? TransitionCertifier.certify(located, of: trace, digits: digits))?.interval.width.doubleValue ?? .nan
            }
        }
    }
}
