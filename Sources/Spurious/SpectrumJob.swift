import Asymptotics
import Certification
import LossModel
import MultiPrecision

/// A critical point and its Hessian spectrum, every value with proved digits: the whole
/// computation (Newton correction and spectrum) runs at two precisions and only the digits on
/// which both agree are kept (docs/design.md section 6).
public struct SpectrumResult: Sendable {
    public struct Eigenvalue: Sendable {
        public let value: ProvedValue
        public let part: IsotypicPartID
        public let irrep: String
        public let multiplicity: CountPolynomial
        public let multiplicityValue: Double

        public init(value: ProvedValue, part: IsotypicPartID, irrep: String, multiplicity: CountPolynomial, multiplicityValue: Double) {
            self.value = value
            self.part = part
            self.irrep = irrep
            self.multiplicity = multiplicity
            self.multiplicityValue = multiplicityValue
        }

        /// -1, 0 or 1 when proved (the sign is its first proved digit), nil otherwise.
        public var sign: Int? { value.isDetermined ? value.value.signum : nil }
    }

    public let partition: Partition
    public let d: DecimalLiteral
    public let k: Double
    public let digits: Int
    public let loss: ProvedValue
    public let names: [String]
    public let coordinates: [ProvedValue]
    /// Max-norm of the gradient at the point computed at the higher precision; nil at a zero
    /// row, where there is no gradient.
    public let gradientNorm: BigFloat?
    /// Why the point is singular (a zero row), if it is; then there are no eigenvalues.
    public let singular: String?
    /// Which global minimum the point is, when the student network fits the teacher there
    /// exactly (docs/design.md section 1).
    public let globalMinimum: ExactFit.Kind?
    /// Set when the point is a critical point with one row split in two (``RowSplit``): where
    /// it comes from and the index it had.
    public let split: SplitOrigin?
    /// Ascending.
    public let eigenvalues: [Eigenvalue]
    public let parts: [IsotypicPartStatus]
    public let workingBits: Int
    public let checkBits: Int

    public init(
        partition: Partition, d: DecimalLiteral, k: Double, digits: Int, loss: ProvedValue, names: [String],
        coordinates: [ProvedValue], gradientNorm: BigFloat?, singular: String?, globalMinimum: ExactFit.Kind? = nil,
        split: SplitOrigin? = nil, eigenvalues: [Eigenvalue], parts: [IsotypicPartStatus], workingBits: Int, checkBits: Int
    ) {
        self.partition = partition
        self.d = d
        self.k = k
        self.digits = digits
        self.loss = loss
        self.names = names
        self.coordinates = coordinates
        self.gradientNorm = gradientNorm
        self.singular = singular
        self.globalMinimum = globalMinimum
        self.split = split
        self.eigenvalues = eigenvalues
        self.parts = parts
        self.workingBits = workingBits
        self.checkBits = checkBits
    }

    /// Sum of the multiplicities of the negative eigenvalues; nil when a sign is not proved or a
    /// part is undefined at this d.
    public var index: Double? {
        guard singular == nil else { return nil }
        return SpectrumResult.index(eigenvalues, parts: parts)
    }

    static func index(_ eigenvalues: [Eigenvalue], parts: [IsotypicPartStatus]) -> Double? {
        guard parts.allSatisfy({ if case .undefined = $0.state { false } else { true } }), eigenvalues.allSatisfy({ $0.sign != nil })
        else { return nil }
        return eigenvalues.filter { $0.sign == -1 }.reduce(0) { $0 + $1.multiplicityValue }
    }

    /// Sum of the multiplicities of the eigenvalues proved to be exactly 0.
    public var nullity: Double {
        eigenvalues.filter { $0.sign == 0 }.reduce(0) { $0 + $1.multiplicityValue }
    }
}

/// What `spurious spectrum` is asked: a seed to correct to a critical point at d, given at d
/// itself or at `seedD`, from where the family is carried to d.
public struct SpectrumRequest: Sendable {
    public var partition: Partition
    public var seed: [DecimalLiteral]
    public var d: DecimalLiteral
    /// The d at which the seed is given, when not at d.
    public var seedD: DecimalLiteral?
    public var digits: Int
    /// Report the critical point with one row split in two (``RowSplit``) instead.
    public var split: SplitRequest?

    public init(partition: Partition, seed: [DecimalLiteral], d: DecimalLiteral, seedD: DecimalLiteral? = nil, digits: Int = 20, split: SplitRequest? = nil) {
        self.partition = partition
        self.seed = seed
        self.d = d
        self.seedD = seedD
        self.digits = digits
        self.split = split
    }
}

/// `spurious spectrum`: Newton's method corrects the seed to a critical point of the reduced
/// loss, and the full Hessian spectrum there is computed part by part (docs/design.md section
/// 3), at two precisions; or, with `certify`, proved in interval arithmetic (section 7).
public enum SpectrumJob {
    /// Above this d the seed is corrected in MPFR with tolerances relative to each coordinate
    /// (``ScaledNewton``), not in `Double`: the reduced gradient is a difference of terms of
    /// size d^2, and `Double`'s Newton stalls on its rounding (from about d = 1e4 for the
    /// catalog's families).
    public static let doubleCorrectionLimit = 1e3

