import ArgumentParser
import Benchmarks
import Foundation
import MultiPrecision
import Report

/// `spurious bench`: measures what the arbitrary-precision layer costs, so that a change to
/// the binding or to a hot loop can be judged by numbers. The cases live in
/// ``BenchmarkRegistry``; this command only parses options, runs and prints.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the arbitrary-precision arithmetic and compare it with direct MPFR calls.",
        discussion: """
            Runs every benchmark case (or those selected by --filter) several times and prints \
            the best time per operation, the median, and the ratio to the group's baseline \
            (for multiply-add: MPFR called directly on preallocated values). Run a release \
            build (swift build -c release): debug figures say little.

            Examples:
              spurious bench
              spurious bench --filter 1024 --format json

            Cases, named group/case/parameter (e.g. multiply-add/bigfloat-fma/1024):
            \(BenchmarkRegistry.overview)
            """
    )

    @OptionGroup var repeated: RepeatedOptions

    @Option(help: "Operations per timed repetition (a long-running case may do fewer runs).")
    var iterations: Int = 1_000_000

    @Option(help: "Timed repetitions per case; the best is reported.")
    var repetitions: Int = 5

    @Option(help: "Run only the cases whose name group/case/parameter contains this text, e.g. 'fma' or '1024'.")
    var filter: String?

    @Option(help: "Output format: table or json.")
    var format: BenchmarkFormat = .table

    func validate() throws {
        guard (1...1_000_000_000).contains(iterations) else {
            throw ValidationError("--iterations must be from 1 to 1000000000; got \(iterations).")
        }
        guard (1...1000).contains(repetitions) else {
            throw ValidationError("--repetitions must be from 1 to 1000; got \(repetitions).")
        }
        if BenchmarkRegistry.selection(matching: filter).isEmpty {
            throw ValidationError(
                "no benchmark case matches '\(filter ?? "")'. Cases are named group/case/parameter:\n\(BenchmarkRegistry.overview)")
        }
    }

    func run() throws {
        let groups = BenchmarkRegistry.selection(matching: filter)
        let runner = BenchmarkRunner(iterations: iterations, repetitions: repetitions)
        let settings = BenchmarkReport.Settings(
            iterations: iterations, repetitions: repetitions, build: Bench.buildConfiguration,
            mpfr: ArbitraryPrecisionLibrary.mpfrVersion, gmp: ArbitraryPrecisionLibrary.gmpVersion)
        switch format {
        case .table:
            // The header first: the cases take a while.
            try StandardOutput.write(BenchmarkReport.header(settings))
            try StandardOutput.write(BenchmarkReport.table(runner.run(groups), groups: groups) + "\n")
        case .json:
            try StandardOutput.write(try BenchmarkReport.json(runner.run(groups), settings: settings) + "\n")
        }
    }

    /// SwiftPM defines DEBUG in debug builds only.
    static var buildConfiguration: String {
        #if DEBUG
            return "debug"
        #else
            return "release"
        #endif
    }
}

/// The two ways `spurious bench` prints its figures.
enum BenchmarkFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns for a reader.
    case table
    /// One JSON document for scripts and for keeping figures next to the code.
    case json
}
