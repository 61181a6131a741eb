import Foundation
import LinearAlgebra
import MultiPrecision

/// One coefficient of an expansion Q(d) ~ sum_j c_j d^(-(p0 + j)/2).
public struct SeriesTerm: Sendable {
    /// p0 + j: the term is c d^(-halfPower/2).
    public let halfPower: Int
    /// The best estimate (the higher extrapolation order at the higher precision).
    public let estimate: BigFloat
    /// The proved digits: all the estimates (two extrapolation orders, two precisions) agree on
    /// them; for a coefficient proved zero (``isZero``) nil.
    public let coefficient: ProvedValue?
    /// Proved significant digits (0 for zero or undetermined coefficients).
    public var digits: Int { isZero ? 0 : coefficient?.digits ?? 0 }
    /// True when |c| is proved below 10^-digits of the largest coefficient; ``bound`` bounds it.
    public let isZero: Bool
    /// For a zero coefficient, a bound on |c| (its estimate plus the spread of the estimates).
    public let bound: BigFloat
    public let closedForm: ClosedForm?

    public init(halfPower: Int, estimate: BigFloat, coefficient: ProvedValue?, isZero: Bool, bound: BigFloat, closedForm: ClosedForm?) {
        self.halfPower = halfPower
        self.estimate = estimate
        self.coefficient = coefficient
        self.isZero = isZero
        self.bound = bound
        self.closedForm = closedForm
    }

    /// The power of d as text: "-1", "-3/2", "0", "1/2".
    public var power: String { SeriesTerm.powerText(halfPower) }

    /// The closed form in the `--check` syntax: "0" for a zero coefficient.
    public var closedFormText: String? { isZero ? "0" : closedForm?.text }

    /// |c - closed form|: for a zero coefficient the bound on |c|.
    public var residual: BigFloat? { isZero ? bound : closedForm?.residual }

    public static func powerText(_ halfPower: Int) -> String {
        halfPower % 2 == 0 ? "\(-halfPower / 2)" : "\(-halfPower)/2"
    }
}

/// The expansion of a quantity along a family in powers of d^(-1/2), with proved digits.
public struct SeriesExpansion: Sendable {
    public let quantity: String
    public let terms: [SeriesTerm]
    /// d log|Q| / d log d between the two highest rungs: the measured leading power.
    public let localExponent: Double
    /// The d of the nodes of the reported extrapolation, highest first.
    public let nodes: [DecimalLiteral]
    public let ladder: ProvedLadder
    public let settings: SeriesSettings

    public init(quantity: String, terms: [SeriesTerm], localExponent: Double, nodes: [DecimalLiteral], ladder: ProvedLadder, settings: SeriesSettings) {
        self.quantity = quantity
        self.terms = terms
        self.localExponent = localExponent
        self.nodes = nodes
        self.ladder = ladder
        self.settings = settings
    }

    /// The quantity at the top of the ladder (d = 10^topExponent) to its proved digits, at most
    /// the digits asked for.
    public var topValue: ProvedValue? {
        guard let high = ladder.highValues.last, let low = ladder.lowValues.last else { return nil }
        return ProvedValue(high, check: low, upTo: settings.digits)
    }

    /// The sum of the terms when every nonzero one has a closed form, as an expression for
    /// `--check`, e.g. "(1/2 - 2/pi^2)/d - 32/(3*pi^4)/d^(3/2)".
    public var closedFormExpression: String? {
        var sum: CheckExpression?
        for term in terms where !term.isZero {
            guard var form = term.closedForm?.expression else { return nil }
            var negative = false
            if case let .negated(inner) = form {
                form = inner
                negative = true
            }
            let piece = SeriesExpansion.timesPower(form, term.halfPower)
            if let previous = sum {
                sum = .binary(negative ? .subtract : .add, previous, piece)
            } else {
                sum = negative ? .negated(piece) : piece
            }
        }
        return sum?.description
    }

