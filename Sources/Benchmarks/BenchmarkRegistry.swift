import Foundation

/// Every benchmark group `spurious bench` knows. To add one, define it in its own file as a
/// static member of ``BenchmarkGroup`` and list it here; the runner and the report need no change.
public enum BenchmarkRegistry {
    public static let groups: [BenchmarkGroup] = [
        .multiplyAdd,
        .spectrum,
        .continuation,
        .certification,
        .asymptotics,
        .globalMinimum,
        .branches,
        .atlas,
        .process,
    ]

    /// The groups restricted to the cases whose identifier ("group/case/parameter") contains
    /// `filter` (case-insensitive); groups left empty are dropped.
    public static func selection(matching filter: String?) -> [BenchmarkGroup] {
        groups.compactMap { group in
            var selected = group
            if let filter, !filter.isEmpty {
                selected.cases = group.cases.filter { group.identifier(of: $0).localizedCaseInsensitiveContains(filter) }
            }
            return selected.cases.isEmpty ? nil : selected
        }
    }

    /// One line per group, "name: case, case, ... at parameter values", for help and errors.
    public static var overview: String {
        groups.map { group in
            var cases: [String] = []
            var parameters: [String] = []
            for benchmark in group.cases {
                if !cases.contains(benchmark.name) { cases.append(benchmark.name) }
                if !parameters.contains(benchmark.parameter) { parameters.append(benchmark.parameter) }
            }
            return "  \(group.name): \(cases.joined(separator: ", ")); \(group.parameterName) = \(parameters.joined(separator: ", "))"
        }
        .joined(separator: "\n")
    }

    /// All identifiers, for tests and scripts.
    public static var identifiers: [String] {
        groups.flatMap { group in group.cases.map { group.identifier(of: $0) } }
    }
}
