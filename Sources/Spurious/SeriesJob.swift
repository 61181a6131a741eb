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

    public init(family: Family, quantity: SeriesQuantity, settings: SeriesSettings, check: CheckExpression? = nil) {
        self.family = family
        self.quantity = quantity
        self.settings = settings
        self.check = check
    }
}

/// An expansion, or a check of an expression, along a family.
public enum SeriesResult: Sendable {
    case expansion(SeriesExpansion)
    case check(RemainderCheck)
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
        let system = ReducedGradient(model.loss)
        let observable = try Observable(request.quantity, model: model)
        if let check = request.check {
            return .check(try RemainderCheck.run(
                system, observable: observable, seed: seed, seedD: request.family.seedD, expression: check,
                settings: request.settings) { progress.report(.ladder(d: $0, bits: $1)) })
        }
        return .expansion(try AsymptoticSeries.expand(
            system, observable: observable, seed: seed, seedD: request.family.seedD, settings: request.settings
        ) { progress.report(.ladder(d: $0, bits: $1)) })
    }
}
