import Foundation

/// The angle between two vectors and the closed-form Gaussian ReLU kernel built on it
/// (docs/design.md section 1), from their norms and inner product.
///
/// Everything the loss, gradient and Hessian need about one pair of rows is a function of
/// these three numbers, so the full-space model computes them once per pair.
struct PairGeometry {
    /// |w|.
    let normW: Double
    /// |v|.
    let normV: Double
    /// cos theta, clamped to [-1, 1]: rounding can push w.v / (|w||v|) just outside, and this
    /// reference code must not turn a harmless rounding into a NaN from acos. Only this
    /// reference clamps: elsewhere a cosine out of range is a symptom to be reported.
    let cosine: Double
    /// theta in [0, pi].
    let angle: Double
    /// sin theta >= 0.
    let sine: Double

    /// A pair with a zero vector gets theta = pi/2: its kernel value is 0 (the limit), and the
    /// gradient below is then the mean of the gradient over all directions of approach.
    init(normW: Double, normV: Double, dot: Double) {
        self.normW = normW
        self.normV = normV
        let product = normW * normV
        cosine = product > 0 ? Swift.min(1, Swift.max(-1, dot / product)) : 0
        angle = Foundation.acos(cosine)
        sine = Foundation.sin(angle)
    }

    /// f(w, v) = |w||v| / (2 pi) (sin theta + (pi - theta) cos theta) = E[relu(w.x) relu(v.x)].
    var kernel: Double {
        normW * normV / (2 * Double.pi) * (sine + (Double.pi - angle) * cosine)
    }

    /// grad_w f = selfCoefficient * w + partnerCoefficient * v. The first is 0 for w = 0, where
    /// the formula's |v| sin theta w / |w| has no limit.
    var gradientCoefficients: (selfCoefficient: Double, partnerCoefficient: Double) {
        let onSelf = normW > 0 ? normV * sine / (2 * Double.pi * normW) : 0
        return (onSelf, (Double.pi - angle) / (2 * Double.pi))
    }
}
