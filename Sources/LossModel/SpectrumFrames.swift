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
        frames(d: d, parts: Array(parts.indices))
    }

    /// The frames of the listed parts (indices into ``partNames``; the others nil). Parts on
    /// one refined space share its span (``IsotypicPart/span(fine:d:)``): one Gram-Schmidt of
    /// the embedded subspaces for the (n-2,2) and (n-2,1,1) parts, not two.
    func frames<S: Scalar>(d: S, parts selected: [Int]) -> SpectrumFrames<S> {
        let dValue = d.doubleValue
        var frames = [Result<PartFrame<S>, any Error>?](repeating: nil, count: parts.count)
        var spans: [Int: PartSpan<S>] = [:]
        for index in selected {
            let part = parts[index]
            guard part.multiplicity.value(at: dValue) > 0 else { continue }
            frames[index] = Result {
                // A span that failed is not kept: each part then says itself why it has none.
                let span = try spans[part.refined] ?? part.span(fine: refined[part.refined].loss.space, d: d)
                spans[part.refined] = span
                return try part.frame(span: span)
            }
        }
        return SpectrumFrames(d: d, frames: frames)
    }
}
