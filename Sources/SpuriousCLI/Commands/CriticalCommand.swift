import ArgumentParser
import LossModel
import MultiPrecision
import Report

struct CriticalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "critical",
        abstract: "Find the critical points of a fixed space's reduced loss at one d, by Newton's method with deflation.",
        discussion: """
            Damped Newton's method with deflation runs from --starts random starts (diagonal \
            variables D* uniform in [-1.5, 1.5], the others in [-1, 1], drawn from SplitMix64 \
            seeded with --rng-seed, so the same seed gives the same starts on every machine); \
            each point found is deflated so that later starts look elsewhere, and a start whose \
            deflated run fails is run once more without deflation. Each distinct \
            point is polished, labelled from its full Hessian spectrum (global minimum, \
            spurious minimum, saddle or degenerate) and given its isotropy: the coarsest \
            partition whose fixed space contains it. Loss, coordinates and smallest eigenvalue \
            are printed to --digits proved digits (recomputed at two precisions). Starts that \
            meet a singular point (a zero row) are counted, not reported; the global minimum \
            W = I is reported, by its zero loss.

            Example (finds the one-flipped spurious minimum of DESIGN.md and the global minimum):
              spurious critical --partition d-1,1 --d 10 --starts 200 --rng-seed 1
            """)

    @Option(help: "Fixed space as a partition, e.g. d-1,1 or d-2,2 (suffix r: rows only, c: columns only).")
    var partition: String

    @Option(name: .customLong("d"), parsing: .unconditional, help: "The dimension d, any real number at which every block of the partition is valid (e.g. 10 or 5.5).")
    var d: String

    @Option(parsing: .unconditional, help: "Number of random starts (1 to 100000).")
    var starts: Int = 200

    @Option(name: .customLong("rng-seed"), parsing: .unconditional, help: "Seed of the random starts (0 to 2^64 - 1); the same seed gives the same starts and results.")
    var rngSeed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Proved significant digits of loss, coordinates and smallest eigenvalue (1 to 1000).")
    var digits: Int = 15

    @Option(help: "Output format: table, json or csv.")
    var format: CriticalFormat = .table

    func validate() throws {
        guard (1...100_000).contains(starts) else {
            throw ValidationError("--starts must be between 1 and 100000, got \(starts)")
        }
        guard (1...1000).contains(digits) else {
            throw ValidationError("--digits must be between 1 and 1000, got \(digits)")
        }
        let parsed = try parsedPartition()
        let value = try dValue()
        do { try parsed.validate(d: value) } catch { throw ValidationError("--d: \(error)") }
        guard FixedSpace(parsed).dimension > 0 else {
            throw ValidationError("--partition: \(CriticalPointSearchError.emptyFixedSpace(partition: parsed.description))")
        }
    }

    func parsedPartition() throws -> Partition {
        do { return try Partition(parsing: partition) } catch { throw ValidationError("--partition: \(error)") }
    }

    func dValue() throws -> Double {
        guard let value = try? Double(parsing: d, precision: 53) else {
            throw ValidationError("--d: '\(d)' is not a decimal number")
        }
        return value
    }

    func run() throws {
        let search = CriticalPointSearch(try parsedPartition())
        let points: [PolishedCriticalPoint]
        let result: CriticalPointSearchResult
        do {
            result = try search.run(d: try dValue(), settings: .init(starts: starts, rngSeed: rngSeed))
            points = try result.points.map { try search.polish($0, d: d, digits: digits) }
        } catch let error as ModelError {
            throw CLIError("\(error)")
        } catch let error as CriticalPointSearchError {
            throw CLIError("\(error)")
        }
        let output = CriticalOutput(result: result, points: points, names: search.model.loss.space.names, d: d, digits: digits)
        switch format {
        case .table: print(output.table(), terminator: "")
        case .json: print(output.json().rendered(), terminator: "")
        case .csv: print(output.csv(), terminator: "")
        }
    }
}

enum CriticalFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The three renderings of a search's result.
struct CriticalOutput {
    let result: CriticalPointSearchResult
    let points: [PolishedCriticalPoint]
    let names: [String]
    let d: String
    let digits: Int

    var countsLine: String {
        let c = result.counts
        return "starts: \(c.tried) tried, \(c.converged) converged, \(c.singular) singular, \(c.diverged) diverged; "
            + "\(points.count) distinct point\(points.count == 1 ? "" : "s")"
    }

    func table() -> String {
        var out = "partition \(result.partition)   d = \(d)\n\(countsLine)\n"
        guard !points.isEmpty else { return out }
        if let first = points.first {
            out += "digits: \(digits) asked; printed digits agree at \(first.workingBits) and \(first.checkBits) bits\n"
        }
        var summary = TextTable(
            headers: ["#", "label", "loss", "index", "min eigenvalue", "isotropy"],
            alignments: [.right, .left, .left, .right, .left, .left])
        var coordinates = TextTable(headers: ["#"] + names, alignments: [.right] + names.map { _ in .left })
        for (number, point) in points.enumerated() {
            summary.append([
                "\(number + 1)", CriticalOutput.label(point), point.loss,
                point.point.index.map(CriticalOutput.number) ?? "-", point.minEigenvalue ?? "-",
                point.point.isotropy.description,
            ])
            coordinates.append(["\(number + 1)"] + point.coordinates.map(\.value))
        }
        return out + "\n" + summary.rendered() + "\n" + coordinates.rendered()
    }

    func json() -> JSONValue {
        let c = result.counts
        return .object([
            ("partition", .string(result.partition.description)),
            ("d", .string(d)),
            ("starts", .object([
                ("tried", .number(Double(c.tried))), ("converged", .number(Double(c.converged))),
                ("singular", .number(Double(c.singular))), ("diverged", .number(Double(c.diverged))),
            ])),
            ("points", .array(points.map { point in
                .object([
                    ("loss", .string(point.loss)),
                    ("coordinates", .object(point.coordinates.map { ($0.name, .string($0.value)) })),
                    ("index", point.point.index.map { .number($0) } ?? .null),
                    ("min_eigenvalue", point.minEigenvalue.map { .string($0) } ?? .null),
                    ("label", .string(point.point.label.rawValue)),
                    ("isotropy", .string(point.point.isotropy.description)),
                    ("proved", .bool(point.proved)),
                ])
            })),
        ])
    }

    func csv() -> String {
        var table = CSVTable(headers: ["label", "loss", "index", "min_eigenvalue", "isotropy"] + names)
        for point in points {
            table.append([
                CriticalOutput.label(point), point.loss, point.point.index.map(CriticalOutput.number) ?? "",
                point.minEigenvalue ?? "", point.point.isotropy.description,
            ] + point.coordinates.map(\.value))
        }
        return table.rendered()
    }

    /// The label, marked when the digits beside it are the search's unproved `Double` values.
    static func label(_ point: PolishedCriticalPoint) -> String {
        point.point.label.rawValue + (point.proved ? "" : " (not proved)")
    }

    /// An index: an integer at integer d, a real number at fractional d.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
