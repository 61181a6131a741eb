import Continuation
import Families
import LossModel
import MultiPrecision

/// A point's loss and full Hessian spectrum in Double (``Catalog/canonical``): equal for one
/// point found twice and for copies under a symmetry of the problem, different for different
/// critical points of the same d.
struct AtlasSignature: Sendable, Codable {
    struct Eigenvalue: Sendable, Codable {
        let value: Double
        let multiplicity: Double
    }

    let loss: Double
    let spectrum: [Eigenvalue]

    init(loss: Double, spectrum: Spectrum<Double>) {
        self.loss = loss
        self.spectrum = Catalog.canonical(spectrum).map { Eigenvalue(value: $0.value, multiplicity: $0.multiplicity) }
    }

    func isSame(as other: AtlasSignature) -> Bool {
        Catalog.same(
            (loss, spectrum.map { ($0.value, $0.multiplicity) }), (other.loss, other.spectrum.map { ($0.value, $0.multiplicity) }))
    }
}

/// One fixed space of the atlas, surveyed on its own (the atlas runs several at once): the
/// search at every ladder d, the spurious minima of exactly this isotropy merged into families,
/// each family followed both ways with its events located, and its minima at integer k
/// (docs/design.md sections 4, 6 and 9; issue 14).
struct AtlasSurvey {
    let partition: Partition
    let request: AtlasRequest

    /// A family with the signatures that recognise it: of the points found on it, and of every
    /// point of its trace at a ladder d, so that a find at another d, or a copy in another
    /// space, is known as the same curve.
    struct Entry: Sendable, Codable {
        var family: AtlasFamily
        /// The signatures of the points found on it, by ladder d.
        var found: [Int: [AtlasSignature]]
        /// The signatures of every point of the family at a ladder d (none when it could not
        /// be followed).
        let crossings: [Int: [AtlasSignature]]

        func contains(_ signature: AtlasSignature, at d: Int) -> Bool {
            (crossings[d, default: []] + found[d, default: []]).contains { $0.isSame(as: signature) }
        }

        /// Whether a point found on `other` lies on this family's trace.
        func crosses(pointsOf other: Entry) -> Bool {
            other.found.contains { d, signatures in signatures.contains { contains($0, at: d) } }
        }
    }

    /// What a space's survey hands to the atlas: everything its report and the merge of
    /// partial results need, and nothing that cannot be written to a file.
    struct Outcome: Sendable, Codable {
        let partition: Partition
        let searchedAt: [Int]
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
                let signature = AtlasSignature(loss: point.loss, spectrum: spectrum)
                if let known = entries.firstIndex(where: { $0.contains(signature, at: d) }) {
                    var foundAt = entries[known].family.foundAt
                    if foundAt.last != d { foundAt.append(d) }
                    entries[known].family = entries[known].family.renamed(entries[known].family.name, foundAt: foundAt)
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
                var entry = try follow(family, foundAt: d, signature: signature, problem: problem, searchedAt: searchedAt, search: search)
                // The new trace may pass through a point found earlier that the earlier
                // family's trace did not reach (its follow stopped short, or failed): the same
                // curve. A followed earlier family keeps its record and gains this find; one
                // that could not be followed is replaced by this one.
                let same = entries.indices.filter { entry.crosses(pointsOf: entries[$0]) }
                if let followed = same.first(where: { entries[$0].family.followed != nil }) {
                    var foundAt = entries[followed].family.foundAt
                    if foundAt.last != d { foundAt.append(d) }
                    entries[followed].family = entries[followed].family.renamed(entries[followed].family.name, foundAt: foundAt)
                    entries[followed].found[d, default: []].append(signature)
                    continue
                }
                if let first = same.first {
                    for index in same {
                        entry.found.merge(entries[index].found) { $0 + $1 }
                    }
                    let foundAt = Array(Set(same.flatMap { entries[$0].family.foundAt } + [d])).sorted()
                    entry.family = entry.family.renamed(entries[first].family.name, foundAt: foundAt)
                    entries[first] = entry
                    for index in same.dropFirst().reversed() { entries.remove(at: index) }
                    continue
                }
                entries.append(entry)
            }
        }
        return Outcome(partition: partition, searchedAt: searchedAt, entries: entries)
    }

    /// A new family followed both ways, each event located on its own (a failed location is
    /// recorded with its reason and the others still located), with its signatures at every
    /// ladder d and its minima rows.
    private func follow(
        _ family: Family, foundAt d: Int, signature: AtlasSignature, problem: FamilyProblem, searchedAt: [Int],
        search: CriticalPointSearch
    ) throws -> Entry {
        let model = problem.model
        let followRequest = FollowRequest(family: family, maxD: Double(request.maxD), maxSteps: request.maxSteps, digits: request.digits)
        let trace: FamilyTrace
        do {
            trace = try FollowJob.trace(followRequest, problem: problem)
        } catch {
            let record = AtlasFamily(
                name: family.name, family: family, foundAt: [d], followed: nil, failure: RecordedError(error), events: [], minima: [])
            return Entry(family: record, found: [d: [signature]], crossings: [:])
        }
        let events = try FollowJob.locatable(trace, followRequest).map { event in
            try Task.checkCancellation()
            do {
                return AtlasEvent(try trace.locate(event, digits: request.digits))
            } catch {
                return AtlasEvent(failed: event, of: trace, error)
            }
        }
        var crossings: [Int: [AtlasSignature]] = [:]
        for ladderD in searchedAt {
            crossings[ladderD] = trace.points(at: Double(ladderD)).compactMap { x in
                guard let loss = try? model.loss.value(at: x, d: Double(ladderD)),
                      let spectrum = try? model.spectrum(at: x, d: Double(ladderD))
                else { return nil }
                return AtlasSignature(loss: loss, spectrum: spectrum)
            }
        }
        let record = AtlasFamily(
            name: family.name, family: family, foundAt: [d], followed: AtlasFollowed(trace), failure: nil, events: events,
            minima: try minima(of: trace, search: search))
        return Entry(family: record, found: [d: [signature]], crossings: crossings)
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
    func minima(of trace: FamilyTrace, search: CriticalPointSearch) throws -> [AtlasMinimum] {
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
                    index: spectrum.inertia(zero: CriticalPointLabel.degenerateEigenvalue).negative, x: x))
            }
        }
        return rows
    }
}
