import LossModel
import MultiPrecision

/// The built-in catalog: the spurious minima found at a reference d in a list of fixed spaces,
/// each the seed of a family that the `transitions` report follows (the tool's main job).
public enum Catalog {
    /// `d`, `d-1,1`, `d-2,2` (k = d) and `d-1,1,1r`, `d,1r` (k = d + 1, where minima are
    /// annihilated).
    public static func defaultPartitions() -> [Partition] {
        // Literal partitions: the parser accepts each of them.
        ["d", "d-1,1", "d-2,2", "d-1,1,1r", "d,1r"].compactMap { try? Partition(parsing: $0) }
    }

    /// A family the catalog found, with the problem of its fixed space (one per partition,
    /// shared by the search and by every family of that space).
    public struct Discovery: Sendable {
        public let family: Family
        public let problem: FamilyProblem

        public init(family: Family, problem: FamilyProblem) {
            self.family = family
            self.problem = problem
        }
    }

    /// The spurious minima of exactly one fixed space's isotropy at the reference d, each with
    /// its full spectrum: one space's share of ``discover(partitions:at:starts:rngSeed:progress:)``,
    /// independent of every other space's (the spaces can be searched in parallel).
    public struct SpaceSearch: Sendable {
        public let problem: FamilyProblem
        let minima: [(x: [Double], loss: Double, spectrum: [(value: Double, multiplicity: Double)])]
    }

    /// The search of one fixed space at d = `at`.
    public static func search(_ partition: Partition, at: Double, starts: Int, rngSeed: UInt64) throws -> SpaceSearch {
        let problem = FamilyProblem(partition)
        let search = CriticalPointSearch(model: problem.model)
        let result = try search.run(d: at, settings: .init(starts: starts, rngSeed: rngSeed))
        let minima = try result.points.filter { $0.label == .spuriousMinimum && $0.isotropy == partition }.map { point in
            (point.x, point.loss, canonical(try search.model.spectrum(at: point.x, d: at)))
        }
        return SpaceSearch(problem: problem, minima: minima)
    }

    /// The families seeded by every spurious minimum whose isotropy is exactly one of
    /// `partitions` at d = `at` (a minimum with a larger isotropy belongs to the coarser space
    /// and is listed there once; copies under a symmetry of the fixed space are listed once),
    /// in the order of `partitions`, then by loss. `progress` is told each partition before its
    /// search.
    public static func discover(
        partitions: [Partition], at: Double, starts: Int, rngSeed: UInt64,
        progress: (Partition) -> Void = { _ in }
    ) throws -> [Discovery] {
        families(at: at, from: try partitions.map { partition in
            progress(partition)
            return try search(partition, at: at, starts: starts, rngSeed: rngSeed)
        })
    }

    /// The families of the searches at d = `at`, in the searches' order, each minimum listed
    /// once: a copy of a kept minimum under a symmetry of the problem that is not in the group
    /// (swapping D and O of a block of size 2 maps the Delta S_d point out of Fix(S_d), say)
    /// has the same loss and the same full spectrum.
    public static func families(at: Double, from searches: [SpaceSearch]) -> [Discovery] {
        var families: [Discovery] = []
        var kept: [(loss: Double, spectrum: [(value: Double, multiplicity: Double)])] = []
        for searched in searches {
            let partition = searched.problem.partition
            var used: [String: Int] = [:]
            for point in searched.minima {
                guard !kept.contains(where: { same($0, (point.loss, point.spectrum)) }) else { continue }
                kept.append((point.loss, point.spectrum))
                let base = "\(partition) " + flipName(partition, point.x)
                used[base, default: 0] += 1
                let name = used[base, default: 1] == 1 ? base : "\(base) #\(used[base, default: 1])"
                let family = Family(
                    name: name, partition: partition, seed: point.x.map { DecimalLiteral(exactly: $0) },
                    seedD: DecimalLiteral(exactly: at))
                families.append(Discovery(family: family, problem: searched.problem))
            }
        }
        return families
    }

    /// The distinct eigenvalues of the full Hessian with their total multiplicities, whatever
    /// isotypic parts they come from, so that spectra from different fixed spaces compare.
    public static func canonical(_ spectrum: Spectrum<Double>) -> [(value: Double, multiplicity: Double)] {
        var merged: [(value: Double, multiplicity: Double)] = []
        for e in spectrum.eigenvalues.sorted(by: { $0.value < $1.value }) {
            if let last = merged.last, abs(last.value - e.value) <= 1e-8 * Swift.max(1, abs(e.value)) {
                merged[merged.count - 1].multiplicity += e.multiplicityValue
            } else {
                merged.append((e.value, e.multiplicityValue))
            }
        }
        return merged
    }

    /// True for two points with the same loss and the same full spectrum (``canonical``): one
    /// point, or copies of each other under a symmetry of the problem.
    public static func same(
        _ a: (loss: Double, spectrum: [(value: Double, multiplicity: Double)]),
        _ b: (loss: Double, spectrum: [(value: Double, multiplicity: Double)])
    ) -> Bool {
        abs(a.loss - b.loss) <= 1e-10 * Swift.max(1, abs(a.loss)) && a.spectrum.count == b.spectrum.count
            && zip(a.spectrum, b.spectrum).allSatisfy {
                abs($0.value - $1.value) <= 1e-8 * Swift.max(1, abs($0.value)) && abs($0.multiplicity - $1.multiplicity) < 1e-9
            }
    }

    /// "one-flipped", "two-flipped", "(d-1)-flipped" or "unflipped": how many student rows
    /// have a negative diagonal entry (a row pointing away from its own teacher neuron).
    public static func flipName(_ partition: Partition, _ x: [Double]) -> String {
        let space = FixedSpace(partition)
        var constant = 0
        var generic: [String] = []
        for (index, variable) in space.variables.enumerated() {
            guard case let .diagonal(a) = variable, x[index] < 0 else { continue }
            let size = partition.blocks[a].size
            if size.isConstant {
                constant += size.offset
            } else {
                generic.append(size.offset == 0 ? "\(size)" : "(\(size))")
            }
        }
        let words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        var parts = generic
        if constant > 0 { parts.append(constant < words.count ? words[constant] : "\(constant)") }
        return parts.isEmpty ? "unflipped" : parts.joined(separator: "+") + "-flipped"
    }
}
