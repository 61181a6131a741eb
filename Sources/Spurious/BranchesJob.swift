import Bifurcations
import Families
import LossModel
import MultiPrecision

/// What `spurious branches` is asked: which families, how deep (branches of branches), how
/// far in d, to how many digits, and how finely a block may be split.
public struct BranchesRequest: Sendable {
    public enum Families: Sendable {
        /// The catalog's families, found as `spurious transitions` finds them.
        case catalog(CatalogRequest)
        case given([Family])
    }

    public var families: Families
    /// 1: the branches born on the families; 2: also those born on the branches; ...
    public var depth: Int
    public var maxD: Double
    public var digits: Int
    /// The largest piece p of a block split S_{n-p} x S_p (docs/design.md section 4b).
    public var maxSplit: Int
    public var maxSteps: Int

    public init(families: Families, depth: Int = 1, maxD: Double = 40, digits: Int = 20, maxSplit: Int = 2, maxSteps: Int = 2000) {
        self.families = families
        self.depth = depth
        self.maxD = maxD
        self.digits = digits
        self.maxSplit = maxSplit
        self.maxSteps = maxSteps
    }
}

/// `spurious branches`: every family followed as `follow` does; at each transition the axial
/// subgroups of the crossing part, the kernel line in each one's fixed space, the bifurcation
/// equation's coefficients and type, and the branch itself, switched to from the family and
/// followed both ways with its full spectrum (docs/design.md section 4b).
public enum BranchesJob {
    public static func run(_ request: BranchesRequest, progress: some ProgressObserver = NoProgress()) throws -> BranchesResult {
        let families: [(family: Family, problem: FamilyProblem?)]
        switch request.families {
        case let .given(given):
            families = given.map { ($0, nil) }
        case let .catalog(search):
            families = try Catalog.discover(
                partitions: search.partitions, at: search.at, starts: search.starts, rngSeed: search.rngSeed
            ) { partition in
                progress.report(.searching(partition: partition, d: search.at, starts: search.starts))
            }.map { ($0.family, $0.problem) }
        }
        let analysed = try families.map { family, problem in
            let run = try FollowJob.run(
                FollowRequest(family: family, maxD: request.maxD, maxSteps: request.maxSteps, digits: request.digits),
                problem: problem, progress: progress)
            return analyse(run, depth: request.depth, bornAt: nil, request: request, progress: progress)
        }
        return BranchesResult(families: analysed, depth: request.depth)
    }

    /// The transitions of `run` analysed, down to `depth` levels. A branch's own events at the
    /// d where it was born (`bornAt`) are its parent's crossing seen from the finer space,
    /// already analysed, and are skipped.
    static func analyse(
        _ run: FamilyRun, depth: Int, bornAt: Double?, request: BranchesRequest, progress: some ProgressObserver
    ) -> FamilyBifurcations {
        guard depth > 0 else { return FamilyBifurcations(run: run, transitions: []) }
        let transitions = run.located.enumerated().filter { _, event in
            event.kind == .transition && !(bornAt.map { isSameD(event.approximateD, $0) } ?? false)
        }.map { number, event in
            TransitionBifurcation(
                event: event, eventNumber: number,
                branches: AxialSubgroup.candidates(of: event.part, in: event.partition, maxSplit: request.maxSplit).map { subgroup in
                    progress.report(.branching(family: run.family.name, fine: subgroup.fine, nearD: event.approximateD))
                    let analysis = TransitionAnalysis.analyse(subgroup, at: event, digits: request.digits)
                    return outcome(subgroup, analysis, at: event, parent: run.family, depth: depth, request: request, progress: progress)
                })
        }
        return FamilyBifurcations(run: run, transitions: transitions)
    }

