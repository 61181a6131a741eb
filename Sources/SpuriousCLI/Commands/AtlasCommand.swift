import ArgumentParser
import Foundation
import LossModel
import Report
import Spurious

/// `spurious atlas` runs the survey (``AtlasRunCommand``, the default); `spurious atlas merge`
/// combines the partial results of its shards (``AtlasMergeCommand``).
struct AtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Every family of spurious minima of partition type with up to three blocks, k = d and d + 1, discovered across d, with its transitions.",
        discussion: """
            `spurious atlas [options]` runs the survey (the options are those of \
            `spurious atlas run --help`); `spurious atlas merge FILES...` combines the parts \
            written by `--shard I/N --part FILE` into exactly the output of one run.

            Examples:
              spurious atlas
              spurious atlas --max-size 2 --ladder 6,8,10 --max-k 12 --csv atlas.csv --minima-csv atlas-minima.csv
              spurious atlas --shard 2/3 --part atlas-2.json
              spurious atlas merge atlas-1.json atlas-2.json atlas-3.json --csv atlas.csv
            """,
        subcommands: [AtlasRunCommand.self, AtlasMergeCommand.self],
        defaultSubcommand: AtlasRunCommand.self)
}

struct AtlasRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Survey the fixed spaces (the default of `spurious atlas`).",
        discussion: """
            The fixed spaces are d, d-m,m (1 <= m <= --max-size) and d-m-j,m,j (1 <= j <= m, \
            m + j <= --max-size), each also with one extra row-only block 1r (k = d + 1), or \
            those given with --partition. Each is searched for critical points at every d of \
            --ladder; the spurious minima whose isotropy is exactly the space seed families, \
            each followed both ways in d with every transition, fold and branch point located \
            to --digits proved digits. A minimum found again at another d, or a copy of one \
            under a symmetry of the problem, joins the family it lies on. d* is where a family \
            turns from saddle into minimum as d grows; the minima rows give loss and smallest \
            eigenvalue at every integer k from 6 to --max-k where the family is a spurious \
            minimum.

            The spaces run in parallel (--jobs, default: every core); the output does not \
            depend on the number of jobs. Beyond one machine, --shard I/N surveys every N-th \
            space from the I-th and writes the part to --part FILE; `spurious atlas merge` \
            with the N parts prints and writes exactly what one run would (a job array: \
            `sbatch --array=1-N` with --shard $SLURM_ARRAY_TASK_ID/N, or GNU parallel).

            Examples:
              spurious atlas
              spurious atlas --max-size 2 --ladder 6,8,10 --max-k 12 --csv atlas.csv --minima-csv atlas-minima.csv
              spurious atlas --partition d-1,1 --partition d-2,2 --json atlas.json
              spurious atlas --shard 1/3 --part atlas-1.json
            """)

    @Option(name: .customLong("max-size"), help: "Largest constant block m + j of the default spaces (1 to \(AtlasSpaces.maximumSize)).")
    var maxSize: Int?

    @Option(help: "Fixed space(s) as partitions instead of the default set (repeat the option for several).", transform: ArgumentParsing.partition)
    var partition: [Partition] = []

    @Option(help: "The integer d at which the spaces are searched, comma-separated, ascending.", transform: ArgumentParsing.integerList)
    var ladder: [Int] = AtlasRequest.defaultLadder

    @Option(name: .customLong("max-k"), help: "Minima rows for every integer k from 6 to this (6 to 1000).")
    var maxK: Int = 40

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 20
        static let maximum = 200
        static let meaning = "Proved significant digits of every event and every minimum"
    }

    @Option(help: "Newton starts per space and ladder d.")
    var starts: Int = AtlasRequest().starts

    @Option(name: .customLong("rng-seed"), help: "Seed of the reproducible random starts.")
    var rngSeed: UInt64 = 1

    @OptionGroup var jobs: JobsOption

    @Option(help: "Write one row per family and event as CSV to this file (- for standard output).")
    var csv: String?

    @Option(name: .customLong("minima-csv"), help: "Write one row per family and integer k where it is a spurious minimum as CSV to this file.")
    var minimaCSV: String?

    @Option(help: "Write the whole atlas as JSON to this file.")
    var json: String?

    @Option(help: "Survey only part I of N of the spaces (every N-th from the I-th), e.g. 2/3; needs --part.", transform: ArgumentParsing.shard)
    var shard: AtlasShard?

    @Option(help: "Write the shard's partial result to this file, for `spurious atlas merge`.")
    var part: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    static let largestLadderD = 1000
    static let longestLadder = 100

    func validate() throws {
        if let maxSize {
            guard partition.isEmpty else { throw ValidationError("--max-size chooses the default spaces; it cannot be combined with --partition") }
            guard (1...AtlasSpaces.maximumSize).contains(maxSize) else {
                throw ValidationError("--max-size must be between 1 and \(AtlasSpaces.maximumSize), got \(maxSize)")
            }
        }
        guard (AtlasRequest.smallestK...1000).contains(maxK) else { throw ValidationError("--max-k must be between 6 and 1000, got \(maxK)") }
        guard !ladder.isEmpty, ladder.count <= AtlasRunCommand.longestLadder else {
            throw ValidationError("--ladder needs between 1 and \(AtlasRunCommand.longestLadder) values, got \(ladder.count)")
        }
        for d in ladder where !(2...AtlasRunCommand.largestLadderD).contains(d) {
            throw ValidationError("--ladder: d = \(d) is outside 2...\(AtlasRunCommand.largestLadderD)")
        }
        for (a, b) in zip(ladder, ladder.dropFirst()) where a >= b {
            throw ValidationError("--ladder must be strictly ascending: \(a) is followed by \(b)")
        }
        guard (1...100_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 100000, got \(starts)") }
        if shard != nil {
            guard part != nil else { throw ValidationError("--shard needs --part FILE: the shard's partial result goes there, for `spurious atlas merge`") }
            guard csv == nil, minimaCSV == nil, json == nil else {
                throw ValidationError("--csv, --minima-csv and --json belong to `spurious atlas merge`: a shard writes only its --part file")
            }
        } else if part != nil {
            throw ValidationError("--part writes a shard's partial result: give --shard I/N with it (or leave both out for the whole atlas)")
        }
    }

    var request: AtlasRequest {
        AtlasRequest(
            spaces: partition.isEmpty ? AtlasSpaces.defaults(maxSize: maxSize ?? 9) : partition, ladder: ladder, maxK: maxK,
            digits: digits.digits, starts: starts, rngSeed: rngSeed, jobs: jobs.jobs)
    }

    func run() throws {
        let request = self.request
        let progress = ProgressLine(quiet: quiet)
        if let shard, let part {
            let outputs = try OutputFiles([OutputFiles.Target(option: "--part", path: part)])
            let result: AtlasPart
            do {
                result = try BlockingWait.run { try await AtlasJob.part(request, shard: shard, progress: progress) }
            } catch {
                outputs.discard()
                throw error
            }
            progress.finish()
            try outputs.commit([try AtlasPartFile.encoded(result)])
            try StandardOutput.write(AtlasPartFile.summary(result, path: part))
            return
        }
        let outputs = try AtlasOutputs(csv: csv, minimaCSV: minimaCSV, json: json)
        let result: AtlasResult
        do {
            result = try BlockingWait.run { try await AtlasJob.run(request, progress: progress) }
        } catch {
            outputs.files.discard()
            throw error
        }
        progress.finish()
        try outputs.write(result)
    }
}

