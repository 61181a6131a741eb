import Foundation

/// The angle between two vectors and the closed-form Gaussian ReLU kernel built on it
/// (docs/design.md section 1), from their norms and unit vectors.
///
/// Everything the loss, gradient and Hessian need about one pair of rows is a function of
/// these numbers, so the full-space model computes them once per pair.
///
/// The angle comes from Kahan's formula theta = 2 atan2(|wb - vb|, |wb + vb|), not from
/// acos(w.v / (|w||v|)): acos is ill-conditioned at +-1, so a cosine rounded by eps would
/// move theta by sqrt(eps) near parallel and anti-parallel rows, where the Hessian's limits
/// (docs/design.md section 1) are taken. With a = |wb - vb| and b = |wb + vb| (a^2 + b^2 = 4),
/// sin theta = 2ab / (a^2 + b^2) and cos theta = (b^2 - a^2) / (a^2 + b^2) follow without
/// cancellation, and pi - theta = 2 atan2(b, a) is accurate near pi.
struct PairGeometry {
    /// |w|.
    let normW: Double
    /// |v|.
    let normV: Double
    /// cos theta, in [-1, 1] by construction.
    let cosine: Double
    /// theta in [0, pi].
    let angle: Double
    /// pi - theta.
    let supplement: Double
    /// sin theta >= 0.
    let sine: Double

    /// `distance` = |wb - vb| and `sum` = |wb + vb| for the unit vectors wb, vb. A pair with a
    /// zero vector (norm 0) gets theta = pi/2: its kernel value is 0 (the limit), and the
    /// gradient below is then the mean of the gradient over all directions of approach.
    init(normW: Double, normV: Double, distance: Double, sum: Double) {
        self.normW = normW
        self.normV = normV
        guard normW > 0, normV > 0 else {
            cosine = 0
            sine = 1
            angle = Double.pi / 2
            supplement = Double.pi / 2
            return
        }
        let a2 = distance * distance
        let b2 = sum * sum
        let total = a2 + b2
        cosine = (b2 - a2) / total
        sine = 2 * distance * sum / total
        angle = 2 * Foundation.atan2(distance, sum)
        supplement = 2 * Foundation.atan2(sum, distance)
    }

    /// f(w, v) = |w||v| / (2 pi) (sin theta + (pi - theta) cos theta) = E[relu(w.x) relu(v.x)].
    var kernel: Double {
        normW * normV / (2 * Double.pi) * (sine + supplement * cosine)
    }

    /// grad_w f = selfCoefficient * w + partnerCoefficient * v. The first is 0 for w = 0, where
    /// the formula's |v| sin theta w / |w| has no limit.
    var gradientCoefficients: (selfCoefficient: Double, partnerCoefficient: Double) {
        let onSelf = normW > 0 ? normV * sine / (2 * Double.pi * normW) : 0
        return (onSelf, supplement / (2 * Double.pi))
    }
}
