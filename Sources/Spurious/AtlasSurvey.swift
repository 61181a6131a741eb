import Continuation
import Families
import LossModel
import MultiPrecision

/// A point of a fixed space at a ladder d: its coordinates, and its loss and full Hessian
/// spectrum in Double (``Catalog/canonical``). Within one space the coordinates say whether two
/// points are the same; the loss and spectrum are equal also for copies under a symmetry of the
/// problem, in the same space or another one, and for the points of two families that meet at
/// an integer d where two fixed spaces coincide.
struct AtlasSignature: Sendable, Codable {
    struct Eigenvalue: Sendable, Codable {
        let value: Double
        let multiplicity: Double
    }

    let x: [Double]
    let loss: Double
    let spectrum: [Eigenvalue]

    init(x: [Double], loss: Double, spectrum: Spectrum<Double>) {
        self.x = x
        self.loss = loss
        self.spectrum = Catalog.canonical(spectrum).map { Eigenvalue(value: $0.value, multiplicity: $0.multiplicity) }
    }

    /// The same loss and spectrum.
    func isSame(as other: AtlasSignature) -> Bool {
        Catalog.same(
            (loss, spectrum.map { ($0.value, $0.multiplicity) }), (other.loss, other.spectrum.map { ($0.value, $0.multiplicity) }))
    }

    /// Two corrected points of one space closer than this (max-norm, relative to max(1, |x|))
    /// are one point: both are Newton's method's limits in Double, good to about 1e-12.
    static let pointTolerance = 1e-7

    /// The same point of the same space.
    func isAt(_ other: AtlasSignature) -> Bool {
        x.count == other.x.count && FamilyTrace.distance(x, other.x) <= AtlasSignature.pointTolerance * FamilyTrace.scale(x)
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
        /// The signatures of every point of the family at each ladder d and each integer d of
        /// its sweep (none when it could not be followed).
        let crossings: [Int: [AtlasSignature]]

        /// A further point found on the family, at ladder d.
        mutating func record(_ point: AtlasSignature, at d: Int) {
            var foundAt = family.foundAt
            if !foundAt.contains(d) { foundAt = (foundAt + [d]).sorted() }
            family = family.renamed(family.name, foundAt: foundAt)
            found[d, default: []].append(point)
        }

        /// Whether a point with `signature`'s loss and spectrum lies on the family at `d` (a
        /// point of it, or a copy of one under a symmetry).
        func contains(_ signature: AtlasSignature, at d: Int) -> Bool {
            (crossings[d, default: []] + found[d, default: []]).contains { $0.isSame(as: signature) }
        }

        /// Whether the point itself (same space, same coordinates) lies on the family at `d`.
        func passesThrough(_ point: AtlasSignature, at d: Int) -> Bool {
            (crossings[d, default: []] + found[d, default: []]).contains { $0.isAt(point) }
        }

        /// Whether this family's trace shares a point's loss and spectrum with `other`'s at
        /// every ladder or integer d but `d` where both traces cross it, and there is one:
        /// the same curve up to a symmetry, not two curves that meet at `d`. (Sharing one, not
        /// all: where one trace folds back further than the other, it has more points at a d.)
        func followsTheCurve(of other: Entry, besides d: Int) -> Bool {
            let common = crossings.keys.filter { $0 != d && !crossings[$0, default: []].isEmpty && !other.crossings[$0, default: []].isEmpty }
            return !common.isEmpty && common.allSatisfy { ladderD in
                crossings[ladderD, default: []].contains { other.contains($0, at: ladderD) }
            }
        }

        /// Whether `other` is this family: a point found on it lies on this trace, or it is a
        /// copy of this family under a symmetry of the space (blocks of equal size exchanged),
        /// its found point's loss and spectrum on this trace and the two curves alike at every
        /// other ladder d.
        func isTheSameFamily(as other: Entry) -> Bool {
            other.found.contains { d, points in
                points.contains { passesThrough($0, at: d) || (contains($0, at: d) && followsTheCurve(of: other, besides: d)) }
            }
        }
    }

