import Families
import Spurious

/// `spurious branches` as the figures time it: the one-flipped family's branch
/// analysis at 30 digits, its branches followed to their ends in [2.5, 40] (target 5 s), and
/// the default catalog's (target 60 s).
extension BenchmarkGroup {
    static let branches = BenchmarkGroup(
        name: "branches",
        summary: "the branches born at the one-flipped family's transition (30 digits) and at the catalog's",
        parameterName: "digits",
        baseline: nil,
        cases: [
            BranchesBenchmarks.run(name: "one-flipped", digits: 30) { ContinuationBenchmarks.oneFlipped().map { .given([$0]) } },
            BranchesBenchmarks.run(name: "catalog", digits: 20) { .catalog(CatalogRequest()) },
        ]
    )
}

enum BranchesBenchmarks {
    /// One run per operation; the checksum is the number of branches followed, NaN when none
    /// was.
    static func run(name: String, digits: Int, families: @escaping @Sendable () -> BranchesRequest.Families?) -> BenchmarkCase {
        BenchmarkCase(name: name, parameter: "\(digits)", unit: .millisecondsPerRun) { _ in
            guard let families = families() else { return BenchmarkWorkload(operations: 1) { .nan } }
            let request = BranchesRequest(families: families, digits: digits)
            return BenchmarkWorkload(operations: 1) {
                guard let result = try? BranchesJob.run(request) else { return .nan }
                let followed = result.families.flatMap(\.transitions).flatMap(\.branches).filter {
                    if case .success? = $0.branch { true } else { false }
                }.count
                return followed > 0 ? Double(followed) : .nan
            }
        }
    }
}
