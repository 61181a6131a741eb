import ArgumentParser
import Foundation
import LossModel
import Report
import Spurious

struct AtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Every family of spurious minima of partition type with up to three blocks, k = d and d + 1, discovered across d, with its transitions.",
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
            depend on the number of jobs.

            Examples:
              spurious atlas
              spurious atlas --max-size 2 --ladder 6,8,10 --max-k 12 --csv atlas.csv --minima-csv atlas-minima.csv
              spurious atlas --partition d-1,1 --partition d-2,2 --json atlas.json
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

    @Option(help: "Fixed spaces surveyed at the same time (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write one row per family and event as CSV to this file (- for standard output).")
    var csv: String?

    @Option(name: .customLong("minima-csv"), help: "Write one row per family and integer k where it is a spurious minimum as CSV to this file.")
    var minimaCSV: String?

    @Option(help: "Write the whole atlas as JSON to this file.")
    var json: String?

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
        guard !ladder.isEmpty, ladder.count <= AtlasCommand.longestLadder else {
            throw ValidationError("--ladder needs between 1 and \(AtlasCommand.longestLadder) values, got \(ladder.count)")
        }
        for d in ladder where !(2...AtlasCommand.largestLadderD).contains(d) {
            throw ValidationError("--ladder: d = \(d) is outside 2...\(AtlasCommand.largestLadderD)")
        }
        for (a, b) in zip(ladder, ladder.dropFirst()) where a >= b {
            throw ValidationError("--ladder must be strictly ascending: \(a) is followed by \(b)")
        }
        guard (1...100_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 100000, got \(starts)") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
    }

    var request: AtlasRequest {
        AtlasRequest(
            spaces: partition.isEmpty ? AtlasSpaces.defaults(maxSize: maxSize ?? 9) : partition, ladder: ladder, maxK: maxK,
            digits: digits.digits, starts: starts, rngSeed: rngSeed, jobs: jobs)
    }

    func run() throws {
        // Every file is checked (and its temporary made) before the work, written after it.
        let targets = [("--csv", csv), ("--minima-csv", minimaCSV), ("--json", json)].compactMap { option, path in
            path.map { OutputFiles.Target(option: option, path: $0) }
        }
        let outputs = try OutputFiles(targets)
        let progress = ProgressLine(quiet: quiet)
        let request = self.request
        let result: AtlasResult
        do {
            result = try BlockingWait.run { try await AtlasJob.run(request, progress: progress) }
        } catch {
            outputs.discard()
            throw error
        }
        progress.finish()
        let report = AtlasReport(result)
        var texts: [String] = []
        if csv != nil { texts.append(report.csv()) }
        if minimaCSV != nil { texts.append(report.minimaCSV()) }
        if json != nil { texts.append(report.json().rendered()) }
        try outputs.commit(texts)
        try StandardOutput.write(report.table())
    }
}
