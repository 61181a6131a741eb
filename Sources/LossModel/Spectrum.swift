import LinearAlgebra
import MultiPrecision

/// One distinct eigenvalue of the full Hessian, with the isotypic part it belongs to.
public struct SpectrumEigenvalue<S: Scalar>: Sendable {
    public let value: S
    public let part: IsotypicPartID
    /// E.g. "trivial", "standard of S_{d-1}", "(d-3,2) of S_{d-1}".
    public let irrep: String
    public let multiplicity: CountPolynomial
    /// The multiplicity at this d (a real number when d is fractional).
    public let multiplicityValue: Double

    public init(value: S, part: IsotypicPartID, irrep: String, multiplicity: CountPolynomial, multiplicityValue: Double) {
        self.value = value
        self.part = part
        self.irrep = irrep
        self.multiplicity = multiplicity
        self.multiplicityValue = multiplicityValue
    }
}

/// What became of one isotypic part at a given d.
public struct IsotypicPartStatus: Sendable {
    public enum State: Sendable, Equatable {
        case present(eigenvalues: Int)
        /// The multiplicity is <= 0 at this d (or no copy of the part exists).
        case absent
        /// A refined block needed for this part is smaller than 1 at this d.
        case undefined(String)
    }

    public let part: IsotypicPartID
    public let irrep: String
    public let multiplicity: CountPolynomial
    public let multiplicityValue: Double
    public let state: State

    public init(part: IsotypicPartID, irrep: String, multiplicity: CountPolynomial, multiplicityValue: Double, state: State) {
        self.part = part
        self.irrep = irrep
        self.multiplicity = multiplicity
        self.multiplicityValue = multiplicityValue
        self.state = state
    }
}

/// The Hessian spectrum at a point of a fixed space.
public struct Spectrum<S: Scalar>: Sendable {
    /// Ascending.
    public let eigenvalues: [SpectrumEigenvalue<S>]
    public let parts: [IsotypicPartStatus]

    public init(eigenvalues: [SpectrumEigenvalue<S>], parts: [IsotypicPartStatus]) {
        self.eigenvalues = eigenvalues
        self.parts = parts
    }

    /// Sum of the multiplicities of the negative eigenvalues.
    public var index: Double {
        eigenvalues.filter { $0.value.signum < 0 }.reduce(0) { $0 + $1.multiplicityValue }
    }

    /// The index and the nullity when eigenvalues of magnitude at most `zero` count as zero:
    /// at a degenerate point the sign of a zero eigenvalue is rounding, and counting it in the
    /// index would make the index rounding too.
    public func inertia(zero: Double) -> (negative: Double, zero: Double) {
        var negative = 0.0, nullity = 0.0
        for e in eigenvalues {
            let value = e.value.doubleValue
            if abs(value) <= zero { nullity += e.multiplicityValue } else if value < 0 { negative += e.multiplicityValue }
        }
        return (negative, nullity)
    }

    /// Sum of all multiplicities: k d when every part is defined.
    public var totalMultiplicity: Double { eigenvalues.reduce(0) { $0 + $1.multiplicityValue } }

    /// True when every part present at this d could be computed.
    public var isComplete: Bool {
        parts.allSatisfy { if case .undefined = $0.state { false } else { true } }
    }

    public var smallest: SpectrumEigenvalue<S>? { eigenvalues.first }
}

extension SpectrumModel {
    /// The full Hessian spectrum at the critical point `x` of the base fixed space at `d`:
    /// every distinct eigenvalue with its isotypic type and multiplicity, from pencils of
    /// reduced Hessians (never the bare reduced Hessian; docs/design.md section 3).
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func spectrum<S: Scalar>(at x: [S], d: S, frames: SpectrumFrames<S>? = nil) throws -> Spectrum<S> {
        try spectrum(at: x, d: d, parts: Array(parts.indices), frames: frames)
    }

