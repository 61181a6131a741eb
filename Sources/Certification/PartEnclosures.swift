import LinearAlgebra
import LossModel
import MultiPrecision

/// The eigenvalues of one isotypic part over a box of points (x, d), enclosed in clusters.
public struct PartEnclosure: Sendable {
    public let part: IsotypicPartID
    public let name: String
    public let multiplicity: CountPolynomial
    /// The multiplicity over the box's d (a polynomial in d).
    public let multiplicityValue: Interval
    /// Clusters holding the part's distinct eigenvalues (counts add up to the part's number of
    /// eigenvalues), ascending.
    public let clusters: [EigenvalueCluster]

    public init(part: IsotypicPartID, name: String, multiplicity: CountPolynomial, multiplicityValue: Interval, clusters: [EigenvalueCluster]) {
        self.part = part
        self.name = name
        self.multiplicity = multiplicity
        self.multiplicityValue = multiplicityValue
        self.clusters = clusters
    }

    /// True when the part exists (positive multiplicity) for every d of the box.
    public var isPresent: Bool { multiplicityValue.sign == 1 }
    /// True when the part exists for no d of the box.
    public var isAbsent: Bool { multiplicityValue.upper.signum <= 0 }

    /// How many eigenvalues are certainly negative, or nil when a cluster contains 0.
    public var negativeCount: Int? {
        guard clusters.allSatisfy({ $0.sign != nil }) else { return nil }
        return clusters.filter { $0.sign == -1 }.reduce(0) { $0 + $1.count }
    }
}

/// Enclosures of every isotypic part's eigenvalues over a box, from the part pencils of the
/// model (``PartPencil``): each pencil's clusters, minus the clusters of the coarser parts it
/// also holds.
///
/// Attribution: a coarser part's cluster F (k eigenvalues) that meets exactly one cluster C of
/// the pencil puts its k eigenvalues in C, since they are eigenvalues of the pencil too, and
/// lie in F. What is left of C's count belongs to the new part, in C. A coarser cluster that
/// meets two pencil clusters (near-double eigenvalues of different parts) cannot be placed and
/// the step fails; it never guesses.
public enum PartEnclosures {
    /// Every part's clusters at the box x x d (base coordinates x). Parts whose refined space
    /// has a variable that may fill no entry or a negative number of them somewhere in d (a
    /// refined block of size at most 1) are reported as failures, naming the part.
    public static func enclose(model: SpectrumModel, x: [Interval], d: Interval, precision: Int) throws -> [PartEnclosure] {
        let pencils = model.partPencils
        var hessians: [Int: Matrix<Interval>] = [:]
        var result: [PartEnclosure] = []
        for pencil in pencils {
            let name = model.partNames[pencil.part]
            let counts = pencil.space.counts.map { $0.value(at: d) }
            if let bad = counts.firstIndex(where: { $0.sign != 1 }) {
                throw CertificationFailure(
                    step: .enclosure,
                    reason: "\(name): variable \(pencil.space.names[bad]) of the refined partition \(pencil.space.partition) fills \(counts[bad].formatted(significantDigits: 6)) entries, not certainly a positive number, on this interval of d",
                    precision: precision)
            }
            let hessian: Matrix<Interval>
            if let known = hessians[pencil.refined] {
                hessian = known
            } else {
                do {
                    hessian = try model.refinedHessian(pencil.refined, at: x, d: d)
                } catch {
                    throw CertificationFailure(step: .enclosure, reason: "\(name): the refined Hessian cannot be enclosed on the box: \(error)", precision: precision)
                }
                hessians[pencil.refined] = hessian
            }
            let (h, metric) = pencil.restrict(hessian: hessian, d: d)
            let clusters: [EigenvalueCluster]
            do {
                clusters = try PencilEnclosure.clusters(hessian: h, metric: metric, precision: precision)
            } catch let failure as CertificationFailure {
                throw CertificationFailure(step: failure.step, reason: "\(name): \(failure.reason)", precision: precision)
            }
            guard pencil.coarserParts.allSatisfy({ $0 < result.count }) else {
                throw CertificationFailure(step: .attribution, reason: "\(name): its pencil holds a part not enclosed before it", precision: precision)
            }
            let own = try attribute(
                clusters, coarser: pencil.coarserParts.map { result[$0] }, name: name,
                expected: model.eigenvalueCount(ofPart: pencil.part), precision: precision)
            result.append(PartEnclosure(
                part: model.partIDs[pencil.part], name: name, multiplicity: model.multiplicity(ofPart: pencil.part),
                multiplicityValue: model.multiplicity(ofPart: pencil.part).value(at: d), clusters: own))
        }
        return result
    }

    /// The new part's clusters: the pencil's clusters less the eigenvalues of `coarser`.
    static func attribute(
        _ clusters: [EigenvalueCluster], coarser: [PartEnclosure], name: String, expected: Int, precision: Int
    ) throws -> [EigenvalueCluster] {
        var taken = Array(repeating: 0, count: clusters.count)
        for part in coarser {
            for cluster in part.clusters {
                let meeting = clusters.indices.filter { clusters[$0].enclosure.overlaps(cluster.enclosure) }
                guard meeting.count == 1, let slot = meeting.first else {
                    let what = meeting.isEmpty ? "meets none of the pencil's enclosures" : "meets \(meeting.count) of them (near-double eigenvalues)"
                    throw CertificationFailure(
                        step: .attribution,
                        reason: "\(name): an eigenvalue of \(part.name) in \(cluster.enclosure.formatted(significantDigits: 6)) \(what)",
                        precision: precision)
                }
                taken[slot] += cluster.count
            }
        }
        var own: [EigenvalueCluster] = []
        for (cluster, used) in zip(clusters, taken) {
            guard used <= cluster.count else {
                throw CertificationFailure(
                    step: .attribution, reason: "\(name): more coarser eigenvalues than the pencil holds in \(cluster.enclosure.formatted(significantDigits: 6))",
                    precision: precision)
            }
            if cluster.count > used { own.append(EigenvalueCluster(enclosure: cluster.enclosure, count: cluster.count - used)) }
        }
        let found = own.reduce(0) { $0 + $1.count }
        guard found == expected else {
            throw CertificationFailure(step: .attribution, reason: "\(name): \(found) eigenvalues left for the part, \(expected) expected", precision: precision)
        }
        return own
    }
}
