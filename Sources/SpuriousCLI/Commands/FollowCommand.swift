import ArgumentParser
import Families
import LossModel
import MultiPrecision
import Report
import Spurious

struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a family of critical points in d and report its folds and saddle/minimum transitions.",
        discussion: """
            Pseudo-arclength continuation in d (any real d) from a seed, with the full Hessian \
            spectrum at every accepted point. Without --to the family is followed both ways: \
            down until its spectrum stops being defined and up to --max-d. Events are located \
            to --digits proved digits. --csv writes the bifurcation diagram (one row per point, \
            located events as their own rows); --svg draws it. With --jobs 2 or more (default: \
            every core) the spectra of the sweep and the samples of each location run on two \
            threads; the output does not depend on it.

            Example:
              spurious follow --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --to 5 --csv one-flipped.csv --svg one-flipped.svg
            """)

    @OptionGroup var repeated: RepeatedOptions

    @OptionGroup var family: FamilyOptions

    @Option(
        parsing: .unconditional, help: "Follow from --seed-d to this d only (default: both ways).",
        transform: ArgumentParsing.decimal)
    var to: DecimalLiteral?

    @Option(name: .customLong("max-d"), help: "Upper end when following both ways (default: 40).", transform: ArgumentParsing.decimal)
    var maxD: DecimalLiteral = DecimalLiteral(exactly: 40)

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 20
        static let maximum = 1000
        static let meaning = "Proved significant digits for located events"
    }

    @Option(help: "Write the bifurcation diagram as CSV to this file.")
    var csv: String?

    @Option(help: "Write a picture of the family (SVG) to this file.")
    var svg: String?

    @Option(
        name: .customLong("svg-quantity"), help: "What the SVG plots against d: loss, or a coordinate name such as D1 (default: loss).",
        transform: { $0 == "loss" ? DiagramQuantity.loss : .coordinate($0) })
    var svgQuantity: DiagramQuantity = .loss

    @Option(name: .customLong("max-steps"), help: "Most continuation steps per direction (1 to 100000).")
    var maxSteps: Int = 2000

    @OptionGroup var jobs: JobsOption

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard (1...FollowRange.maximumSteps).contains(maxSteps) else {
            throw ValidationError("--max-steps must be between 1 and \(FollowRange.maximumSteps), got \(maxSteps)")
        }
        let family = try family.resolved()
        try FollowRange.validate(seedD: family.seedD, to: to, maxD: maxD)
        let names = FixedSpace(family.partition).names
        if case let .coordinate(name) = svgQuantity, !names.contains(name) {
            throw ValidationError("--svg-quantity: '\(name)' is neither loss nor a coordinate of \(family.partition) (\(names.joined(separator: ", ")))")
        }
    }

    func run() throws {
        // Every file is checked (and its temporary made) before the work, written after it.
        let targets = [("--csv", csv), ("--svg", svg)].compactMap { option, path in path.map { OutputFiles.Target(option: option, path: $0) } }
        let outputs = try OutputFiles(targets)
        let progress = ProgressLine(quiet: quiet)
        let request = FollowRequest(
            family: try family.resolved(), to: to?.double, maxD: maxD.double, maxSteps: maxSteps, digits: digits.digits)
        let run: FamilyRun
        do {
            run = try FollowJob.run(request, jobs: jobs.jobs, progress: progress)
        } catch {
            outputs.discard()
            throw error
        }
        progress.finish()
        var texts: [String] = []
        if csv != nil { texts.append(DiagramCSV.render(run)) }
        if svg != nil { texts.append(DiagramSVG.render(run, quantity: svgQuantity)) }
        // Files first: if one cannot be written, the command fails before printing anything.
        try outputs.commit(texts)
        try StandardOutput.write(FollowReport.summary(run))
    }
}