/// `spurious atlas merge FILES...`: the parts of every shard combined into the atlas.
struct AtlasMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of `spurious atlas --shard I/N --part FILE` into the atlas.",
        discussion: """
            The files must be the parts 1/N to N/N of one command line (the same spaces, \
            ladder, --max-k, --digits, --starts and --rng-seed), each once, in any order. The \
            table, CSV and JSON are exactly those of one run of that command.

            Example:
              spurious atlas merge atlas-1.json atlas-2.json atlas-3.json --csv atlas.csv --minima-csv atlas-minima.csv
            """)

    @Argument(help: "The partial result files.")
    var files: [String] = []

    @Option(help: "Write one row per family and event as CSV to this file (- for standard output).")
    var csv: String?

    @Option(name: .customLong("minima-csv"), help: "Write one row per family and integer k where it is a spurious minimum as CSV to this file.")
    var minimaCSV: String?

    @Option(help: "Write the whole atlas as JSON to this file.")
    var json: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the partial result files to merge (written by `spurious atlas --shard I/N --part FILE`)") }
    }

    func run() throws {
        let outputs = try AtlasOutputs(csv: csv, minimaCSV: minimaCSV, json: json)
        let result: AtlasResult
        do {
            let parts = try files.map { path in try AtlasPartFile.decoded(try InputFile.text(path), name: path) }
            result = try AtlasJob.merge(parts)
        } catch {
            outputs.files.discard()
            throw error
        }
        try outputs.write(result)
    }
}

/// The files an atlas writes, checked (and their temporaries made) before the work and
/// written after it, then the table on standard output.
struct AtlasOutputs {
    let files: OutputFiles
    private let wanted: (csv: Bool, minima: Bool, json: Bool)

    init(csv: String?, minimaCSV: String?, json: String?) throws {
        let targets = [("--csv", csv), ("--minima-csv", minimaCSV), ("--json", json)].compactMap { option, path in
            path.map { OutputFiles.Target(option: option, path: $0) }
        }
        files = try OutputFiles(targets)
        wanted = (csv != nil, minimaCSV != nil, json != nil)
    }

    func write(_ result: AtlasResult) throws {
        let report = AtlasReport(result)
        var texts: [String] = []
        if wanted.csv { texts.append(report.csv()) }
        if wanted.minima { texts.append(report.minimaCSV()) }
        if wanted.json { texts.append(report.json().rendered()) }
        try files.commit(texts)
        try StandardOutput.write(report.table())
    }
}
