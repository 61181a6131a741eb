import LossModel
import MultiPrecision

/// A critical point and its Hessian spectrum, with every printed digit proved: the whole
/// computation (Newton correction and spectrum) runs at two precisions and only the digits
/// on which both agree are kept (DESIGN.md section 4).
public struct SpectrumReport: Sendable {
    public struct Eigenvalue: Sendable {
        /// Proved digits, or `nil` when not even the sign survives recomputation.
        public let value: String?
        public let sign: Int?
        public let irrep: String
        public let multiplicity: CountPolynomial
        public let multiplicityValue: Double
        /// The value as a `Double`, for ordering and plotting only.
        public let approximateValue: Double
    }

    public let partition: Partition
    public let d: String
    public let k: Double
    public let digits: Int
    public let loss: String
    public let coordinates: [(name: String, value: String)]
    /// Max-norm of the gradient at the point computed at the higher precision.
    public let gradientNorm: String
    /// Why the point is singular, if it is; then there are no eigenvalues.
    public let singular: String?
    public let eigenvalues: [Eigenvalue]
    public let parts: [IsotypicPartStatus]
    public let workingBits: Int
    public let checkBits: Int

    /// Sum of the multiplicities of the negative eigenvalues; `nil` when a sign is not proved
    /// or a part is undefined at this d.
    public var index: Double? {
        guard singular == nil, parts.allSatisfy({ if case .undefined = $0.state { false } else { true } }),
              eigenvalues.allSatisfy({ $0.sign != nil })
        else { return nil }
        return eigenvalues.filter { $0.sign == -1 }.reduce(0) { $0 + $1.multiplicityValue }
    }
}

extension SpectrumReport {
    /// Corrects `seed` to a critical point of the fixed space of `partition` at `d` and
    /// computes its spectrum with `digits` proved digits.
    public static func compute(partition: Partition, seed: [String], d dText: String, digits: Int) throws -> SpectrumReport {
        let model = SpectrumModel(partition)
        let names = model.loss.space.names
        let start = try model.loss.criticalPoint(seed: seed, d: dText)
        let dDouble = start.d
        let workingBits = bits(forDecimalDigits: digits) + 32
        let checkBits = 2 * workingBits
        let runs = try [workingBits, checkBits].map { bits in
            try Run(model: model, start: start.x, d: try BigFloat(parsing: dText, precision: bits), bits: bits)
        }
        let (low, high) = (runs[0], runs[1])
        func proved(_ a: BigFloat, _ b: BigFloat) -> String {
            a.agreeingDigits(with: b, upTo: digits) ?? "undetermined"
        }
        var eigenvalues: [Eigenvalue] = []
        if let lowSpectrum = low.spectrum, let highSpectrum = high.spectrum {
            for (a, b) in zip(lowSpectrum.eigenvalues.byIrrep(), highSpectrum.eigenvalues.byIrrep()) {
                let text = a.value.agreeingDigits(with: b.value, upTo: digits)
                eigenvalues.append(Eigenvalue(
                    value: text, sign: text == nil ? nil : a.value.signum, irrep: a.irrep,
                    multiplicity: a.multiplicity, multiplicityValue: a.multiplicityValue,
                    approximateValue: b.value.doubleValue))
            }
            eigenvalues.sort { $0.approximateValue < $1.approximateValue }
        }
        return SpectrumReport(
            partition: partition, d: dText, k: partition.k.value(at: dDouble), digits: digits,
            loss: proved(low.point.loss, high.point.loss),
            coordinates: zip(names, zip(low.point.x, high.point.x)).map { ($0, proved($1.0, $1.1)) },
            gradientNorm: high.point.gradientNorm.formatted(significantDigits: 2),
            singular: low.singular ?? high.singular, eigenvalues: eigenvalues,
            parts: low.spectrum?.parts ?? [], workingBits: workingBits, checkBits: checkBits)
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
    /// Eigenvalues grouped by irrep (in name order), ascending within each, so that two
    /// computations of one spectrum pair up even when close values change order. The order of
    /// the groups must not depend on the values: at the global minimum W = V eigenvalues of
    /// different irreps coincide (1/4 - 1/(2 pi) in two of them), and an order by first
    /// appearance would then pair one irrep's values with another's.
    func byIrrep<S: Scalar>() -> [SpectrumEigenvalue<S>] where Element == SpectrumEigenvalue<S> {
        var groups: [String: [SpectrumEigenvalue<S>]] = [:]
        for e in self { groups[e.irrep, default: []].append(e) }
        return groups.keys.sorted().flatMap { (groups[$0] ?? []).sorted { $0.value < $1.value } }
    }
}
