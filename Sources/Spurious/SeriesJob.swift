import Asymptotics
import Families
import LossModel
import MultiPrecision

/// What `spurious series` is asked: a quantity along a family, expanded or checked against an
/// expression.
public struct SeriesRequest: Sendable {
    public var family: Family
    public var quantity: SeriesQuantity
    public var settings: SeriesSettings
    /// Compare this expression with the quantity instead of expanding it.
    public var check: CheckExpression?
    /// With the whole spectrum: pair each eigenvalue with the global minimum's at every rung.
    public var versusGlobalMinimum: Bool

    public init(family: Family, quantity: SeriesQuantity, settings: SeriesSettings, check: CheckExpression? = nil, versusGlobalMinimum: Bool = false) {
        self.family = family
        self.quantity = quantity
        self.settings = settings
        self.check = check
        self.versusGlobalMinimum = versusGlobalMinimum
    }
}

/// An expansion, or a check of an expression, along a family.
public enum SeriesResult: Sendable {
    case expansion(SeriesExpansion)
    case check(RemainderCheck)
    case spectrum(SpectrumExpansion)
}

/// `spurious series`: the family followed up a ladder of d to 10^top in MPFR, and the quantity
/// expanded in powers of d^(-1/2) with proved digits and closed forms (docs/design.md section 8).
public enum SeriesJob {
    public static func run(_ request: SeriesRequest, progress: some ProgressObserver = NoProgress()) throws -> SeriesResult {
        let model = SpectrumModel(request.family.partition)
        let names = model.loss.space.names
        let seed = request.family.seed
        guard seed.count == names.count else {
            throw AsymptoticsError.settings("\(names.count) seed values expected (\(names.joined(separator: ", "))), got \(seed.count)")
        }
        let report = { (d: DecimalLiteral, bits: Int) in progress.report(.ladder(d: d, bits: bits)) }
        if request.quantity.kind == .spectrum {
            guard request.check == nil else { throw AsymptoticsError.settings("--check compares one quantity: name an eigenvalue, not the whole spectrum") }
            return .spectrum(try SpectrumSeries.expand(
                model, seed: seed, seedD: request.family.seedD, settings: request.settings,
                versusGlobalMinimum: request.versusGlobalMinimum, progress: report))
        }
        guard !request.versusGlobalMinimum else {
            throw AsymptoticsError.settings("--versus global-minimum compares whole spectra: use it with --quantity spectrum")
        }
        let system = ReducedGradient(model.loss)
        let observable = try Observable(request.quantity, model: model)
        if let check = request.check {
            return .check(try RemainderCheck.run(
                system, observable: observable, seed: seed, seedD: request.family.seedD, expression: check,
                settings: request.settings, progress: report))
        }
        return .expansion(try AsymptoticSeries.expand(
            system, observable: observable, seed: seed, seedD: request.family.seedD, settings: request.settings, progress: report))
    }
}
