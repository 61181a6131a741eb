import ArgumentParser
import Families
import LossModel
import MultiPrecision
import Report

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

    @Option(help: "Fixed space(s) as partitions (repeat the option for several); with --seed exactly one.")
    var partition: [String] = []

    @Option(parsing: .unconditional, help: "Seed values of one family, comma-separated in variable order; a leading minus sign is fine.")
    var seed: String?

    @Option(name: .customLong("seed-d"), parsing: .unconditional, help: "The d at which --seed is given.")
    var seedD: String = "10"

    @Option(parsing: .unconditional, help: "With --seed: follow from --seed-d to this d only (default: both ways).")
    var to: Double?

    @Option(parsing: .unconditional, help: "Catalog: the reference d at which the spurious minima are searched.")
    var at: Double = 10

    @Option(help: "Catalog: Newton starts per fixed space.")
    var starts: Int = 200

    @Option(name: .customLong("rng-seed"), help: "Catalog: seed of the reproducible random starts.")
    var rngSeed: UInt64 = 1

    @Option(name: .customLong("max-d"), help: "Upper end when following both ways.")
    var maxD: Double = 40

    @Option(help: "Proved significant digits for each d (1 to 1000).")
    var digits: Int = 30

    @Option(help: "Output format: table, csv or json.")
    var format: TransitionsFormat = .table

    @Option(help: "Also write each family's bifurcation diagram as CSV into this directory (created if missing), one file per family named after it, e.g. d-1-1-one-flipped.csv.")
    var diagrams: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(help: "Prove each transition with interval arithmetic: an interval [d_lo, d_hi] of width about 10^-digits with the statement it proves (table or json).")
    var certify = false

    func validate() throws {
        guard (1...1000).contains(digits) else { throw ValidationError("--digits must be between 1 and 1000, got \(digits)") }
        guard (1...100_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 100000, got \(starts)") }
        try requireFinite(to, "--to")
        try requireFinite(at, "--at")
        try requireFinite(maxD, "--max-d")
        for text in partition {
            do { _ = try Partition(parsing: text) } catch { throw ValidationError("\(error)") }
        }
        if let seed {
            guard partition.count == 1 else { throw ValidationError("--seed needs exactly one --partition") }
            _ = try NumberList(seed, option: "--seed")
            guard (try? Double(parsing: seedD, precision: 53)) != nil else {
                throw ValidationError("--seed-d: '\(seedD)' is not a decimal number")
            }
        } else if to != nil {
            throw ValidationError("--to needs one family (--partition and --seed)")
        }
        guard maxD > at || seed != nil else { throw ValidationError("--max-d (\(maxD)) must be above --at (\(at))") }
        guard !certify || format != .csv else { throw ValidationError("--certify prints a table or json, not csv") }
    }

    func run() throws {
        let progress = ProgressLine(quiet: quiet)
        let families: [Family]
        if let seed, let text = partition.first {
            let parsed = try Partition(parsing: text)
            families = [Family.named(partition: parsed, seed: try NumberList(seed, option: "--seed").texts, seedD: seedD)]
        } else {
            let spaces = try (partition.isEmpty ? Catalog.defaultPartitions : partition).map { try Partition(parsing: $0) }
            do {
                families = try Catalog.discover(partitions: spaces, at: at, starts: starts, rngSeed: rngSeed) { progress.show($0) }
            } catch let error as ModelError {
                throw CLIError("\(error)")
            }
        }
        var events: [LocatedFamilyEvent] = []
        var certified: [CertifiedEvent] = []
        var notes: [String] = []
        for chosen in families {
            let run = try FamilyRun.follow(chosen, to: to, maxD: maxD, maxSteps: 4000, digits: digits, progress: progress)
            events += run.located
            if certify { certified += CertifiedEvent.certify(run, digits: digits, progress: progress) }
            notes.append(run.note())
            if let diagrams { try run.write(csv: try DiagramDirectory.path(for: chosen, in: diagrams)) }
        }
        if seed == nil {
            let spaces = partition.isEmpty ? Catalog.defaultPartitions : partition
            for space in spaces where !families.contains(where: { $0.partition.description == (try? Partition(parsing: space))?.description }) {
                notes.append("\(space): no spurious minimum of this isotropy at d = \(at.plainText) (\(starts) starts)")
            }
        }
        progress.finish()
        let report = TransitionsReport(events: events, notes: notes)
        switch (format, certify) {
        case (.table, false): print(report.table(), terminator: "")
        case (.table, true): print(report.table() + CertificateRendering.table(certified), terminator: "")
        case (.csv, _): print(report.csv(), terminator: "")
        case (.json, false): print(report.json().rendered(), terminator: "")
        case (.json, true): print(CertificateRendering.json(report.json(), certified).rendered(), terminator: "")
        }
    }
}

enum TransitionsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension Double {
    /// "10" for an integer, else the shortest text that reads back exactly ("5.5").
    var plainText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : "\(self)" }
}
