import Continuation
import LossModel
import MultiPrecision

extension FamilyTrace {
    /// Locates a fold or transition to `digits` proved digits: the event is located by the
    /// continuation engine at two precisions (the second twice the first) and only agreeing
    /// digits are kept; for a transition the crossing eigenvalue must also have opposite signs
    /// one unit of the last digit below and above the printed d, or a digit is dropped.
    public func locate(_ located: FamilyEvent, digits: Int) throws -> LocatedFamilyEvent {
        guard let result = branches[located.branch] else { throw FollowError(description: "event without a sweep") }
        let problem = FamilyProblem(family.partition)
        let model = problem.model
        let event = located.event
        let (engine, watched): (PseudoArclength<FamilyProblem>, ContinuationEvent)
        let part: Int?
        var crossing = 0
        switch event.kind {
        case .fold:
            (engine, watched, part) = (PseudoArclength(problem: problem), event, nil)
        case let .testFunction(index):
            let (whole, rank) = problem.testFunctionParts[index]
            let focused = problem.watching(part: whole)
            (engine, watched, part) = (PseudoArclength(problem: focused), ContinuationEvent(kind: .testFunction(index: rank), name: event.name, bracket: event.bracket), whole)
            crossing = rank
        case .touch:
            throw FollowError(description: "a touch is flagged, not located")
        }
        let working = bits(forDecimalDigits: digits + 5) + 64
        let low: LocatedEvent<BigFloat> = try engine.locate(event: watched, in: result, precision: working, digits: digits)
        let high: LocatedEvent<BigFloat> = try engine.locate(event: watched, in: result, precision: 2 * working, digits: digits)

        var dText = low.parameter.agreeingDigits(with: high.parameter, upTo: digits)
        var verified = dText != nil
        var below: (index: Double, value: BigFloat)?
        var above: (index: Double, value: BigFloat)?
        if let part {
            // Shorten d until the crossing eigenvalue changes sign across one unit of its last digit.
            while let text = dText {
                let unit = try DecimalUnit(text).value(precision: high.precision)
                let centre = try BigFloat(parsing: text, precision: high.precision)
                let sides = try [centre - unit, centre + unit].map { d in
                    let point = try model.loss.criticalPoint(from: high.x, d: d)
                    let spectrum = try model.spectrum(at: point.x, d: d)
                    let value = try model.sortedEigenvalues(at: point.x, d: d, parts: [part])[crossing]
                    return (index: spectrum.index, value: value)
                }
                if sides[0].value.signum * sides[1].value.signum < 0 {
                    (below, above) = (sides[0], sides[1])
                    break
                }
                verified = false
                dText = text.droppingLastDigit()
            }
        }
        let pointLow = try model.loss.criticalPoint(from: low.x, d: low.parameter)
        let pointHigh = try model.loss.criticalPoint(from: high.x, d: high.parameter)
        let names = model.loss.space.names
        let dValue = high.parameter.doubleValue
        let irrep = part.map { model.partNames[$0] } ?? "trivial"
        let multiplicity = part.map { model.multiplicity(ofPart: $0) } ?? CountPolynomial(1)
        let direction: String
        if let below, let above {
            direction = FamilyTrace.direction(below: below.index, above: above.index)
        } else {
            let sideDs = [points[located.points.lowerBound].d, points[located.points.upperBound].d]
            direction = sideDs.allSatisfy { $0 < dValue } ? "fold: the family turns back towards smaller d"
                : "fold: the family turns back towards larger d"
        }
        return LocatedFamilyEvent(
            family: family.name, partition: family.partition, kind: part == nil ? .fold : .transition,
            d: dText ?? "undetermined", digits: dText.map(DecimalUnit.significantDigits) ?? 0,
            k: family.partition.k.value(at: dValue),
            loss: pointLow.loss.agreeingDigits(with: pointHigh.loss, upTo: digits) ?? "undetermined",
            coordinates: zip(names, zip(pointLow.x, pointHigh.x)).map {
                ($0, $1.0.agreeingDigits(with: $1.1, upTo: digits) ?? "undetermined")
            },
            irrep: irrep, multiplicity: multiplicity, multiplicityValue: multiplicity.value(at: dValue),
            indexBelow: below?.index, indexAbove: above?.index,
            eigenvalueBelow: below?.value.formatted(significantDigits: 3),
            eigenvalueAbove: above?.value.formatted(significantDigits: 3),
            direction: direction, verified: verified && dText != nil, approximateD: dValue)
    }

    /// "saddle -> minimum" and the like, as d increases through the event.
    static func direction(below: Double, above: Double) -> String {
        func name(_ index: Double) -> String {
            index == 0 ? "minimum" : "saddle (index \(index.formatted(significantDigits: 6)))"
        }
        return "\(name(below)) -> \(name(above))"
    }
}

/// One unit in the last digit of a decimal text such as "5.4321" (1e-4) or "1.2e-30" (1e-31).
struct DecimalUnit {
    /// The unit is 10^exponent.
    let exponent: Int

    init(_ text: String) throws {
        let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = body.split(separator: "e", maxSplits: 1)
        let mantissa = String(parts.first ?? "")
        let shift = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let fraction = mantissa.split(separator: ".", maxSplits: 1)
        let decimals = fraction.count > 1 ? fraction[1].count : 0
        exponent = shift - decimals
    }

    func value(precision: Int) throws -> BigFloat {
        try BigFloat(parsing: "1e\(exponent)", precision: precision)
    }

    /// Significant digits of a decimal text.
    static func significantDigits(_ text: String) -> Int {
        let mantissa = text.split(separator: "e").first.map(String.init) ?? text
        let digits = mantissa.filter(\.isNumber)
        return digits.drop { $0 == "0" }.count
    }
}

extension String {
    /// The same number with one significant digit fewer, correctly rounded ("5.4326" -> "5.433").
    func droppingLastDigit() -> String? {
        let count = DecimalUnit.significantDigits(self)
        guard count > 1, let value = try? BigFloat(parsing: self, precision: bits(forDecimalDigits: count) + 16) else {
            return nil
        }
        return value.formatted(significantDigits: count - 1)
    }
}
