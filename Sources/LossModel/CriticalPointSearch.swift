import MultiPrecision

/// A critical point found by ``CriticalPointSearch``, in `Double`.
public struct FoundCriticalPoint: Sendable {
    /// The point in the fixed-space variables; exact small integers for a global minimum.
    public let x: [Double]
    /// The loss; exactly 0 for a global minimum.
    public let loss: Double
    public let label: CriticalPointLabel
    /// Sum of the multiplicities of the negative eigenvalues (below
    /// -``CriticalPointLabel/degenerateEigenvalue``); nil at a global minimum (labelled by its
    /// zero loss, without a spectrum) and where the spectrum is incomplete.
    public let index: Double?
    /// Sum of the multiplicities of the eigenvalues that count as zero (a degenerate point).
    public var nullity: Double = 0
    /// The smallest eigenvalue of the full Hessian; nil at a global minimum.
    public let minEigenvalue: Double?
    /// The coarsest partition whose fixed space contains the point (see ``IsotropyRecognition``).
    public let isotropy: Partition

    public init(x: [Double], loss: Double, label: CriticalPointLabel, index: Double?, minEigenvalue: Double?, isotropy: Partition) {
        self.x = x
        self.loss = loss
        self.label = label
        self.index = index
        self.minEigenvalue = minEigenvalue
        self.isotropy = isotropy
    }
}

/// The outcome of a search at one d.
public struct CriticalPointSearchResult: Sendable {
    /// What became of the starts; `converged + singular + diverged == tried`.
    public struct Counts: Sendable, Equatable {
        public var tried = 0
        /// Starts that ended at a reported point, new or already found.
        public var converged = 0
        /// Starts where Newton met a singular point, or converged to a singular point other
        /// than a global minimum (such points are counted, not reported).
        public var singular = 0
        /// Starts that did not converge: iteration cap, non-finite values, |x| beyond the
        /// divergence bound, or no solution of a Newton system.
        public var diverged = 0

        public init(tried: Int = 0, converged: Int = 0, singular: Int = 0, diverged: Int = 0) {
            self.tried = tried
            self.converged = converged
            self.singular = singular
            self.diverged = diverged
        }
    }

    public let partition: Partition
    public let d: Double
    public let counts: Counts
    /// Distinct points, by loss and then by coordinates.
    public let points: [FoundCriticalPoint]

    public init(partition: Partition, d: Double, counts: Counts, points: [FoundCriticalPoint]) {
        self.partition = partition
        self.d = d
        self.counts = counts
        self.points = points
    }
}

/// Why a search cannot run.
public enum CriticalPointSearchError: Error, Equatable, CustomStringConvertible {
    case emptyFixedSpace(partition: String)

    public var description: String {
        switch self {
        case let .emptyFixedSpace(partition):
            return "the fixed space of partition \(partition) has dimension 0: there is nothing to search"
        }
    }
}

/// Finds the critical points of the reduced loss of one fixed space at a given d: damped
/// Newton's method with deflation (``Deflation``) from reproducible random starts, then plain
/// Newton to polish, then classification by the Hessian spectrum and isotropy recognition.
///
/// Start box: a diagonal variable `D<a>` uniform in [-1.5, 1.5], every other variable uniform
/// in [-1, 1], drawn variable by variable, start after start, from ``SplitMix64`` seeded with
/// the search's seed. The starts are run one after another, each deflating the points found
/// before it, so the result depends on the seed and the number of starts only. A start whose
/// deflated run fails is run again without deflation (see ``run(d:settings:)``).
public struct CriticalPointSearch: Sendable {
    public struct Settings: Sendable {
        public var starts: Int
        public var rngSeed: UInt64
        /// Deflated, damped Newton from a start (at most 100 iterations, steps at most 0.5
        /// relative, diverged beyond |x| = 100) until the plain Newton step is below 1e-6
        /// (relative), then plain Newton (at most 60 iterations) to a step below 1e-10.
        public var newton: NewtonLimits<Double>

        public init(
            starts: Int = 200, rngSeed: UInt64 = 1,
            newton: NewtonLimits<Double> = NewtonLimits(
                maxIterations: 100, polishIterations: 60, deflationTolerance: 1e-6, stepTolerance: 1e-10,
                maxStep: 0.5, divergenceNorm: 100)
        ) {
            self.starts = starts
            self.rngSeed = rngSeed
            self.newton = newton
        }
    }

