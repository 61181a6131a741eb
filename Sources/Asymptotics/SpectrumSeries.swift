import LinearAlgebra
import LossModel
import MultiPrecision

/// An expansion, or why there is none (a quantity with no leading power at the top of the
/// ladder, a coefficient without a proved digit).
public enum SeriesOutcome: Sendable {
    case expanded(SeriesExpansion)
    case failed(String)

    public var expansion: SeriesExpansion? {
        if case let .expanded(expansion) = self { return expansion }
        return nil
    }
}

/// Which eigenvalue: its isotypic part, its rank in the part, its multiplicity.
public struct EigenvalueLabel: Sendable {
    public let part: IsotypicPartID
    public let irrep: String
    /// 1 for the smallest eigenvalue of the part, 2 for the next, ...
    public let rank: Int
    public let multiplicity: CountPolynomial

    public init(part: IsotypicPartID, irrep: String, rank: Int, multiplicity: CountPolynomial) {
        self.part = part
        self.irrep = irrep
        self.rank = rank
        self.multiplicity = multiplicity
    }

    /// The name `series --quantity` accepts for this eigenvalue alone.
    public var quantity: String { "eigenvalue:\(irrep):\(rank)" }
}

/// One eigenvalue of one isotypic part along a family: its expansion in d, and with
/// `versus global minimum` the same-ranked eigenvalue of the same part at the global minimum
/// W = V at the same d, and the expansion of their difference.
public struct EigenvalueSeries: Sendable {
    public let label: EigenvalueLabel
    public let family: SeriesOutcome
    public let globalMinimum: SeriesOutcome?
    public let difference: SeriesOutcome?
    /// The values at every rung of the ladder, to the digits on which two precisions agree:
    /// the family's, and with `versus global minimum` the global minimum's and the difference.
    public let atRungs: [ProvedValue]
    public let globalAtRungs: [ProvedValue]?
    public let differenceAtRungs: [ProvedValue]?

    public init(
        label: EigenvalueLabel, family: SeriesOutcome, globalMinimum: SeriesOutcome?, difference: SeriesOutcome?,
        atRungs: [ProvedValue] = [], globalAtRungs: [ProvedValue]? = nil, differenceAtRungs: [ProvedValue]? = nil
    ) {
        self.label = label
        self.family = family
        self.globalMinimum = globalMinimum
        self.difference = difference
        self.atRungs = atRungs
        self.globalAtRungs = globalAtRungs
        self.differenceAtRungs = differenceAtRungs
    }

    public var irrep: String { label.irrep }
    public var rank: Int { label.rank }
    public var multiplicity: CountPolynomial { label.multiplicity }
    public var quantity: String { label.quantity }
}

/// The whole Hessian spectrum of a family at large d: every eigenvalue expanded, and how many,
/// counted with multiplicity, behave like each power of d.
public struct SpectrumExpansion: Sendable {
    public let eigenvalues: [EigenvalueSeries]
    /// The ladder the expansions share (the family's; every component was computed on it).
    public let rungs: [DecimalLiteral]
    public let precisions: (low: Int, high: Int)
    public let settings: SeriesSettings

    public init(eigenvalues: [EigenvalueSeries], rungs: [DecimalLiteral], precisions: (low: Int, high: Int), settings: SeriesSettings) {
        self.eigenvalues = eigenvalues
        self.rungs = rungs
        self.precisions = precisions
        self.settings = settings
    }

    /// Per leading power of d (as twice its negative, ``SeriesTerm/halfPower``, ascending: the
    /// fastest growing first), the number of eigenvalues counted with multiplicity, as a
    /// polynomial in d.
    public var growth: [(halfPower: Int, count: CountSum)] {
        var counts: [Int: CountSum] = [:]
        for eigenvalue in eigenvalues {
            guard let leading = eigenvalue.family.expansion?.terms.first else { continue }
            counts[leading.halfPower, default: .zero] = counts[leading.halfPower, default: .zero] + CountSum(eigenvalue.multiplicity)
        }
        return counts.keys.sorted().map { ($0, counts[$0] ?? .zero) }
    }

    /// Eigenvalues whose expansion failed, counted with multiplicity.
    public var unexpanded: CountSum {
        eigenvalues.filter { $0.family.expansion == nil }.reduce(.zero) { $0 + CountSum($1.multiplicity) }
    }
}