    /// `progress` is told each precision before its point and spectrum are computed.
    public static func run(_ request: SpectrumRequest, progress: some ProgressObserver = NoProgress()) throws -> SpectrumResult {
        let model = SpectrumModel(request.partition)
        guard request.seed.count == model.loss.space.dimension else {
            throw ModelError.wrongNumberOfValues(expected: model.loss.space.names, got: request.seed.count)
        }
        try request.partition.validate(d: request.d)
        let workingBits = PrecisionPolicy.recomputation(digits: request.digits, d: request.d.double)
        let checkBits = PrecisionPolicy.check(workingBits)
        let start: [BigFloat]
        do {
            start = try startingPoint(request, model: model, precision: workingBits)
        } catch let error as ModelError where error.isZeroRow {
            // A zero row has no gradient: if the loss is zero there it is a global minimum of
            // a larger network (an extra student switched off), and the loss is what is defined.
            guard case let .zeroRow(block) = error, let result = zeroRowMinimum(request, model: model, block: block, bits: workingBits)
            else { throw error }
            return result
        }
        let (low, high) = try PrecisionPolicy.recomputed(working: workingBits) { bits in
            progress.report(.spectrum(partition: request.partition, bits: bits))
            return try Run(model: model, start: start, d: request.d.value(precision: bits), bits: bits)
        }
        let fit = ExactFit.recognize(high.point.x, space: model.loss.space, d: request.d.value(precision: checkBits), tolerance: fitTolerance(workingBits))
        if let split = request.split {
            return try splitRow(request, split, model: model, low: low, high: high, bits: workingBits)
        }
        var eigenvalues = provedEigenvalues(low.spectrum, high.spectrum, order: model.partIDs, digits: request.digits)
        if case let .sharedTeacher(nullity) = fit?.kind {
            eigenvalues = exactZeros(eigenvalues, nullity: nullity.value(at: request.d.double), tolerance: fitTolerance(workingBits))
        }
        return SpectrumResult(
            partition: request.partition, d: request.d, k: request.partition.k.value(at: request.d.double), digits: request.digits,
            loss: fit != nil ? ProvedValue(exact: BigFloat(0), decimal: "0") : ProvedValue(low.point.loss, check: high.point.loss, upTo: request.digits),
            names: model.loss.space.names,
            coordinates: zip(low.point.x, high.point.x).map { ProvedValue($0, check: $1, upTo: request.digits) },
            gradientNorm: high.point.gradientNorm, singular: low.singular ?? high.singular, globalMinimum: fit?.kind,
            eigenvalues: eigenvalues.map(\.0), parts: low.spectrum?.parts ?? [], workingBits: workingBits, checkBits: checkBits)
    }

    /// The eigenvalues computed at two precisions, paired part by part and proved, ascending
    /// (with the higher precision's value as a `Double`, for ordering); none when either
    /// spectrum is missing (a zero row).
    static func provedEigenvalues(
        _ low: Spectrum<BigFloat>?, _ high: Spectrum<BigFloat>?, order: [IsotypicPartID], digits: Int
    ) -> [(SpectrumResult.Eigenvalue, Double)] {
        guard let low, let high else { return [] }
        var eigenvalues = zip(low.eigenvalues.byPart(order), high.eigenvalues.byPart(order)).map { a, b in
            (SpectrumResult.Eigenvalue(
                value: ProvedValue(a.value, check: b.value, upTo: digits), part: a.part, irrep: a.irrep,
                multiplicity: a.multiplicity, multiplicityValue: a.multiplicityValue), b.value.doubleValue)
        }
        eigenvalues.sort { $0.1 < $1.1 }
        return eigenvalues
    }

    /// The point Newton's method starts from at each precision: the seed carried from its d
    /// along the family (in MPFR, in log d, either way), or corrected at d in `Double` (up to
    /// ``doubleCorrectionLimit``) or in MPFR with relative tolerances (beyond).
    static func startingPoint(_ request: SpectrumRequest, model: SpectrumModel, precision: Int) throws -> [BigFloat] {
        let system = ReducedGradient(model.loss)
        if let seedD = request.seedD, seedD.double != request.d.double {
            try request.partition.validate(d: seedD)
            return try Ladder.reach(system, seed: request.seed, seedD: seedD, target: request.d, precision: precision).x
        }
        if request.d.double <= doubleCorrectionLimit {
            return try model.loss.criticalPoint(seed: request.seed, d: request.d).x.map { BigFloat($0) }
        }
        return try ScaledNewton.solve(system, from: request.seed.map { $0.value(precision: precision) }, d: request.d.value(precision: precision)).x
    }

    /// How close a computed point must come to an exact fit (``ExactFit``) to be taken for it:
    /// half the working digits. Newton's method lands within rounding of a critical point, and
    /// two critical points this close together would be one degenerate point.
    static func fitTolerance(_ bits: Int) -> BigFloat {
        BigFloat.epsilon(precision: max(2, bits / 2))
    }