    /// The eigenvalues of the listed parts only (indices into ``partNames``). `frames` built at
    /// this d (``frames(d:)``) save their Gram-Schmidt; others are ignored.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func spectrum<S: Scalar>(at x: [S], d: S, parts selected: [Int], frames: SpectrumFrames<S>? = nil) throws -> Spectrum<S> {
        var eigenvalues: [SpectrumEigenvalue<S>] = []
        var statuses: [IsotypicPartStatus] = []
        for (index, result) in zip(selected, try partEigenvalues(at: x, d: d, parts: selected, frames: frames)) {
            let part = parts[index]
            let m = result.multiplicity
            let state: IsotypicPartStatus.State
            switch result.values {
            case let .success(values):
                state = values.isEmpty ? .absent : .present(eigenvalues: values.count)
                eigenvalues += values.map {
                    SpectrumEigenvalue(value: $0, part: part.id, irrep: part.name, multiplicity: part.multiplicity, multiplicityValue: m)
                }
            case let .failure(error):
                state = .undefined(error.reason)
            }
            statuses.append(IsotypicPartStatus(part: part.id, irrep: part.name, multiplicity: part.multiplicity, multiplicityValue: m, state: state))
        }
        eigenvalues.sort { $0.value < $1.value }
        return Spectrum(eigenvalues: eigenvalues, parts: statuses)
    }

    /// For each listed part, in that order: its multiplicity at d and its eigenvalues,
    /// ascending (none where the multiplicity is <= 0), or why it is undefined. What
    /// ``spectrum(at:d:parts:)`` and ``sortedEigenvalues(at:d:parts:)`` are read from.
    func partEigenvalues<S: Scalar>(
        at x: [S], d: S, parts selected: [Int], frames: SpectrumFrames<S>? = nil
    ) throws -> [(multiplicity: Double, values: Result<[S], IsotypicPart.Undefined>)] {
        let dValue = d.doubleValue
        let known = frames.flatMap { $0.isBuilt(at: d) ? $0 : nil } ?? self.frames(d: d, parts: selected)
        // Each refined Hessian is computed once, however many parts read it.
        var hessians = [Matrix<S>?](repeating: nil, count: refined.count)
        func hessian(_ index: Int) throws -> Matrix<S> {
            if let known = hessians[index] { return known }
            let space = refined[index]
            let h = try space.loss.hessian(at: space.baseParent.map { x[$0] }, d: d).hessian
            hessians[index] = h
            return h
        }
        return try selected.map { index in
            let part = parts[index]
            let m = part.multiplicity.value(at: dValue)
            guard m > 0 else { return (m, .success([])) }
            do {
                // Every selected part with m > 0 has a frame; built here should one be missing.
                let frame = try known.frames[index]?.get() ?? part.frame(fine: refined[part.refined].loss.space, d: d)
                return (m, .success(try frame.eigenvalues(hessian: try hessian(part.refined))))
            } catch let error as IsotypicPart.Undefined {
                return (m, .failure(error))
            }
        }
    }
}

extension IsotypicPart {
    struct Undefined: Error, Sendable {
        let reason: String
    }

    /// What this part's eigenvalues need besides the Hessian, fixed by d alone: which variables
    /// fill entries, the square roots of their counts, and an orthonormal basis of the part's
    /// vectors (see ``SpectrumFrames``). Throws ``Undefined`` where a refined variable would
    /// fill a negative number of entries.
    func frame<S: Scalar>(fine: FixedSpace, d: S) throws -> PartFrame<S> {
        try frame(span: span(fine: fine, d: d))
    }

    /// The first half of ``frame(fine:d:)``: the live variables, the metric and an orthonormal
    /// basis of the embedded subspaces. Parts on one refined space have the same subspaces
    /// (``SpectrumModel``'s (n-2,2) and (n-2,1,1)), so they can share it.
    func span<S: Scalar>(fine: FixedSpace, d: S) throws -> PartSpan<S> {
        let counts = fine.counts.map { $0.value(at: d) }
        if let bad = counts.firstIndex(where: { $0.signum < 0 }) {
            throw Undefined(reason: "\(name) is not defined at this d: variable \(fine.names[bad]) of the refined partition \(fine.partition) would fill \(counts[bad].doubleValue) entries")
        }
        // Variables that fill no entry at this d (a refined block of size exactly 1) are inert.
        let live = counts.indices.filter { counts[$0].signum > 0 }
        let n = live.count
        let metric = n < counts.count ? live.map { counts[$0] } : counts
        guard !subspaces.isEmpty else {
            return PartSpan(variables: counts.count, live: live, metric: metric, root: [], basis: [], dimensions: [], shared: 0)
        }
        // In the coordinates y = M^(1/2) v the pencil becomes an ordinary symmetric matrix and
        // M-orthogonality becomes orthogonality.
        let root = try metric.map { try S.sqrt($0) }
        let zero = root[0] * S(0)

        // Images of the coarser fixed spaces (only variables that fill entries at this d).
        var spanning: [[S]] = []
        var liveDimensions: [Int] = []
        for subspace in subspaces {
            var vectors: [[S]] = []
            for c in 0..<subspace.space.dimension {
                var u = Array(repeating: zero, count: n)
                var touched = false
                for (i, f) in live.enumerated() where subspace.parent[f] == c {
                    u[i] = root[i]
                    touched = true
                }
                if touched { vectors.append(u) }
            }
            liveDimensions.append(vectors.count)
            spanning += vectors
        }
        let shared = sharedSpace.map { space in space.counts.filter { $0.value(at: d).signum > 0 }.count } ?? 0
        let rank = liveDimensions.reduce(0, +) - (liveDimensions.count > 1 ? shared : 0)
        return PartSpan(
            variables: counts.count, live: live, metric: metric, root: root,
            basis: try orthonormalBasis(of: spanning, rank: rank), dimensions: liveDimensions, shared: shared)
    }

