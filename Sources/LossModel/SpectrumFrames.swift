import MultiPrecision

/// The part of a spectrum that depends on d alone (docs/design.md section 3): for every
/// isotypic part present at d, the refined variables that fill entries, the metric, and the
/// orthonormal basis of the part's vectors, which a Gram-Schmidt builds. In MPFR that
/// Gram-Schmidt is about half of a spectrum's cost, and every point at one d (the points of a
/// search, their polish) has the same one: built once, it is reused, and every eigenvalue comes
/// out bit for bit as without it.
public struct SpectrumFrames<S: Scalar>: Sendable {
    /// The d they were built at.
    let d: S
    /// Per part of the model: nil where its multiplicity is <= 0 at d, else its frame or why
    /// it has none.
    let frames: [Result<PartFrame<S>, any Error>?]

    /// True for the d (value and precision) they were built at.
    func isBuilt(at other: S) -> Bool { other.precision == d.precision && other == d }
}

extension SpectrumModel {
    /// The frames of every part at `d`, for ``spectrum(at:d:parts:frames:)`` at points of that d.
    public func frames<S: Scalar>(d: S) -> SpectrumFrames<S> {
        let dValue = d.doubleValue
        return SpectrumFrames(d: d, frames: parts.map { part in
            guard part.multiplicity.value(at: dValue) > 0 else { return nil }
            return Result { try part.frame(fine: refined[part.refined].loss.space, d: d) }
        })
    }
}