    /// At a shared teacher the Hessian has an exact kernel of dimension `nullity`
    /// (``ExactFit/Kind/sharedTeacher(nullity:)``): the eigenvalues within tolerance of 0 at
    /// both precisions are it when their multiplicities add up to exactly that, and are then
    /// exactly 0; otherwise they stay as computed (undetermined).
    static func exactZeros(_ eigenvalues: [(SpectrumResult.Eigenvalue, Double)], nullity: Double, tolerance: BigFloat) -> [(SpectrumResult.Eigenvalue, Double)] {
        let isSmall = { (e: SpectrumResult.Eigenvalue) -> Bool in
            guard case let .recomputation(working, check) = e.value.evidence else { return false }
            return working.magnitude <= tolerance && check.magnitude <= tolerance
        }
        let zeros = eigenvalues.filter { isSmall($0.0) }
        guard abs(zeros.reduce(0) { $0 + $1.0.multiplicityValue } - nullity) < 1e-9 else { return eigenvalues }
        return eigenvalues.map { entry in
            guard isSmall(entry.0) else { return entry }
            let e = entry.0
            return (SpectrumResult.Eigenvalue(value: ProvedValue(exact: BigFloat(0), decimal: "0"), part: e.part, irrep: e.irrep, multiplicity: e.multiplicity, multiplicityValue: e.multiplicityValue), 0)
        }
    }

    /// The result at a zero row where the other rows fit the teacher (``ExactFit``): loss 0,
    /// the coordinates as given, nothing else (no gradient, no spectrum); nil when they do not.
    static func zeroRowMinimum(_ request: SpectrumRequest, model: SpectrumModel, block: Int, bits: Int) -> SpectrumResult? {
        let check = PrecisionPolicy.check(bits)
        let seed = request.seed.map { $0.value(precision: check) }
        guard case let .zeroRows(blocks)? = ExactFit.recognize(seed, space: model.loss.space, d: request.d.value(precision: check), tolerance: fitTolerance(bits))?.kind
        else { return nil }
        return SpectrumResult(
            partition: request.partition, d: request.d, k: request.partition.k.value(at: request.d.double), digits: request.digits,
            loss: ProvedValue(exact: BigFloat(0), decimal: "0"), names: model.loss.space.names,
            coordinates: request.seed.map { ProvedValue(exact: $0.value(precision: bits), decimal: $0.text) },
            gradientNorm: nil, singular: "\(ModelError.zeroRow(block: block))", globalMinimum: .zeroRows(blocks: blocks),
            eigenvalues: [], parts: [], workingBits: bits, checkBits: check)
    }

    /// `spectrum --certify`: the point and its spectrum as enclosures, or which step of the
    /// proof could not be done (``CertificationGaveUp``).
    public static func certify(_ request: SpectrumRequest) throws -> PointCertificate {
        try PointCertifier.certify(
            model: SpectrumModel(request.partition), seed: request.seed, d: request.d, digits: request.digits)
    }

    /// One computation at one precision.
    struct Run {
        let point: CriticalPoint<BigFloat>
        let spectrum: Spectrum<BigFloat>?
        let singular: String?

        init(model: SpectrumModel, start: [BigFloat], d: BigFloat, bits: Int) throws {
            point = try Run.polish(model: model, start: start.map { $0.rounded(toPrecision: bits) }, d: d)
            do {
                spectrum = try model.spectrum(at: point.x, d: d)
                singular = nil
            } catch let error as ModelError where error.isZeroRow {
                spectrum = nil
                singular = "\(error)"
            }
        }
    }
}

extension SpectrumJob.Run {
    /// Newton's method at this precision: with an absolute tolerance on the gradient up to
    /// ``SpectrumJob/doubleCorrectionLimit``, relative to each coordinate beyond, where the
    /// gradient is a difference of terms of size d^2 and never falls below their rounding.
    static func polish(model: SpectrumModel, start: [BigFloat], d: BigFloat) throws -> CriticalPoint<BigFloat> {
        guard d.doubleValue > SpectrumJob.doubleCorrectionLimit else { return try model.loss.criticalPoint(from: start, d: d) }
        let solution = try ScaledNewton.solve(ReducedGradient(model.loss), from: start, d: d)
        let gradient = try model.loss.gradient(at: solution.x, d: d)
        let norm = gradient.gradient.map(\.magnitude).reduce(BigFloat(0, precision: d.precision), BigFloat.maximum)
        return CriticalPoint(x: solution.x, d: d, loss: gradient.value, gradientNorm: norm, iterations: solution.iterations)
    }
}

extension Array {
    /// Eigenvalues grouped by part, in the model's order of parts, ascending within each, so
    /// that two computations of one spectrum pair up even when values of different parts
    /// coincide (at a point whose isotropy is larger than the fixed space's, eigenvalues of
    /// different parts are exactly equal, and their order in the sorted spectrum is rounding).
    func byPart<S: Scalar>(_ order: [IsotypicPartID]) -> [SpectrumEigenvalue<S>] where Element == SpectrumEigenvalue<S> {
        let groups = Dictionary(grouping: self, by: \.part)
        return order.flatMap { (groups[$0] ?? []).sorted { $0.value < $1.value } }
    }
}
