import MultiPrecision

/// A found critical point with proved digits: Newton's method and the spectrum are recomputed
/// in ``BigFloat`` at two precisions and only the digits on which both agree are kept
/// (DESIGN.md section 4), as `spurious spectrum` does.
public struct PolishedCriticalPoint: Sendable {
    public let point: FoundCriticalPoint
    public let loss: String
    public let coordinates: [(name: String, value: String)]
    /// The smallest eigenvalue's proved digits; nil at a global minimum or where the spectrum
    /// cannot be computed, "undetermined" when not even its sign is proved.
    public let minEigenvalue: String?
    /// False when Newton's method failed in `BigFloat` (a degenerate point): the texts are then
    /// the `Double` values of the search to 8 significant digits, not proved.
    public let proved: Bool
    public let workingBits: Int
    public let checkBits: Int
}

extension CriticalPointSearch {
    /// `point` (found at the `Double` nearest to `d`) corrected at `d` read from its decimal
    /// text, to `digits` proved digits. A global minimum keeps its exact integer coordinates; its
    /// loss is "0" once it is below 2^(16 - bits) at both precisions. Throws when `d` is not a
    /// decimal number.
    public func polish(_ point: FoundCriticalPoint, d dText: String, digits: Int) throws -> PolishedCriticalPoint {
        let workingBits = bits(forDecimalDigits: digits) + 32
        let checkBits = 2 * workingBits
        let names = model.loss.space.names
        func proved(_ a: BigFloat, _ b: BigFloat) -> String {
            a.agreeingDigits(with: b, upTo: digits) ?? "undetermined"
        }
        func unproved() -> PolishedCriticalPoint {
            let text = { (x: Double) in x.formatted(significantDigits: min(digits, 8)) }
            return PolishedCriticalPoint(
                point: point, loss: text(point.loss), coordinates: zip(names, point.x.map(text)).map { ($0, $1) },
                minEigenvalue: point.minEigenvalue.map(text), proved: false, workingBits: workingBits, checkBits: checkBits)
        }

        if point.label == .globalMinimum {
            let losses = try [workingBits, checkBits].map { bits in
                let x = point.x.map { BigFloat($0, precision: bits) }
                return try model.loss.evaluate(x, d: try BigFloat(parsing: dText, precision: bits), order: .value).value
            }
            let zero = zip(losses, [workingBits, checkBits]).allSatisfy { loss, bits in
                loss.magnitude <= BigFloat.epsilon(precision: bits) * BigFloat(1 << 16)
            }
            return PolishedCriticalPoint(
                point: point, loss: zero ? "0" : proved(losses[0], losses[1]),
                coordinates: zip(names, point.x.map { Int(exactly: $0).map(String.init) ?? "\($0)" }).map { ($0, $1) },
                minEigenvalue: nil, proved: true, workingBits: workingBits, checkBits: checkBits)
        }

        let scale = point.x.reduce(1) { max($0, abs($1)) }
        var runs: [(point: CriticalPoint<BigFloat>, smallest: BigFloat?)] = []
        for bits in [workingBits, checkBits] {
            let d = try BigFloat(parsing: dText, precision: bits)
            guard let corrected = try? model.loss.criticalPoint(from: point.x.map { BigFloat($0, precision: bits) }, d: d),
                  zip(corrected.x, point.x).allSatisfy({ abs($0.doubleValue - $1) <= CriticalPointSearch.duplicateTolerance * scale })
            else { return unproved() }
            runs.append((corrected, (try? model.spectrum(at: corrected.x, d: d))?.smallest?.value))
        }
        let (low, high) = (runs[0], runs[1])
        var minEigenvalue: String?
        if let a = low.smallest, let b = high.smallest { minEigenvalue = proved(a, b) }
        return PolishedCriticalPoint(
            point: point, loss: proved(low.point.loss, high.point.loss),
            coordinates: zip(names, zip(low.point.x, high.point.x).map(proved)).map { ($0, $1) },
            minEigenvalue: minEigenvalue, proved: true, workingBits: workingBits, checkBits: checkBits)
    }
}