/// Expands every eigenvalue of every isotypic part along a family, on one ladder.
public enum SpectrumSeries {
    /// The spectrum of a fixed space's family. With `versusGlobalMinimum`, the space must hold
    /// W = V (k = d, no rows-only or columns-only block), whose eigenvalues are computed at every
    /// rung and paired with the family's by part and rank.
    public static func expand(
        _ model: SpectrumModel, seed: [DecimalLiteral], seedD: DecimalLiteral, settings: SeriesSettings, versusGlobalMinimum: Bool,
        progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> SpectrumExpansion {
        let labels = model.partIDs.indices.flatMap { part in
            (0..<model.eigenvalueCount(ofPart: part)).map {
                EigenvalueLabel(part: model.partIDs[part], irrep: model.partNames[part], rank: $0 + 1, multiplicity: model.multiplicity(ofPart: part))
            }
        }
        let family = ObservableSet(names: labels.map(\.quantity)) { x, d in try model.sortedEigenvalues(at: x, d: d) }
        var global: ObservableSet?
        if versusGlobalMinimum {
            guard let teacher = ExactFit.teacher(in: model.loss.space) else {
                throw AsymptoticsError.settings(
                    "the global minimum W = V is not a point of \(model.loss.space.partition) (k = \(model.loss.space.partition.k)): --versus global-minimum needs a partition without rows-only or columns-only blocks")
            }
            global = ObservableSet(names: labels.map { "global minimum's " + $0.quantity }) { _, d in
                guard let point: [BigFloat] = teacher.point(d: d) else { throw AsymptoticsError.settings("W = V has no coordinates") }
                return try model.sortedEigenvalues(at: point, d: d)
            }
        }
        return try expand(
            ReducedGradient(model.loss), labels: labels, family: family, globalMinimum: global, seed: seed, seedD: seedD,
            settings: settings, progress: progress)
    }

    /// The core, for any system: `family` gives the labelled eigenvalues at a solution, and
    /// `globalMinimum` (which may ignore the solution) those they are compared with.
    public static func expand(
        _ system: some ParametricSystem, labels: [EigenvalueLabel], family: ObservableSet, globalMinimum: ObservableSet?,
        seed: [DecimalLiteral], seedD: DecimalLiteral, settings: SeriesSettings,
        progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> SpectrumExpansion {
        precondition(family.names.count == labels.count && (globalMinimum?.names.count ?? labels.count) == labels.count)
        guard !labels.isEmpty else { throw AsymptoticsError.settings("the fixed space has no eigenvalues to expand") }
        var observables = family
        if let globalMinimum {
            observables = ObservableSet(names: family.names + globalMinimum.names + family.names.map { $0 + " minus the global minimum's" }) { x, d in
                let ours = try family.values(at: x, d: d)
                let theirs = try globalMinimum.values(at: x, d: d)
                return ours + theirs + zip(ours, theirs).map { $0 - $1 }
            }
        }
        let ladders = try ProvedLadder.compute(
            system, observables: observables, seed: seed, seedD: seedD, topExponent: settings.topExponent,
            neededDigits: settings.neededDigits, progress: progress)
        func outcome(_ index: Int) -> SeriesOutcome {
            do {
                return .expanded(try AsymptoticSeries.expand(ladders[index], quantity: observables.names[index], settings: settings))
            } catch {
                return .failed("\(error)")
            }
        }
        func atRungs(_ index: Int) -> [ProvedValue] {
            zip(ladders[index].lowValues, ladders[index].highValues).map { ProvedValue($0, check: $1, upTo: settings.digits) }
        }
        let count = labels.count
        let versus = globalMinimum != nil
        let eigenvalues = labels.indices.map { i in
            EigenvalueSeries(
                label: labels[i], family: outcome(i), globalMinimum: versus ? outcome(count + i) : nil,
                difference: versus ? outcome(2 * count + i) : nil, atRungs: atRungs(i),
                globalAtRungs: versus ? atRungs(count + i) : nil, differenceAtRungs: versus ? atRungs(2 * count + i) : nil)
        }
        let ladder = ladders[0]  // every component shares the ladder
        return SpectrumExpansion(
            eigenvalues: eigenvalues, rungs: ladder.high.rungs.map(\.exactD), precisions: (ladder.low.precision, ladder.high.precision),
            settings: settings)
    }
}