    static func isSameD(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    /// The branch of one axial subgroup, switched to and followed.
    static func outcome(
        _ subgroup: AxialSubgroup, _ analysis: Result<TransitionAnalysis, BranchFailure>, at event: LocatedFamilyEvent, parent: Family, depth: Int,
        request: BranchesRequest, progress: some ProgressObserver
    ) -> BranchOutcome {
        switch analysis {
        case let .failure(failure):
            return BranchOutcome(subgroup: subgroup, type: nil, coefficients: nil, side: nil, branch: .failure(failure))
        case let .success(analysis):
            return analysis.outcome(
                branch: follow(analysis, parent: parent, bornAt: event.approximateD, depth: depth, request: request, progress: progress))
        }
    }

    /// The branches each transition of `events` predicts, one per axial subgroup of its crossing
    /// part, not followed (the `transitions` report's column), with coefficients proved to
    /// `digits`. Every subgroup's analysis at the working and at the check precision is a piece
    /// of its own, run `jobs` at a time.
    public static func predictions(
        at events: [LocatedFamilyEvent], digits: Int, jobs: Int, maxSplit: Int = predictionMaxSplit,
        progress: some ProgressObserver & Sendable = NoProgress()
    ) async -> [[BranchOutcome]] {
        await predictions(at: events, digits: digits, jobs: jobs, maxSplit: maxSplit, ahead: nil, progress: progress)
    }

    /// ``predictions(at:digits:jobs:maxSplit:progress:)``, taking from `ahead` the pieces it
    /// finished from the same points.
    static func predictions(
        at events: [LocatedFamilyEvent], digits: Int, jobs: Int, maxSplit: Int, ahead: PredictionsAhead?,
        progress: some ProgressObserver & Sendable
    ) async -> [[BranchOutcome]] {
        let subgroups = events.map { event in subgroupsAnalysed(at: event, maxSplit: maxSplit) }
        let points = events.map { event in Result { () throws(BranchFailure) in try TransitionAnalysis.precisions(of: event, digits: digits) } }
        // Each event's pieces, subgroup by subgroup, each at its working then its check point.
        let work = events.indices.map { e in
            subgroups[e].flatMap { subgroup in ((try? points[e].get()) ?? []).map { point in (subgroup: subgroup, point: point) } }
        }
        let early = events.indices.map { e in
            (try? points[e].get()).flatMap { ahead?.take(for: e, subgroups: subgroups[e], points: $0) }
                ?? Array(repeating: nil, count: work[e].count)
        }
        let pieces = events.indices.flatMap { e in
            work[e].indices.filter { early[e][$0] == nil }.map { i in (family: events[e].family, subgroup: work[e][i].subgroup, point: work[e][i].point) }
        }
        // The costliest pieces start first (the check precision's, then the larger fine spaces),
        // so that no large one is left to run alone at the end. The pieces never throw: a
        // failure is a result of its own.
        let cost: [(bits: Int, dimension: Int)] = pieces.map { piece in (piece.point.d.precision, FixedSpace(piece.subgroup.fine).dimension) }
        let order = pieces.indices.sorted { a, b in
            cost[a].bits != cost[b].bits ? cost[a].bits > cost[b].bits : (cost[a].dimension != cost[b].dimension ? cost[a].dimension > cost[b].dimension : a < b)
        }
        let analysed = (try? await orderedParallelMap(pieces, jobs: jobs, startOrder: order) { family, subgroup, point -> TransitionAnalysis.Piece in
            progress.report(.analysing(family: family, fine: subgroup.fine, bits: point.d.precision))
            return TransitionAnalysis.piece(subgroup, at: point, digits: digits)
        }) ?? []
        var next = analysed.makeIterator()
        return events.indices.map { e in
            let all = early[e].map { $0 ?? next.next() }
            let perSubgroup = (try? points[e].get())?.count ?? 0
            return subgroups[e].enumerated().map { s, subgroup in
                let analysis: Result<TransitionAnalysis, BranchFailure>
                switch points[e] {
                case let .failure(failure):
                    analysis = .failure(failure)
                case .success:
                    let own = all[s * perSubgroup..<(s + 1) * perSubgroup].compactMap { $0 }
                    analysis = own.count == perSubgroup
                        ? TransitionAnalysis.combined(subgroup, pieces: own, digits: digits)
                        : .failure(BranchFailure("the analysis was cancelled"))
                }
                switch analysis {
                case let .failure(failure):
                    return BranchOutcome(subgroup: subgroup, type: nil, coefficients: nil, side: nil, branch: .failure(failure))
                case let .success(analysis):
                    return analysis.outcome(branch: nil)
                }
            }
        }
    }

    /// The axial subgroups whose branches the analysis of `event` predicts: those of its
    /// crossing part at a transition, none at a fold or a branch point.
    static func subgroupsAnalysed(at event: LocatedFamilyEvent, maxSplit: Int) -> [AxialSubgroup] {
        event.kind == .transition ? AxialSubgroup.candidates(of: event.part, in: event.partition, maxSplit: maxSplit) : []
    }

    /// The same before `event` of `trace` is located: a test function's sign change is a
    /// transition of the part the test function watches.
    static func subgroupsAnalysed(at event: FamilyEvent, of trace: FamilyTrace, maxSplit: Int) -> [AxialSubgroup] {
        guard case let .testFunction(index) = event.event.kind, trace.problem.testFunctionParts.indices.contains(index) else { return [] }
        return AxialSubgroup.candidates(of: trace.problem.testFunctionParts[index].part, in: trace.family.partition, maxSplit: maxSplit)
    }

    /// The proved digits of the coefficients behind the `transitions` report's column, however
    /// many digits the transition itself has: the column prints the type and the side only,
    /// which need the quadratic coefficient's first proved digit and the signs of the slope and
    /// the cubic coefficient; `spurious branches` proves them to `--digits`.
    public static let predictionDigits = 30
    /// The largest piece a block is cut into for the column's subgroups, as `spurious branches`
    /// cuts by default.
    public static let predictionMaxSplit = 2

    /// Amplitudes tried along the kernel line, in order, for the first point of a branch: the
    /// first whose d lies where the finer space's whole spectrum is defined is followed.
    static let amplitudes = [0.01, -0.01, 0.002, -0.002]

    /// Switches to the branch, follows it both ways, and reads its index on each side of d*
    /// and where its ends are.
    static func follow(
        _ analysis: TransitionAnalysis, parent: Family, bornAt: Double, depth: Int, request: BranchesRequest,
        progress: some ProgressObserver
    ) -> Result<BranchRun, BranchFailure> {
        let fine = analysis.subgroup.fine
        let problem = FamilyProblem(fine)
        var reasons: [String] = []
        var undefinedAt: [Double] = []
        for amplitude in amplitudes {
            let start: BranchSwitch.Point<BigFloat>
            do {
                start = try analysis.firstPoint(amplitude: amplitude)
            } catch {
                reasons.append("amplitude \(amplitude): \(error)")
                continue
            }
            let startD = start.d.doubleValue
            guard problem.isAdmissible(parameter: startD) else {
                undefinedAt.append(startD)
                continue
            }
            let family = Family(
                name: "\(parent.name) > \(fine)", partition: fine, seed: start.y.map { DecimalLiteral(exactly: $0.doubleValue) },
                seedD: DecimalLiteral(exactly: startD))
            // A pitchfork's branch turns back at the family (its two halves t > 0 and t < 0 are
            // images of each other under the symmetry): it is followed away from d* only.
            let away: Double? = analysis.isPitchfork ? (startD > bornAt ? request.maxD : fine.lowestD) : nil
            let run: FamilyRun
            do {
                run = try FollowJob.run(
                    FollowRequest(
                        family: family, to: away, maxD: request.maxD, maxSteps: request.maxSteps, digits: request.digits,
                        parentCrossing: bornAt),
                    problem: problem, progress: progress)
            } catch {
                return .failure(BranchFailure(
                    "following the branch from d = \(startD.formatted(significantDigits: 8)): \(error)"))
            }
            let birth = run.located.firstIndex { $0.kind == .branchPoint && isSameD($0.approximateD, bornAt) }
            let (below, above) = indices(run, birth: birth, around: bornAt)
            return .success(BranchRun(
                bifurcations: analyse(run, depth: depth - 1, bornAt: bornAt, request: request, progress: progress),
                bornAt: bornAt, amplitude: amplitude, startD: startD, predictedD: start.predictedD.doubleValue, birthEvent: birth,
                indexBelow: below, indexAbove: above,
                ends: ends(run), breaking: run.trace.points.map { breakingSize($0, embedding: analysis.subgroup.embedding, space: problem) }))
        }
        if !undefinedAt.isEmpty {
            reasons.append(
                "the points found (at d = \(undefinedAt.map { $0.formatted(significantDigits: 6) }.joined(separator: ", "))) lie where the spectrum of \(fine) is not defined: an isotypic part of it has no positive multiplicity there, or a refined block a negative size")
        }
        return .failure(BranchFailure("no first point on the branch where it can be followed: " + reasons.joined(separator: "; ")))
    }

    /// The branch's index just below and just above d*: from its branch point with the parent
    /// when the sweep located one there, else from its nearest points on each side.
    static func indices(_ run: FamilyRun, birth: Int?, around bornAt: Double) -> (Double?, Double?) {
        if let birth, let check = run.located[birth].signCheck {
            return (check.indexBelow, check.indexAbove)
        }
        let points = run.trace.points
        let below = points.filter { $0.d < bornAt }.max { $0.d < $1.d }
        let above = points.filter { $0.d > bornAt }.min { $0.d < $1.d }
        let near = { (d: Double) in abs(d - bornAt) <= 0.05 * max(1, bornAt) }
        return (below.flatMap { near($0.d) ? $0.index : nil }, above.flatMap { near($0.d) ? $0.index : nil })
    }

    /// How the sweep ended in each direction (the trace's first point is the end of the
    /// downward sweep, its last the end of the upward one), with the loss there and, where it
    /// tends to 0, the global minimum the branch runs into (``ExactFit``).
    static func ends(_ run: FamilyRun) -> [BranchEnd] {
        let points = run.trace.points
        let space = run.trace.problem.model.loss.space
        return [(run.trace.lowerStop, points.first), (run.trace.upperStop, points.last)].compactMap { stop, point in
            guard let point else { return nil }
            let fit = point.loss < 1e-6 ? ExactFit.recognize(point.x, space: space, d: point.d, tolerance: 1e-3) : nil
            return BranchEnd(stop: stop, d: point.d, loss: point.loss, globalMinimum: fit?.kind)
        }
    }

    /// The M-norm of the part of a point of the finer space M-orthogonal to the parent's space
    /// (the fine variables that copy one parent variable, averaged with their weights M).
    static func breakingSize(_ point: FamilyPoint, embedding: [Int], space problem: FamilyProblem) -> Double {
        let metric = problem.model.loss.space.counts.map { $0.value(at: point.d) }
        var weight: [Int: Double] = [:], sum: [Int: Double] = [:]
        for (i, c) in embedding.enumerated() {
            weight[c, default: 0] += metric[i]
            sum[c, default: 0] += metric[i] * point.x[i]
        }
        var size = 0.0
        for (i, c) in embedding.enumerated() {
            let mean = sum[c, default: 0] / weight[c, default: 1]
            size += metric[i] * (point.x[i] - mean) * (point.x[i] - mean)
        }
        return size.squareRoot()
    }
}
