/// What an expansion in powers of d^(-1/2) is asked for.
public struct SeriesSettings: Sendable {
    /// Coefficients wanted, the leading one included.
    public var terms: Int
    /// Significant digits wanted per coefficient (fewer are shown when fewer are proved).
    public var digits: Int
    /// The ladder ends at d = 10^topExponent.
    public var topExponent: Int
    public var basis: ClosedFormBasis

    public init(terms: Int = 4, digits: Int = 30, topExponent: Int = 30, basis: ClosedFormBasis) {
        self.terms = terms
        self.digits = digits
        self.topExponent = topExponent
        self.basis = basis
    }

    /// Relative digits each node value needs: the digits wanted, plus log10(1/h_min) for each
    /// power of h = d^(-1/2) that the last coefficient is divided by (``Richardson``), plus a
    /// margin.
    var neededDigits: Int {
        digits + (terms - 1) * (topExponent + 1) / 2 + 5
    }

    /// Nodes offered to the extrapolation: enough beyond `terms` for the truncation error to
    /// fall below the digits asked, which two consecutive orders then show.
    var maximumNodes: Int { terms + 12 }
}
