import ArgumentParser
import Families
import MultiPrecision
import Report
import Spurious

struct BranchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branches",
        abstract: "The branches of lower symmetry born at each transition of a family: type, coefficients, index, where they end.",
        discussion: """
            At a transition an eigenvalue of a non-trivial isotypic part crosses zero, and by \
            the equivariant branching lemma a branch of critical points crosses the family \
            there for each axial subgroup (docs/design.md section 4b). For each of those of \
            partition type (a block of size n cut into n-p, p for p up to --max-split; (n-2,1,1) \
            and (n-2,2) cuts for the pair parts; two blocks cut for a product part) this finds \
            the kernel line in the finer fixed space, the coefficients of the bifurcation \
            equation t (a (d - d*) + q t + c t^2) = 0 with proved digits (a: how fast the \
            eigenvalue crosses; q = 0 by symmetry for a pitchfork), the type, and the side of d* \
            where the branch exists; then switches to the branch (the normal form's \
            prediction, corrected by Newton's method), follows it both ways with its full \
            spectrum, locates its events and says where it ends. --depth 2 analyses the \
            branches' own transitions too. Without --family or --partition and --seed, the \
            catalog's families (found at d = 10 as `spurious transitions` finds them).

            Examples:
              spurious branches --family "d-1,1 one-flipped"
              spurious branches --family "d-1,1 one-flipped" --digits 30 --format json --graph one-flipped-graph.json
              spurious branches --svg branches
            """)

    @OptionGroup var repeated: RepeatedOptions

    @OptionGroup var family: FamilyOptions

    @Option(help: "Branches of branches: 1 analyses the families' transitions, 2 also the branches' (1 to 3).")
    var depth: Int = 1

    @Option(name: .customLong("max-d"), help: "Upper end of every sweep (default: 40).", transform: ArgumentParsing.decimal)
    var maxD: DecimalLiteral = DecimalLiteral(exactly: 40)

    @Option(name: .customLong("max-split"), help: "The largest piece p of a block cut into n-p, p (1 to 4).")
    var maxSplit: Int = 2

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 20
        static let maximum = 200
        static let meaning = "Proved significant digits for located events and coefficients"
    }

    @Option(name: .customLong("max-steps"), help: "Most continuation steps per direction of each sweep (1 to 100000).")
    var maxSteps: Int = 2000

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(help: "Also write the bifurcation graph (nodes: events and ends; edges: families and branches) as JSON to this file.")
    var graph: String?

    @Option(help: "Also write one picture per family (SVG: loss and symmetry-breaking component against d) into this directory.")
    var svg: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard (1...3).contains(depth) else { throw ValidationError("--depth must be 1, 2 or 3, got \(depth)") }
        guard (1...4).contains(maxSplit) else { throw ValidationError("--max-split must be between 1 and 4, got \(maxSplit)") }
        guard (1...FollowRange.maximumSteps).contains(maxSteps) else {
            throw ValidationError("--max-steps must be between 1 and \(FollowRange.maximumSteps), got \(maxSteps)")
        }
        if case let .given(given) = try families() {
            for family in given where maxD.double <= family.seedD.double {
                throw ValidationError("--max-d \(maxD) is not above the seed's d (\(family.seedD)): every sweep goes up to --max-d; give a larger one")
            }
        } else {
            guard maxD.double > 10 else { throw ValidationError("--max-d (\(maxD.double)) must be above 10, where the catalog's minima are found") }
        }
    }

    func families() throws -> BranchesRequest.Families {
        family.namesAFamily ? .given([try family.resolved()]) : .catalog(CatalogRequest())
    }

    func run() throws {
        let graphTarget = graph.map { OutputFiles.Target(option: "--graph", path: $0) }
        // Every file is checked before the work (the SVGs are named after the families, known
        // only after the catalog's search) and all are written together after it.
        if let graphTarget { try OutputFiles([graphTarget]).discard() }
        let directory = try svg.map { try DiagramDirectory($0, option: "--svg", fileExtension: "svg") }
        let result: BranchesResult
        do {
            let progress = ProgressLine(quiet: quiet)
            let request = BranchesRequest(
                families: try families(), depth: depth, maxD: maxD.double, digits: digits.digits, maxSplit: maxSplit, maxSteps: maxSteps)
            result = try BranchesJob.run(request, progress: progress)
            progress.finish()
            let pictures = directory.map { directory in result.families.map { directory.target(for: $0.run.family) } } ?? []
            try OutputFiles((graphTarget.map { [$0] } ?? []) + pictures).commit(
                (graph == nil ? [] : [BranchesReport.graph(result).rendered()]) + (svg == nil ? [] : result.families.map(BranchesSVG.render)))
        } catch {
            directory?.removeIfCreated()
            throw error
        }
        directory?.keep()
        try StandardOutput.write(format == .json ? BranchesReport.json(result).rendered() : BranchesReport.table(result))
    }
}