    /// A loss at most this is zero: a global minimum.
    public static let zeroLoss = 1e-12
    /// Two points closer than this in max-norm, relative to max(1, |x|), are one point.
    public static let duplicateTolerance = 1e-7
    /// Values closer than this, relative to max(1, |x|), are equal for isotropy recognition.
    public static let isotropyTolerance = 1e-9

    public let model: SpectrumModel

    public init(_ partition: Partition) {
        model = SpectrumModel(partition)
    }

    /// A search on an existing model (built once per partition and shared with its families).
    public init(model: SpectrumModel) {
        self.model = model
    }

    public var partition: Partition { model.loss.space.partition }

    /// The box the starts are drawn from, one range per variable.
    public var box: [ClosedRange<Double>] {
        model.loss.space.variables.map { variable in
            if case .diagonal = variable { return -1.5...1.5 }
            return -1...1
        }
    }

    /// The first `count` starts for `seed`.
    public func starts(count: Int, seed: UInt64) -> [[Double]] {
        var generator = SplitMix64(seed: seed)
        let box = self.box
        return (0..<count).map { _ in box.map { generator.next(in: $0.lowerBound, $0.upperBound) } }
    }

    /// Runs the search at `d`; throws when the partition is not valid at d. `progress` is told
    /// the number of each start as it begins.
    ///
    /// Each start runs deflated Newton, every point reported so far deflated. When that run
    /// meets a singular point or does not converge, the start runs once more without deflation
    /// (deflation reshapes the whole landscape and can lead a start away from a point it would
    /// otherwise reach), and that second run's outcome counts.
    ///
    /// With `concurrently` the deflated runs of the next starts are computed ahead on other
    /// threads (``NewtonRunsAhead``): the same result, bit for bit. `found` is told each new
    /// point as it is found.
    public func run(
        d: Double, settings: Settings = Settings(), concurrently: Bool = false, progress: (_ started: Int) -> Void = { _ in },
        found: (FoundCriticalPoint) -> Void = { _ in }
    ) throws -> CriticalPointSearchResult {
        try partition.validate(d: d)
        guard model.loss.space.dimension > 0 else {
            throw CriticalPointSearchError.emptyFixedSpace(partition: partition.description)
        }
        var counts = CriticalPointSearchResult.Counts()
        var state = SearchState(frames: model.frames(d: d))
        let starts = starts(count: settings.starts, seed: settings.rngSeed)
        let loss = model.loss
        var ahead = NewtonRunsAhead(starts: starts) { start, deflation, abandoned in
            loss.newton(from: start, d: d, deflation: deflation, limits: settings.newton, abandoned: abandoned)
        }
        for (index, start) in starts.enumerated() {
            counts.tried += 1
            progress(counts.tried)
            let newton = concurrently
                ? ahead.outcome(of: index, deflation: state.deflation)
                : loss.newton(from: start, d: d, deflation: state.deflation, limits: settings.newton)
            var outcome = conclude(newton, d: d, state: &state)
            if case .failed = outcome, !state.deflation.roots.isEmpty {
                outcome = attempt(from: start, d: d, deflation: Deflation(), settings: settings, state: &state)
            }
            switch outcome {
            case let .new(point):
                counts.converged += 1
                state.points.append(point)
                state.deflation.add(point.x)
                found(point)
            case .duplicate:
                counts.converged += 1
            case .failed(singular: true):
                counts.singular += 1
            case .failed(singular: false):
                counts.diverged += 1
            }
        }
        let points = state.points.sorted {
            CriticalPointSearch.sortKey($0).lexicographicallyPrecedes(CriticalPointSearch.sortKey($1))
        }
        return CriticalPointSearchResult(partition: partition, d: d, counts: counts, points: points)
    }

    /// What the search knows between starts.
    struct SearchState {
        /// The spectrum's frames at the search's d, shared by every point classified.
        let frames: SpectrumFrames<Double>
        var points: [FoundCriticalPoint] = []
        var deflation = Deflation<Double>()
        /// Singular points that Newton converged to, so that reaching one again costs no spectrum.
        var singularPoints: [[Double]] = []
    }

    enum Attempt {
        case new(FoundCriticalPoint)
        case duplicate
        /// Singular (Newton met a singular point or converged to one) or diverged.
        case failed(singular: Bool)
    }