    /// form * d^(-halfPower/2), written as a division for negative powers.
    static func timesPower(_ form: CheckExpression, _ halfPower: Int) -> CheckExpression {
        guard halfPower != 0 else { return form }
        let magnitude = abs(halfPower)
        let exponent: CheckExpression = magnitude % 2 == 0
            ? .number("\(magnitude / 2)") : .binary(.divide, .number("\(magnitude)"), .number("2"))
        let power: CheckExpression = exponent == .number("1") ? .d : .binary(.power, .d, exponent)
        return .binary(halfPower > 0 ? .divide : .multiply, form, power)
    }
}

/// Expansions of a quantity along a family at large d.
///
/// The family is followed up a ladder of d = 10^m to 10^topExponent at two precisions
/// (``ProvedLadder``). The leading power is read from the two highest rungs (d log|Q| / d log d,
/// which must be within 0.1 of a multiple of 1/2) and divided out; what remains is a series in
/// h = d^(-1/2) whose coefficients Richardson extrapolation on the highest n nodes estimates
/// (``Richardson``). For every n up to ``SeriesSettings/maximumNodes`` three estimates are
/// compared: order n and n + 1 at the high precision, and order n + 1 at the low one; the digits
/// on which all three agree are proved, and the order whose weakest coefficient has the most is
/// reported. A coefficient whose estimates all lie below 10^-digits of the largest coefficient
/// is reported as zero with that bound.
public enum AsymptoticSeries {
    public static func expand(
        _ system: some ParametricSystem, observable: Observable, seed: [DecimalLiteral], seedD: DecimalLiteral, settings: SeriesSettings,
        progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> SeriesExpansion {
        guard settings.terms >= 1 else { throw AsymptoticsError.settings("at least one term is needed") }
        let ladder = try ProvedLadder.compute(
            system, observable: observable, seed: seed, seedD: seedD, topExponent: settings.topExponent,
            neededDigits: settings.neededDigits, progress: progress)
        return try expand(ladder, quantity: observable.name, settings: settings)
    }

    /// The expansion of a quantity already computed along a ladder (``ProvedLadder``).
    public static func expand(_ ladder: ProvedLadder, quantity: String, settings: SeriesSettings) throws -> SeriesExpansion {
        let terms = settings.terms
        guard terms >= 1 else { throw AsymptoticsError.settings("at least one term is needed") }
        // Highest first.
        let nodeIndices = Array(ladder.high.rungs.indices.filter { ladder.high.rungs[$0].exponent != nil }.reversed()
            .prefix(settings.maximumNodes))
        guard nodeIndices.count >= terms + 2 else {
            throw AsymptoticsError.settings(
                "\(terms) terms need at least \(terms + 2) powers of ten between the seed's d and the top of the ladder, 1e\(settings.topExponent); there are \(nodeIndices.count): raise the top")
        }
        let (halfPower, exponent) = try leadingPower(ladder, nodeIndices, quantity: quantity)

        // F = Q d^(p0/2) at the nodes, and h = d^(-1/2), at each precision.
        func scaled(_ ladderAt: Ladder, _ values: [BigFloat]) throws -> (h: [BigFloat], f: [BigFloat]) {
            var hs: [BigFloat] = []
            var fs: [BigFloat] = []
            for i in nodeIndices {
                let root = try BigFloat.sqrt(ladderAt.rungs[i].d)
                hs.append(1 / root)
                fs.append(values[i] * (try BigFloat.pow(root, BigFloat(halfPower, precision: root.precision))))
            }
            return (hs, fs)
        }
        let low = try scaled(ladder.low, ladder.lowValues)
        let high = try scaled(ladder.high, ladder.highValues)
        func fit(_ data: (h: [BigFloat], f: [BigFloat]), _ n: Int) throws -> [BigFloat] {
            Array(try Richardson.coefficients(h: Array(data.h.prefix(n)), values: Array(data.f.prefix(n))).prefix(terms))
        }

        var best: (score: Int, n: Int, terms: [SeriesTerm])?
        var highFits = [Int: [BigFloat]]()
        for n in (terms + 1)...(nodeIndices.count - 1) {
            let lower = try highFits[n] ?? fit(high, n)
            let upper = try fit(high, n + 1)
            highFits[n + 1] = upper
            let check = try fit(low, n + 1)
            let candidate = try verdicts(upper, lower, check, halfPower: halfPower, settings: settings, closedForms: false)
            let score = candidate.map { $0.isZero ? settings.digits : $0.digits }.min() ?? 0
            if best.map({ score > $0.score }) ?? true { best = (score, n, candidate) }
        }
        guard let chosen = best, let upper = highFits[chosen.n + 1] else {
            throw AsymptoticsError.settings("no extrapolation order could be formed")
        }
        let lower = try highFits[chosen.n] ?? fit(high, chosen.n)
        let reported = try verdicts(upper, lower, try fit(low, chosen.n + 1), halfPower: halfPower, settings: settings, closedForms: true)
        guard let leading = reported.first, !leading.isZero, leading.digits >= 1 else {
            throw AsymptoticsError.leadingPower(
                "\(quantity) behaves like d^(\(SeriesTerm.powerText(halfPower))) at the top of the ladder, but its coefficient has no proved digit: raise --max-d or lower --terms")
        }
        return SeriesExpansion(
            quantity: quantity, terms: reported, localExponent: exponent,
            nodes: nodeIndices.prefix(chosen.n + 1).map { ladder.high.rungs[$0].exactD }, ladder: ladder, settings: settings)
    }

    /// p0 with Q ~ d^(-p0/2) from the two highest nodes, and the measured exponent.
    static func leadingPower(_ ladder: ProvedLadder, _ nodes: [Int], quantity: String) throws -> (Int, Double) {
        let (top, next) = (nodes[0], nodes[1])
        let q1 = ladder.highValues[top]
        let q0 = ladder.highValues[next]
        guard q1.signum != 0, q1.signum == q0.signum else {
            throw AsymptoticsError.leadingPower(
                "\(quantity) is zero or changes sign between d = \(ladder.high.rungs[next].exactD) and \(ladder.high.rungs[top].exactD): it has no leading power there")
        }
        let exponent = (AgreeingDigits.log10(q1) - AgreeingDigits.log10(q0))
            / Foundation.log10(ladder.high.rungs[top].d.doubleValue / ladder.high.rungs[next].d.doubleValue)
        let halfPower = Int((-2 * exponent).rounded())
        guard abs(-2 * exponent - Double(halfPower)) <= 0.1 else {
            throw AsymptoticsError.leadingPower(
                "\(quantity) grows like d^\(exponent.formatted3) at d = \(ladder.high.rungs[top].exactD), not like a power d^(k/2): no expansion in powers of d^(-1/2)")
        }
        return (halfPower, exponent)
    }

    /// The terms from three estimates of each coefficient: `best` (order n + 1, high
    /// precision), `lowerOrder` (order n) and `lowerPrecision` (order n + 1, low precision).
    static func verdicts(
        _ best: [BigFloat], _ lowerOrder: [BigFloat], _ lowerPrecision: [BigFloat], halfPower: Int,
        settings: SeriesSettings, closedForms: Bool
    ) throws -> [SeriesTerm] {
        guard let scale = best.map(\.magnitude).max(), scale.signum > 0 else {
            throw AsymptoticsError.leadingPower("every coefficient is zero")
        }
        let precision = best.reduce(64) { max($0, $1.precision) }
        let zeroLevel = scale * BigFloat.powerOfTen(-settings.digits, precision: precision)
        return try best.indices.map { j in
            let spread = BigFloat.maximum((best[j] - lowerOrder[j]).magnitude, (best[j] - lowerPrecision[j]).magnitude)
            let bound = best[j].magnitude + spread
            let power = halfPower + j
            if bound <= zeroLevel {
                return SeriesTerm(
                    halfPower: power, estimate: best[j], coefficient: nil, isZero: true, bound: bound, closedForm: nil)
            }
            let coefficient = ProvedValue(estimates: [best[j], lowerOrder[j], lowerPrecision[j]], upTo: settings.digits)
            let closedForm = closedForms
                ? try ClosedFormSearch.find(best[j], provedDigits: coefficient.digits, basis: settings.basis) : nil
            return SeriesTerm(
                halfPower: power, estimate: best[j], coefficient: coefficient.isDetermined ? coefficient : nil, isZero: false,
                bound: bound, closedForm: closedForm)
        }
    }
}
