import Foundation
import LinearAlgebra
import MultiPrecision

/// A claimed expansion compared with the quantity along the ladder.
public struct RemainderCheck: Sendable {
    /// One rung of the comparison.
    public struct Row: Sendable {
        public let d: DecimalLiteral
        /// The quantity's proved digits (at most the digits asked for).
        public let value: ProvedValue
        /// The expression at this d (reported to the digits asked for).
        public let expression: BigFloat
        /// Significant digits of the quantity that the expression reproduces, at most the
        /// quantity's proved digits.
        public let agreeingDigits: Int
        /// True when the expression agrees with every proved digit of the quantity (the
        /// agreement may go further).
        public let agreesWithAllProvedDigits: Bool
        /// Q - E to its proved digits (at most 3); nil when it is below what the quantity's
        /// proved digits resolve, in which case ``remainderBound`` bounds it.
        public let remainder: ProvedValue?
        public let remainderBound: BigFloat
        /// d log|Q - E| / d log d from the previous row, when both remainders are proved.
        public let order: Double?

        public init(d: DecimalLiteral, value: ProvedValue, expression: BigFloat, agreeingDigits: Int, agreesWithAllProvedDigits: Bool, remainder: ProvedValue?, remainderBound: BigFloat, order: Double?) {
            self.d = d
            self.value = value
            self.expression = expression
            self.agreeingDigits = agreeingDigits
            self.agreesWithAllProvedDigits = agreesWithAllProvedDigits
            self.remainder = remainder
            self.remainderBound = remainderBound
            self.order = order
        }
    }

    public let quantity: String
    /// As parsed and printed again.
    public let expression: String
    public let rows: [Row]
    public let ladder: ProvedLadder
    /// Significant digits asked for the values and the expression.
    public let digits: Int

    public init(quantity: String, expression: String, rows: [Row], ladder: ProvedLadder, digits: Int) {
        self.quantity = quantity
        self.expression = expression
        self.rows = rows
        self.ladder = ladder
        self.digits = digits
    }

    /// The order of the remainder between the two highest rungs, when measured.
    public var observedOrder: Double? { rows.last?.order }

    /// The observed order rounded to a multiple of 1/2 ("-5/2"), when within 0.05 of one.
    public var observedPower: String? {
        guard let order = observedOrder else { return nil }
        let halfPower = Int((-2 * order).rounded())
        return abs(-2 * order - Double(halfPower)) <= 0.1 ? SeriesTerm.powerText(halfPower) : nil
    }

    /// Follows the family as ``AsymptoticSeries`` does (so that remainders as small as the
    /// last requested term are resolved) and compares at every rung.
    public static func run(
        _ system: some ParametricSystem, observable: Observable, seed: [DecimalLiteral], seedD: DecimalLiteral,
        expression: CheckExpression, settings: SeriesSettings,
        progress: (_ reached: DecimalLiteral, _ bits: Int) -> Void = { _, _ in }
    ) throws -> RemainderCheck {
        let ladder = try ProvedLadder.compute(
            system, observable: observable, seed: seed, seedD: seedD, topExponent: settings.topExponent,
            neededDigits: settings.neededDigits, progress: progress)
        var rows: [Row] = []
        var previous: (d: BigFloat, remainder: BigFloat, proved: Bool)?
        for k in ladder.high.rungs.indices {
            let rung = ladder.high.rungs[k]
            let (qLow, qHigh) = (ladder.lowValues[k], ladder.highValues[k])
            let eLow = try expression.evaluate(d: ladder.low.rungs[k].d, precision: ladder.low.precision)
            let eHigh = try expression.evaluate(d: rung.d, precision: ladder.high.precision)
            let provedDigits = ladder.agreement[k].isFinite ? max(0, Int(ladder.agreement[k].rounded(.down))) : Int.max
            let agreement = AgreeingDigits.relative(eHigh, qHigh)
            let agreeing = agreement.isFinite ? min(max(0, Int(agreement.rounded(.down))), provedDigits) : provedDigits
            let (rLow, rHigh) = (qLow - eLow, qHigh - eHigh)
            // A remainder is resolved when the two precisions agree on a nonzero value.
            let difference = ProvedValue(estimates: [rHigh, rLow], upTo: 3)
            let remainder = rHigh.signum != 0 && difference.isDetermined ? difference : nil
            // What the quantity's proved digits cannot resolve.
            let noise = provedDigits == Int.max
                ? BigFloat(0, precision: 64) : qHigh.magnitude * BigFloat.powerOfTen(-provedDigits, precision: 64)
            let bound = rHigh.magnitude + (rHigh - rLow).magnitude
            var order: Double?
            if let previous, previous.proved, remainder != nil {
                order = (AgreeingDigits.log10(rHigh) - AgreeingDigits.log10(previous.remainder))
                    / Foundation.log10(rung.d.doubleValue / previous.d.doubleValue)
            }
            rows.append(Row(
                d: rung.exactD, value: ProvedValue(qHigh, check: qLow, upTo: settings.digits),
                expression: eHigh, agreeingDigits: agreeing,
                agreesWithAllProvedDigits: agreeing == provedDigits, remainder: remainder,
                remainderBound: remainder == nil ? BigFloat.maximum(bound, noise) : bound, order: order))
            previous = (rung.d, rHigh, remainder != nil)
        }
        return RemainderCheck(
            quantity: observable.name, expression: expression.description, rows: rows, ladder: ladder,
            digits: settings.digits)
    }
}
