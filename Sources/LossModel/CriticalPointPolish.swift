import MultiPrecision

/// A found critical point with proved digits: Newton's method and the spectrum are recomputed
/// in ``BigFloat`` at two precisions and only the digits on which both agree are kept
/// (docs/design.md section 6), as `spurious spectrum` does.
public struct PolishedCriticalPoint: Sendable {
    /// The proved values.
    public struct Proof: Sendable {
        public let loss: ProvedValue
        public let coordinates: [ProvedValue]
        /// The smallest eigenvalue; nil at a global minimum or where the spectrum cannot be
        /// computed.
        public let minEigenvalue: ProvedValue?

        public init(loss: ProvedValue, coordinates: [ProvedValue], minEigenvalue: ProvedValue?) {
            self.loss = loss
            self.coordinates = coordinates
            self.minEigenvalue = minEigenvalue
        }
    }

    public let point: FoundCriticalPoint
    /// Nil when Newton's method failed in `BigFloat` (a degenerate point): only the search's
    /// `Double` values are known then, not proved.
    public let proof: Proof?
    public let workingBits: Int
    public let checkBits: Int

    public init(point: FoundCriticalPoint, proof: Proof?, workingBits: Int, checkBits: Int) {
        self.point = point
        self.proof = proof
        self.workingBits = workingBits
        self.checkBits = checkBits
    }

    public var proved: Bool { proof != nil }
}

/// The spectrum frames (``SpectrumFrames``) at both precisions of a polish at one d: every
/// point of a search shares them.
public struct PolishFrames: Sendable {
    let working: SpectrumFrames<BigFloat>
    let check: SpectrumFrames<BigFloat>
}

extension CriticalPointSearch {
    /// The frames for ``polish(_:d:digits:parts:frames:)`` of points at `d` to `digits`.
    public func polishFrames(d dText: DecimalLiteral, digits: Int) -> PolishFrames {
        let workingBits = PrecisionPolicy.recomputation(digits: digits)
        let frames = PrecisionPolicy.recomputed(working: workingBits) { bits in model.frames(d: dText.value(precision: bits)) }
        return PolishFrames(working: frames.working, check: frames.check)
    }

    /// `point` (found at the `Double` nearest to `d`) corrected at `d` itself, to `digits`
    /// proved digits. A global minimum keeps its exact integer coordinates; its loss is exactly
    /// 0 once it is below 2^(16 - bits) at both precisions. `parts` (indices into the model's
    /// parts) restricts the smallest eigenvalue to those parts, for a caller that knows where it
    /// lies: each part is a refined Hessian and a pencil in MPFR, most of the cost. `frames`
    /// from ``polishFrames(d:digits:)`` save every point after the first a Gram-Schmidt.
    public func polish(
        _ point: FoundCriticalPoint, d dText: DecimalLiteral, digits: Int, parts: [Int]? = nil, frames: PolishFrames? = nil
    ) throws -> PolishedCriticalPoint {
        let workingBits = PrecisionPolicy.recomputation(digits: digits)
        let checkBits = PrecisionPolicy.check(workingBits)
        let unproved = PolishedCriticalPoint(point: point, proof: nil, workingBits: workingBits, checkBits: checkBits)
        if point.label == .globalMinimum {
            let losses = try PrecisionPolicy.recomputed(working: workingBits) { bits in
                try model.loss.value(at: point.x.map { BigFloat($0, precision: bits) }, d: dText.value(precision: bits))
            }
            // Zero to working precision at both precisions: the exact global minimum.
            let zero = [losses.working, losses.check].allSatisfy { loss in
                loss.magnitude <= BigFloat.epsilon(precision: loss.precision) * BigFloat(1 << 16)
            }
            let loss = zero ? ProvedValue(exact: BigFloat(0), decimal: "0") : ProvedValue(losses.working, check: losses.check, upTo: digits)
            let coordinates = point.x.map { x in
                ProvedValue(exact: BigFloat(x), decimal: Int(exactly: x).map(String.init) ?? "\(x)")
            }
            return PolishedCriticalPoint(
                point: point, proof: PolishedCriticalPoint.Proof(loss: loss, coordinates: coordinates, minEigenvalue: nil),
                workingBits: workingBits, checkBits: checkBits)
        }
        let scale = point.x.reduce(1) { max($0, abs($1)) }
        let runs = PrecisionPolicy.recomputed(working: workingBits) { bits -> (point: CriticalPoint<BigFloat>, smallest: BigFloat?)? in
            let d = dText.value(precision: bits)
            guard let corrected = try? model.loss.criticalPoint(from: point.x.map { BigFloat($0, precision: bits) }, d: d),
                  zip(corrected.x, point.x).allSatisfy({ abs($0.doubleValue - $1) <= CriticalPointSearch.duplicateTolerance * scale })
            else { return nil }
            let known = bits == workingBits ? frames?.working : frames?.check
            let spectrum = try? model.spectrum(at: corrected.x, d: d, parts: parts ?? Array(model.partIDs.indices), frames: known)
            return (corrected, spectrum?.smallest?.value)
        }
        guard let low = runs.working, let high = runs.check else { return unproved }
        var minEigenvalue: ProvedValue?
        if let a = low.smallest, let b = high.smallest { minEigenvalue = ProvedValue(a, check: b, upTo: digits) }
        let proof = PolishedCriticalPoint.Proof(
            loss: ProvedValue(low.point.loss, check: high.point.loss, upTo: digits),
            coordinates: zip(low.point.x, high.point.x).map { ProvedValue($0, check: $1, upTo: digits) },
            minEigenvalue: minEigenvalue)
        return PolishedCriticalPoint(point: point, proof: proof, workingBits: workingBits, checkBits: checkBits)
    }
}
