import LossModel
import MultiPrecision

/// `spectrum --split-row BLOCK[:ALPHA]`: which row to split, and how.
public struct SplitRequest: Sendable, Equatable {
    /// The block a row is taken from (0 for the first).
    public var block: Int
    /// The share alpha of the split row; the new row has 1 - alpha. Strictly between 0 and 1.
    public var alpha: DecimalLiteral

    public init(block: Int, alpha: DecimalLiteral) {
        self.block = block
        self.alpha = alpha
    }
}

/// Where a split critical point comes from: the point of k students, its partition and index.
public struct SplitOrigin: Sendable {
    public let partition: Partition
    public let block: Int
    public let alpha: DecimalLiteral
    /// The index of the point before the split; nil when a sign is not proved.
    public let index: Double?

    public init(partition: Partition, block: Int, alpha: DecimalLiteral, index: Double?) {
        self.partition = partition
        self.block = block
        self.alpha = alpha
        self.index = index
    }
}

extension SpectrumJob {
    /// The critical point `low`/`high` (at two precisions) with one row of `split.block`
    /// split into alpha w and (1 - alpha) w: a critical point of k + 1 students with the same
    /// loss (``RowSplit``), reported in its own fixed space with its full spectrum. Moving
    /// weight between the two new rows keeps it critical (a curve of critical points through
    /// alpha), so its Hessian has an exact zero eigenvalue there; the gradient is recomputed
    /// in the new space, an independent check that the split point is critical.
    static func splitRow(
        _ request: SpectrumRequest, _ split: SplitRequest, model: SpectrumModel, low: Run, high: Run, bits workingBits: Int
    ) throws -> SpectrumResult {
        guard split.alpha.double > 0, split.alpha.double < 1 else {
            throw ModelError.invalidSplit("alpha = \(split.alpha) must lie strictly between 0 and 1: the two rows alpha w and (1 - alpha) w must both be positive multiples of w, else the network changes")
        }
        let rowSplit = try RowSplit(request.partition, block: split.block)
        try rowSplit.fine.validate(d: request.d)
        let fine = SpectrumModel(rowSplit.fine)
        let origin = SplitOrigin(
            partition: request.partition, block: split.block, alpha: split.alpha,
            index: low.spectrum == nil ? nil : SpectrumResult.index(
                provedEigenvalues(low.spectrum, high.spectrum, order: model.partIDs, digits: request.digits).map(\.0),
                parts: low.spectrum?.parts ?? []))
        let checkBits = PrecisionPolicy.check(workingBits)
        let (lowFine, highFine) = try PrecisionPolicy.recomputed(working: workingBits) { bits in
            let d = request.d.value(precision: bits)
            let x = rowSplit.embed((bits == workingBits ? low : high).point.x, alpha: split.alpha.value(precision: bits))
            let gradient = try fine.loss.gradient(at: x, d: d)
            let norm = gradient.gradient.map(\.magnitude).reduce(BigFloat(0, precision: bits), BigFloat.maximum)
            return (x: x, loss: gradient.value, gradientNorm: norm, spectrum: try fine.spectrum(at: x, d: d))
        }
        let eigenvalues = exactZeros(
            provedEigenvalues(lowFine.spectrum, highFine.spectrum, order: fine.partIDs, digits: request.digits), nullity: 1,
            tolerance: fitTolerance(workingBits))
        return SpectrumResult(
            partition: rowSplit.fine, d: request.d, k: rowSplit.fine.k.value(at: request.d.double), digits: request.digits,
            loss: ProvedValue(lowFine.loss, check: highFine.loss, upTo: request.digits), names: fine.loss.space.names,
            coordinates: zip(lowFine.x, highFine.x).map { ProvedValue($0, check: $1, upTo: request.digits) },
            gradientNorm: highFine.gradientNorm, singular: nil, split: origin,
            eigenvalues: eigenvalues.map(\.0), parts: lowFine.spectrum.parts, workingBits: workingBits, checkBits: checkBits)
    }
}
