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
    /// Max-norm of the gradient at the point computed at the higher precision.
    public let gradientNorm: BigFloat
    /// Why the point is singular, if it is; then there are no eigenvalues.
    public let singular: String?
    /// Ascending.
    public let eigenvalues: [Eigenvalue]
    public let parts: [IsotypicPartStatus]
    public let workingBits: Int
    public let checkBits: Int

    public init(
        partition: Partition, d: DecimalLiteral, k: Double, digits: Int, loss: ProvedValue, names: [String],
        coordinates: [ProvedValue], gradientNorm: BigFloat, singular: String?, eigenvalues: [Eigenvalue],
        parts: [IsotypicPartStatus], workingBits: Int, checkBits: Int
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
        self.eigenvalues = eigenvalues
        self.parts = parts
        self.workingBits = workingBits
        self.checkBits = checkBits
    }

    /// Sum of the multiplicities of the negative eigenvalues; nil when a sign is not proved or a
    /// part is undefined at this d.
    public var index: Double? {
        guard singular == nil, parts.allSatisfy({ if case .undefined = $0.state { false } else { true } }),
              eigenvalues.allSatisfy({ $0.sign != nil })
        else { return nil }
        return eigenvalues.filter { $0.sign == -1 }.reduce(0) { $0 + $1.multiplicityValue }
    }
}

/// What `spurious spectrum` is asked: a seed to correct to a critical point at d.
public struct SpectrumRequest: Sendable {
    public var partition: Partition
    public var seed: [DecimalLiteral]
    public var d: DecimalLiteral
    public var digits: Int

    public init(partition: Partition, seed: [DecimalLiteral], d: DecimalLiteral, digits: Int = 20) {
        self.partition = partition
        self.seed = seed
        self.d = d
        self.digits = digits
    }
}

/// `spurious spectrum`: Newton's method corrects the seed to a critical point of the reduced
/// loss, and the full Hessian spectrum there is computed part by part (docs/design.md section
/// 3), at two precisions; or, with `certify`, proved in interval arithmetic (section 7).
public enum SpectrumJob {
    public static func run(_ request: SpectrumRequest) throws -> SpectrumResult {
        let model = SpectrumModel(request.partition)
        let start = try model.loss.criticalPoint(seed: request.seed, d: request.d)
        let workingBits = PrecisionPolicy.recomputation(digits: request.digits)
        let checkBits = PrecisionPolicy.check(workingBits)
        let (low, high) = try PrecisionPolicy.recomputed(working: workingBits) { bits in
            try Run(model: model, start: start.x, d: request.d.value(precision: bits), bits: bits)
        }
        var eigenvalues: [(SpectrumResult.Eigenvalue, Double)] = []
        if let lowSpectrum = low.spectrum, let highSpectrum = high.spectrum {
            let order = model.partIDs
            for (a, b) in zip(lowSpectrum.eigenvalues.byPart(order), highSpectrum.eigenvalues.byPart(order)) {
                eigenvalues.append((SpectrumResult.Eigenvalue(
                    value: ProvedValue(a.value, check: b.value, upTo: request.digits), part: a.part, irrep: a.irrep,
                    multiplicity: a.multiplicity, multiplicityValue: a.multiplicityValue), b.value.doubleValue))
            }
            eigenvalues.sort { $0.1 < $1.1 }
        }
        return SpectrumResult(
            partition: request.partition, d: request.d, k: request.partition.k.value(at: start.d), digits: request.digits,
            loss: ProvedValue(low.point.loss, check: high.point.loss, upTo: request.digits), names: model.loss.space.names,
            coordinates: zip(low.point.x, high.point.x).map { ProvedValue($0, check: $1, upTo: request.digits) },
            gradientNorm: high.point.gradientNorm, singular: low.singular ?? high.singular, eigenvalues: eigenvalues.map(\.0),
            parts: low.spectrum?.parts ?? [], workingBits: workingBits, checkBits: checkBits)
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

        init(model: SpectrumModel, start: [Double], d: BigFloat, bits: Int) throws {
            point = try model.loss.criticalPoint(from: start.map { BigFloat($0, precision: bits) }, d: d)
            do {
                spectrum = try model.spectrum(at: point.x, d: d)
                singular = nil
            } catch let ModelError.singular(what) {
                spectrum = nil
                singular = what
            }
        }
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