    /// The second half of ``frame(fine:d:)``: the part's vectors from its refined space's span.
    func frame<S: Scalar>(span: PartSpan<S>) throws -> PartFrame<S> {
        let (live, metric, root) = (span.live, span.metric, span.root)
        let (variables, n, spanBasis) = (span.variables, live.count, span.basis)
        guard !subspaces.isEmpty else {
            return PartFrame(variables: variables, live: live, metric: metric, root: [], basis: nil)
        }
        let zero = root[0] * S(0)
        let rank = spanBasis.count

        // Candidates for the complement, and how many of its vectors there are.
        let candidates: [[S]]
        let wanted: Int
        func unit(_ entries: [(Int, S)]) -> [S] {
            var v = Array(repeating: zero, count: n)
            for (i, value) in entries { v[i] = value }
            return v
        }
        let one = zero + S(1)
        switch selection {
        case .all:
            return PartFrame(variables: variables, live: live, metric: metric, root: root, basis: [])
        case .complement:
            candidates = (0..<n).map { unit([($0, one)]) }
            wanted = n - rank
        case let .complementWithParity(permutation, even):
            // The live position of each variable (nil where it is inert or has no image, -1).
            var position = [Int?](repeating: nil, count: variables)
            for (i, f) in live.enumerated() { position[f] = i }
            var chosen: [[S]] = []
            for (i, f) in live.enumerated() {
                guard position.indices.contains(permutation[f]), let j = position[permutation[f]] else { continue }
                if j == i, even { chosen.append(unit([(i, one)])) }
                if j > i { chosen.append(unit([(i, one), (j, even ? one : -one)])) }
            }
            candidates = chosen
            // The two copies of the (n-1,1) space meet in the base space; their even part is
            // one copy, their odd part the copy minus the base.
            let copy = span.dimensions.first ?? 0
            wanted = chosen.count - (even ? copy : copy - span.shared)
        }
        guard wanted > 0 else { return PartFrame(variables: variables, live: live, metric: metric, root: root, basis: []) }
        let basis = try extendOrthonormal(basis: spanBasis, candidates: candidates, count: wanted)
        return PartFrame(variables: variables, live: live, metric: metric, root: root, basis: basis)
    }
}

/// ``IsotypicPart/span(fine:d:)``: what the parts on one refined space share at one d.
struct PartSpan<S: Scalar>: Sendable {
    /// The number of variables of the refined space.
    let variables: Int
    /// The variables that fill entries at this d, their counts (the diagonal metric M) and the
    /// square roots of those (empty without subspaces).
    let live: [Int]
    let metric: [S]
    let root: [S]
    /// An orthonormal basis, in the coordinates y = M^(1/2) v, of the embedded subspaces.
    let basis: [[S]]
    /// The live dimension of each subspace, and of the base space they share.
    let dimensions: [Int]
    let shared: Int
}

/// One part's ``IsotypicPart/frame(fine:d:)``.
struct PartFrame<S: Scalar>: Sendable {
    /// The number of variables of the refined space.
    let variables: Int
    /// The variables that fill entries at this d.
    let live: [Int]
    /// Their counts: the diagonal metric M.
    let metric: [S]
    /// The square roots of `metric`; empty for a part that is the whole pencil.
    let root: [S]
    /// Orthonormal vectors in the coordinates y = M^(1/2) v spanning the part (nil for the
    /// whole pencil; empty when the part has no vectors at this d).
    let basis: [[S]]?

    /// The part's eigenvalues, ascending, given the Hessian of the refined reduced loss at the
    /// embedded base point.
    func eigenvalues(hessian fullHessian: Matrix<S>) throws -> [S] {
        let n = live.count
        // With every variable live (generic d) the pencil is the refined Hessian itself, uncopied.
        var h = fullHessian
        if n < variables {
            h = Matrix(rows: n, columns: n, repeating: fullHessian[0, 0])
            for (i, f) in live.enumerated() { for (j, g) in live.enumerated() { h[i, j] = fullHessian[f, g] } }
        }
        guard let basis else {
            return try pencilEigenvalues(h: h, metric: metric)
        }
        guard !basis.isEmpty else { return [] }
        let zero = root[0] * S(0)
        var scaled = h
        for i in 0..<n { for j in 0..<n { scaled[i, j] = h[i, j] / (root[i] * root[j]) } }
        let wanted = basis.count
        var restricted = Matrix(rows: wanted, columns: wanted, repeating: zero)
        let images = basis.map { scaled * $0 }
        for k in 0..<wanted {
            for l in k..<wanted {
                var sum = zero
                for i in 0..<n { sum.add(basis[k][i], times: images[l][i]) }
                restricted[k, l] = sum
                restricted[l, k] = sum
            }
        }
        return try SymmetricEigendecomposition.eigenvalues(symmetric: restricted)
    }
}