    /// One Newton run from `start`, and what its end point is.
    func attempt(
        from start: [Double], d: Double, deflation: Deflation<Double>, settings: Settings, state: inout SearchState
    ) -> Attempt {
        conclude(model.loss.newton(from: start, d: d, deflation: deflation, limits: settings.newton), d: d, state: &state)
    }

    /// What the end of a Newton run is: a new point, one found before, or a failure.
    func conclude(_ newton: NewtonOutcome<Double>, d: Double, state: inout SearchState) -> Attempt {
        let x: [Double]
        switch newton {
        case let .converged(end): x = end
        case .singular: return .failed(singular: true)
        case .diverged: return .failed(singular: false)
        }
        if state.singularPoints.contains(where: { CriticalPointSearch.isDuplicate($0, x) }) {
            return .failed(singular: true)
        }
        guard let candidate = candidate(at: x, d: d) else {
            state.singularPoints.append(x)
            return .failed(singular: true)
        }
        if state.points.contains(where: { CriticalPointSearch.isDuplicate($0.x, candidate.x) }) {
            return .duplicate
        }
        guard let point = classify(candidate, d: d, frames: state.frames) else {
            state.singularPoints.append(x)
            return .failed(singular: true)
        }
        return .new(point)
    }

    /// A converged point with its loss; a point of zero loss is replaced by the nearby point
    /// with integer coordinates (a permutation of the teacher), which must have zero loss
    /// too. Nil for a point where the loss cannot be evaluated, or of zero loss with no such
    /// integer point near (a continuum of global minima, where a teacher neuron is split
    /// between student rows): singular points, counted and not reported.
    func candidate(at x: [Double], d: Double) -> (x: [Double], loss: Double, isGlobalMinimum: Bool)? {
        guard let loss = try? model.loss.value(at: x, d: d) else { return nil }
        guard loss <= CriticalPointSearch.zeroLoss else { return (x, loss, false) }
        let snapped = x.map { $0.rounded() + 0 }  // + 0 turns -0 into 0
        guard zip(x, snapped).allSatisfy({ abs($0 - $1) <= 1e-6 }),
              let zero = try? model.loss.value(at: snapped, d: d),
              abs(zero) <= CriticalPointSearch.zeroLoss
        else { return nil }
        return (snapped, 0, true)
    }

    /// The reported point, or nil when the spectrum meets a singular point.
    func classify(
        _ candidate: (x: [Double], loss: Double, isGlobalMinimum: Bool), d: Double, frames: SpectrumFrames<Double>? = nil
    ) -> FoundCriticalPoint? {
        let x = candidate.x
        let scale = x.reduce(1) { max($0, abs($1)) }
        let isotropy = IsotropyRecognition.coarsest(
            partition, x, tolerance: CriticalPointSearch.isotropyTolerance * scale).partition
        if candidate.isGlobalMinimum {
            return FoundCriticalPoint(x: x, loss: 0, label: .globalMinimum, index: nil, minEigenvalue: nil, isotropy: isotropy)
        }
        let spectrum: Spectrum<Double>
        do {
            spectrum = try model.spectrum(at: x, d: d, frames: frames)
        } catch let error as ModelError where error.isZeroRow {
            return nil
        } catch {
            return FoundCriticalPoint(
                x: x, loss: candidate.loss, label: .degenerate, index: nil, minEigenvalue: nil, isotropy: isotropy)
        }
        let inertia = spectrum.inertia(zero: CriticalPointLabel.degenerateEigenvalue)
        var point = FoundCriticalPoint(
            x: x, loss: candidate.loss, label: CriticalPointLabel(spectrum: spectrum),
            index: spectrum.isComplete ? inertia.negative : nil, minEigenvalue: spectrum.smallest?.value,
            isotropy: isotropy)
        point.nullity = inertia.zero
        return point
    }

    static func isDuplicate(_ x: [Double], _ y: [Double]) -> Bool {
        let scale = x.reduce(1) { max($0, abs($1)) }
        return zip(x, y).allSatisfy { abs($0 - $1) <= duplicateTolerance * scale }
    }

    /// Loss, then coordinates, each rounded well above the rounding errors of the search so
    /// that points of equal loss (images of each other) come out in the same order everywhere.
    static func sortKey(_ point: FoundCriticalPoint) -> [Double] {
        [(point.loss * 1e10).rounded()] + point.x.map { ($0 * 1e8).rounded() }
    }
}
