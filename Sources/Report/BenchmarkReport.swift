import Benchmarks
import Foundation

/// Formats measurements; knows groups only through their names and parameter headers.
public enum BenchmarkReport {
    /// The lines above the tables: how the figures are taken, and with which libraries.
    public static func header(_ settings: Settings) -> String {
        var out = "spurious bench: best of \(settings.repetitions) repetitions of \(settings.iterations) iterations, \(settings.build) build\n"
        out += "GMP \(settings.gmp), MPFR \(settings.mpfr)\n"
        if settings.build != "release" { out += "(a debug build: for figures worth keeping, build with -c release)\n" }
        return out
    }

    /// A table per group: case, parameter, time in the case's unit, ratio to the baseline.
    public static func table(_ results: [BenchmarkRunner.Measurement], groups: [BenchmarkGroup]) -> String {
        var lines: [String] = []
        for group in groups {
            let rows = results.filter { $0.group == group.name }
            guard !rows.isEmpty else { continue }
            lines.append("")
            lines.append("\(group.name): \(group.summary)")
            let unit = rows.first?.unit.rawValue ?? ""
            let header = [
                "case", group.parameterName, unit, "median", group.baseline.map { "vs \($0)" } ?? "",
            ]
            var cells: [[String]] = [header]
            for row in rows {
                // A failed case (non-finite checksum) timed nothing worth printing.
                let failed = !row.checksum.isFinite
                cells.append([
                    row.name, row.parameter, failed ? "failed" : number(row.best), failed ? "failed" : number(row.median),
                    row.ratio.map { String(format: $0 < 0.1 ? "%.3g" : "%.2f", $0) } ?? "-",
                ])
            }
            lines += align(cells, leftAligned: [0]).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Pretty-printed JSON with the run's settings and every measurement.
    public static func json(_ results: [BenchmarkRunner.Measurement], settings: Settings) throws -> String {
        let document = Document(settings: settings, results: results.map(Entry.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// How the figures were obtained, printed with them so that they can be compared later.
    public struct Settings: Encodable {
        public var iterations: Int
        public var repetitions: Int
        public var build: String
        public var mpfr: String
        public var gmp: String

        public init(iterations: Int, repetitions: Int, build: String, mpfr: String, gmp: String) {
            self.iterations = iterations
            self.repetitions = repetitions
            self.build = build
            self.mpfr = mpfr
            self.gmp = gmp
        }
    }

    private struct Document: Encodable {
        var settings: Settings
        var results: [Entry]
    }

    private struct Entry: Encodable {
        var group, name, parameter, unit: String
        var operations: Int
        var best, median: Double
        /// Null when the case returned NaN or infinity (its way to say that it failed): JSON has
        /// no such numbers, and one failed case must not lose the others' figures.
        var checksum: Double?
        var ratio: Double?

        init(_ m: BenchmarkRunner.Measurement) {
            group = m.group
            name = m.name
            parameter = m.parameter
            unit = m.unit.rawValue
            operations = m.operations
            best = m.best
            median = m.median
            checksum = m.checksum.isFinite ? m.checksum : nil
            ratio = m.ratio.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// Three significant figures, without scientific notation for the usual range.
    static func number(_ x: Double) -> String {
        switch abs(x) {
        case 100...: return String(format: "%.0f", x)
        case 10..<100: return String(format: "%.1f", x)
        default: return String(format: "%.2f", x)
        }
    }

    /// Pads columns to a common width; the columns in `leftAligned` are padded on the right.
    static func align(_ rows: [[String]], leftAligned: Set<Int>) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return leftAligned.contains(c) ? cell + pad : pad + cell
            }
            .joined(separator: "   ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
