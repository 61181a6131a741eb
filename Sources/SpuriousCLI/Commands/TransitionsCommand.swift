import ArgumentParser
import Families
import LossModel
import MultiPrecision
import Report
import Spurious

struct TransitionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transitions",
        abstract: "Every saddle/minimum transition and fold of a family, or of the whole catalog, with d to proved digits.",
        discussion: """
            With no --seed this is the catalog, the tool's main job: the spurious minima at d = \
            --at are found in each fixed space (d, d-1,1, d-2,2, d-1,1,1r, d,1r, or those given \
            with --partition), each is followed down to where its spectrum stops being defined \
            and up to --max-d, and every transition and fold is printed, sorted by partition then \
            d. With --partition P --seed v1,... [--seed-d D0] one family is reported.

            A printed digit is proved: d is located at two precisions and only agreeing digits \
            are kept, and for a transition the crossing eigenvalue has opposite signs one unit \
            of the last digit below and above.

            --certify adds a proof for each transition: an interval [d_lo, d_hi] of width about \
            10^-digits on which the family is one smooth curve of critical points (Krawczyk), \
            one eigenvalue of the crossing part has opposite signs at d_lo and d_hi, and every \
            other eigenvalue keeps its sign (rigorous enclosures in interval arithmetic). A step \
            that cannot be certified is named, and the proof is tried again at a higher \
            precision before it gives up. Folds are not certified.

            Family names: the partition, then how many student rows have a negative diagonal \
            entry ("d-1,1 one-flipped", "d-2,2 two-flipped"; "#2" tells apart two families that \
            would share a name).

            Examples:
              spurious transitions
              spurious transitions --partition d-1,1 --partition d-2,2 --digits 50 --format csv
              spurious transitions --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --format json
              spurious transitions --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --to 5 --digits 100 --certify
            """)

    @OptionGroup var repeated: RepeatedOptions

    @Option(
        help: "Fixed space(s) as partitions (repeat the option for several); with --seed exactly one.",
        transform: ArgumentParsing.partition)
    var partition: [Partition] = []

    @Option(
        parsing: .unconditional, help: "Seed values of one family, comma-separated in variable order; a leading minus sign is fine.",
        transform: ArgumentParsing.decimalList)
    var seed: [DecimalLiteral]?

    @Option(
        name: .customLong("seed-d"), parsing: .unconditional, help: "The d at which --seed is given (default: 10).",
        transform: ArgumentParsing.decimal)
    var seedD: DecimalLiteral = DecimalLiteral(exactly: 10)

    @Option(
        parsing: .unconditional, help: "With --seed: follow from --seed-d to this d only (default: both ways).",
        transform: ArgumentParsing.decimal)
    var to: DecimalLiteral?

    @Option(
        parsing: .unconditional, help: "Catalog: the reference d at which the spurious minima are searched (default: 10).",
        transform: ArgumentParsing.decimal)
    var at: DecimalLiteral = DecimalLiteral(exactly: 10)

    @Option(help: "Catalog: Newton starts per fixed space.")
    var starts: Int = 200

    @Option(name: .customLong("rng-seed"), help: "Catalog: seed of the reproducible random starts.")
    var rngSeed: UInt64 = 1

    @Option(name: .customLong("max-d"), help: "Upper end when following both ways (default: 40).", transform: ArgumentParsing.decimal)
    var maxD: DecimalLiteral = DecimalLiteral(exactly: 40)

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 30
        static let maximum = 100_000
        static let meaning = "Proved significant digits for each d"
    }

    @Option(help: "Output format: table, csv or json.")
    var format: TransitionsFormat = .table

    @Option(help: "Also write each family's bifurcation diagram as CSV into this directory (created if missing), one file per family named after it, e.g. d-1-1-one-flipped.csv.")
    var diagrams: String?

    @OptionGroup var jobs: JobsOption

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(help: "Prove each transition with interval arithmetic: an interval [d_lo, d_hi] of width about 10^-digits with the statement it proves (table or json).")
    var certify = false

    func validate() throws {
        guard (1...100_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 100000, got \(starts)") }
        if seed != nil {
            guard partition.count == 1 else { throw ValidationError("--seed needs exactly one --partition") }
            try FollowRange.validate(seedD: seedD, to: to, maxD: maxD)
        } else if to != nil {
            throw ValidationError("--to needs one family (--partition and --seed)")
        }
        guard maxD.double > at.double || seed != nil else { throw ValidationError("--max-d (\(maxD.double)) must be above --at (\(at.double))") }
        guard !certify || format != .csv else { throw ValidationError("--certify prints a table or json, not csv") }
    }

    /// The families asked for: one given by its seed, or the catalog's.
    var request: TransitionsRequest {
        let families: TransitionsRequest.Families
        if let seed, let space = partition.first {
            families = .family(Family.named(partition: space, seed: seed, seedD: seedD), to: to?.double)
        } else {
            families = .catalog(CatalogRequest(
                partitions: partition.isEmpty ? Catalog.defaultPartitions() : partition, at: at.double, starts: starts,
                rngSeed: rngSeed))
        }
        return TransitionsRequest(families: families, maxD: maxD.double, digits: digits.digits, certify: certify, jobs: jobs.jobs)
    }

    func run() throws {
        let directory = try diagrams.map { try DiagramDirectory($0) }
        let progress = ProgressLine(quiet: quiet)
        let result: TransitionsResult
        do {
            let request = request
            result = try BlockingWait.run { try await TransitionsJob.run(request, progress: progress) }
        } catch {
            directory?.removeIfCreated()
            throw error
        }
        progress.finish()
        if let directory {
            do {
                try OutputFiles(result.runs.map { directory.target(for: $0.family) }).commit(result.runs.map(DiagramCSV.render))
            } catch {
                directory.removeIfCreated()
                throw error
            }
            directory.keep()
        }
        let report = TransitionsReport(result)
        switch format {
        case .table: try StandardOutput.write(report.table())
        case .csv: try StandardOutput.write(report.csv())
        case .json: try StandardOutput.write(report.json().rendered())
        }
    }
}

enum TransitionsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
