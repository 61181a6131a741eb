import Families
import LossModel
import MultiPrecision

/// A point's loss and full Hessian spectrum in Double (``Catalog/canonical``): equal for one
/// point found twice and for copies under a symmetry of the problem, different for different
/// critical points of the same d.
typealias AtlasSignature = (loss: Double, spectrum: [(value: Double, multiplicity: Double)])

/// One fixed space of the atlas, surveyed on its own (the atlas runs several at once): the
/// search at every ladder d, the spurious minima of exactly this isotropy merged into families,
/// each family followed both ways with its events located, and its minima at integer k
/// (docs/design.md sections 4, 6 and 9; issue 14).
struct AtlasSurvey {
    let partition: Partition
    let request: AtlasRequest

    /// A family while the survey runs: its signatures at every ladder d its trace crosses (and
    /// where it was found), so that a later find at another d is recognised as the same curve.
    struct Entry {
        var family: Family
        var foundAt: [Int]
        /// The signatures of the points found on it, by ladder d.
        var found: [Int: [AtlasSignature]]
        /// The signatures of every point of the family at a ladder d.
        var crossings: [Int: [AtlasSignature]]
        var run: Result<FamilyRun, any Error>
    }

    struct Outcome {
        let space: AtlasSpace
        let entries: [Entry]
    }

    func run() throws -> Outcome {
        let problem = FamilyProblem(partition)
        let search = CriticalPointSearch(model: problem.model)
        let model = problem.model
        let searchedAt = Array(Set(request.ladder)).sorted().filter { d in
            (try? partition.validate(d: Double(d))) != nil && problem.isAdmissible(parameter: Double(d))
        }
        var entries: [Entry] = []
        var used: [String: Int] = [:]
        for d in searchedAt {
            try Task.checkCancellation()
            let result = try search.run(d: Double(d), settings: .init(starts: request.starts, rngSeed: request.rngSeed))
            for point in result.points where point.label == .spuriousMinimum && point.isotropy == partition {
                guard let spectrum = try? model.spectrum(at: point.x, d: Double(d)) else { continue }
                let signature = (point.loss, Catalog.canonical(spectrum))
                if let known = entries.firstIndex(where: { entry in
                    (entry.crossings[d] ?? []).contains { Catalog.same($0, signature) }
                        || (entry.found[d] ?? []).contains { Catalog.same($0, signature) }
                }) {
                    if entries[known].foundAt.last != d { entries[known].foundAt.append(d) }
                    entries[known].found[d, default: []].append(signature)
                    continue
                }
                // The final name ("#2" for a second family of the same base) is given once the
                // copies of other spaces' families are left out (``AtlasJob``); until then the
                // name only has to be unique within the space.
                let base = "\(partition) " + Catalog.flipName(partition, point.x)
                used[base, default: 0] += 1
                let count = used[base, default: 1]
                let family = Family(
                    name: count == 1 ? base : "\(base) #\(count)", partition: partition,
                    seed: point.x.map { DecimalLiteral(exactly: $0) }, seedD: DecimalLiteral(exactly: Double(d)))
                let run = Result<FamilyRun, any Error> {
                    try FollowJob.run(
                        FollowRequest(
                            family: family, maxD: Double(request.maxD), maxSteps: request.maxSteps, digits: request.digits),
                        problem: problem)
                }
                var crossings: [Int: [AtlasSignature]] = [:]
                if let trace = try? run.get().trace {
                    for ladderD in searchedAt {
                        crossings[ladderD] = trace.points(at: Double(ladderD)).compactMap { x in
                            guard let loss = try? model.loss.value(at: x, d: Double(ladderD)),
                                  let spectrum = try? model.spectrum(at: x, d: Double(ladderD))
                            else { return nil }
                            return (loss, Catalog.canonical(spectrum))
                        }
                    }
                }
                entries.append(Entry(family: family, foundAt: [d], found: [d: [signature]], crossings: crossings, run: run))
            }
        }
        let families = try entries.map { entry in
            AtlasFamily(
                name: entry.family.name, family: entry.family, foundAt: entry.foundAt, run: entry.run,
                minima: try minima(of: entry.run, search: search))
        }
        return Outcome(space: AtlasSpace(partition: partition, searchedAt: searchedAt, families: families), entries: entries)
    }

    /// Two parts' smallest eigenvalues closer than this (relative to max(1, |value|)) could swap
    /// places between Double and MPFR: the sweep's eigenvalues carry about 1e-8 of rounding
    /// (``FollowSettings/degeneracy``), a hundred times less.
    static let partGap = 1e-6

    /// The one part that holds the smallest eigenvalue, when every other part's smallest is
    /// clearly above it; nil (every part) otherwise. Proving the smallest eigenvalue of that
    /// part alone costs one refined Hessian instead of one per part.
    static func lowestPart(of spectrum: Spectrum<Double>, model: SpectrumModel) -> [Int]? {
        guard let smallest = spectrum.smallest, let part = model.index(of: smallest.part) else { return nil }
        let gap = partGap * Swift.max(1, abs(smallest.value))
        let clear = spectrum.eigenvalues.allSatisfy { $0.part == smallest.part || $0.value - smallest.value > gap }
        return clear ? [part] : nil
    }

    /// The family's spurious minima of exactly this isotropy at every integer k in
    /// 6...maxK, each polished to proved digits at two precisions; a point whose digits cannot
    /// be proved (Newton fails in MPFR) or whose proved smallest eigenvalue is not positive
    /// gives no row.
    func minima(of run: Result<FamilyRun, any Error>, search: CriticalPointSearch) throws -> [AtlasMinimum] {
        guard let trace = try? run.get().trace else { return [] }
        let model = search.model
        var rows: [AtlasMinimum] = []
        for d in 1...request.maxD {
            guard let k = Int(exactly: partition.k.value(at: Double(d))),
                  (AtlasRequest.smallestK...request.maxK).contains(k)
            else { continue }
            try Task.checkCancellation()
            for x in trace.points(at: Double(d)) {
                guard let loss = try? model.loss.value(at: x, d: Double(d)), loss > CriticalPointSearch.zeroLoss,
                      let spectrum = try? model.spectrum(at: x, d: Double(d)), spectrum.isComplete,
                      let smallest = spectrum.smallest?.value, smallest > CriticalPointLabel.degenerateEigenvalue,
                      IsotropyRecognition.coarsest(
                        partition, x, tolerance: CriticalPointSearch.isotropyTolerance * FamilyTrace.scale(x)).partition == partition
                else { continue }
                let point = FoundCriticalPoint(
                    x: x, loss: loss, label: .spuriousMinimum, index: 0, minEigenvalue: smallest, isotropy: partition)
                let polished = try search.polish(
                    point, d: DecimalLiteral(exactly: Double(d)), digits: request.digits, parts: AtlasSurvey.lowestPart(of: spectrum, model: model))
                guard let proof = polished.proof, let eigenvalue = proof.minEigenvalue, eigenvalue.approximate > 0 else { continue }
                rows.append(AtlasMinimum(
                    k: k, d: d, loss: proof.loss, minEigenvalue: eigenvalue,
                    index: spectrum.inertia(zero: CriticalPointLabel.degenerateEigenvalue).negative))
            }
        }
        return rows
    }
}