    /// What a space's survey hands to the atlas: everything its report and the merge of
    /// partial results need, and nothing that cannot be written to a file.
    struct Outcome: Sendable, Codable {
        let partition: Partition
        let searchedAt: [Int]
        let entries: [Entry]
        /// The minima found whose image under a row exchange has a coarser isotropy: copies of
        /// points of that coarser space, not followed.
        let copies: [Copy]
    }

    /// A minimum found at ladder d that two student rows exchanged map into the coarser fixed
    /// space `coarser` (``FixedSpace/rowSwaps``): the same network, a point of that space.
    struct Copy: Sendable, Codable {
        let d: Int
        let coarser: Partition
        let point: AtlasSignature
    }

    /// The coarser isotropy of an image of `x` under a row exchange that keeps the space, if
    /// one has it.
    static func coarserImage(of x: [Double], in space: FixedSpace) -> Partition? {
        let tolerance = CriticalPointSearch.isotropyTolerance * FamilyTrace.scale(x)
        for swap in space.rowSwaps {
            let coarsest = IsotropyRecognition.coarsest(space.partition, swap.apply(x), tolerance: tolerance).partition
            if coarsest != space.partition { return coarsest }
        }
        return nil
    }

    func run() throws -> Outcome {
        let problem = FamilyProblem(partition)
        let search = CriticalPointSearch(model: problem.model)
        let model = problem.model
        let searchedAt = Array(Set(request.ladder)).sorted().filter { d in
            (try? partition.validate(d: Double(d))) != nil && problem.isAdmissible(parameter: Double(d))
        }
        var entries: [Entry] = []
        var copies: [Copy] = []
        let space = FixedSpace(partition)
        var used: [String: Int] = [:]
        for d in searchedAt {
            try Task.checkCancellation()
            let result = try search.run(d: Double(d), settings: .init(starts: request.starts, rngSeed: request.rngSeed))
            for point in result.points where point.label == .spuriousMinimum && point.isotropy == partition {
                guard let spectrum = try? model.spectrum(at: point.x, d: Double(d)) else { continue }
                let signature = AtlasSignature(x: point.x, loss: point.loss, spectrum: spectrum)
                if let coarser = AtlasSurvey.coarserImage(of: point.x, in: space) {
                    copies.append(Copy(d: d, coarser: coarser, point: signature))
                    continue
                }
                if let known = entries.firstIndex(where: { $0.passesThrough(signature, at: d) }) {
                    entries[known].record(signature, at: d)
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
                // family's trace did not reach (its sweep stopped short, or failed), or be a
                // copy of an earlier family under a symmetry of the space: the same family. A
                // followed earlier family keeps its record and gains this find; one that could
                // not be followed is replaced by this one.
                let same = entries.indices.filter { entry.isTheSameFamily(as: entries[$0]) || entries[$0].isTheSameFamily(as: entry) }
                if let followed = same.first(where: { entries[$0].family.followed != nil }) {
                    entries[followed].record(signature, at: d)
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
        return Outcome(partition: partition, searchedAt: searchedAt, entries: entries, copies: copies)
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
        // At every ladder d, and at every integer d up to the top of the sweep: comparing two
        // curves at one d alone cannot tell a copy from two families meeting there.
        var crossings: [Int: [AtlasSignature]] = [:]
        for ladderD in Set(searchedAt).union(2...request.maxD).sorted() where (try? partition.validate(d: Double(ladderD))) != nil {
            crossings[ladderD] = trace.points(at: Double(ladderD)).compactMap { x in
                guard let loss = try? model.loss.value(at: x, d: Double(ladderD)),
                      let spectrum = try? model.spectrum(at: x, d: Double(ladderD))
                else { return nil }
                return AtlasSignature(x: x, loss: loss, spectrum: spectrum)
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
