import Continuation
import LossModel
import MultiPrecision

extension FamilyTrace {
    /// Locates a fold, branch point or transition to `digits` proved digits: the event is
    /// located by the continuation engine at two precisions (``PrecisionPolicy/location(digits:)``
    /// and twice that) and only agreeing digits are kept; for a transition or a branch point the
    /// crossing eigenvalue must also have opposite signs one unit of the last digit below and
    /// above the printed d, or a digit is dropped (docs/design.md section 6). Each precision's
    /// location starts from the one below (``PrecisionPolicy/locationLadder(digits:)``, then the
    /// check precision): its bracket, widened until the event function changes sign at the new
    /// precision and refined there to the new tolerance, is a sign change of its own, found in a
    /// few samples rather than from the sweep.
    ///
    /// With `concurrently`, the check precision's location runs beside the working precision's
    /// sign check, which starts from d as full agreement would print it; when the check agrees
    /// on other digits than that, the sign check runs again on them, so the result is the same
    /// bytes either way.
    ///
    /// `onRung` is handed each rung's location as soon as it is found, the working precision's
    /// included, for work that needs the event only to fewer digits than a rung has (the
    /// `transitions` report's branch column, ``PrecisionPolicy/locationLadder(digits:)``).
    public func locate(
        _ located: FamilyEvent, digits: Int, settings: LocationSettings = LocationSettings(), concurrently: Bool = false,
        onRung: (LocatedEvent<BigFloat>) -> Void = { _ in }
    ) throws -> LocatedFamilyEvent {
        let (result, engine, watched, part, crossing) = try locator(for: located)
        let model = problem.model
        // Up the precision ladder to the working precision, then once more at the check precision.
        let rungs = PrecisionPolicy.locationLadder(digits: digits)
        var low: LocatedEvent<BigFloat> = try engine.locate(
            event: watched, in: result, precision: PrecisionPolicy.location(digits: rungs[0]), digits: rungs[0],
            settings: settings, concurrently: concurrently)
        onRung(low)
        for rung in rungs.dropFirst() {
            low = try engine.relocate(
                low, in: result, precision: PrecisionPolicy.location(digits: rung), digits: rung, settings: settings,
                concurrently: concurrently)
            onRung(low)
        }
        let check = PrecisionPolicy.check(PrecisionPolicy.location(digits: digits))
        // The check precision's location beside the working precision's sign check (on d as full
        // agreement would print it) and critical point. Each piece keeps its outcome, and they
        // are read in the order a sequential run meets them, so that a failure is its failure.
        let working = low
        let (checked, worked) = bothOf(concurrently: concurrently, {
            let high = Result {
                try engine.relocate(
                    working, in: result, precision: check, digits: digits, settings: settings, concurrently: concurrently)
            }
            return (high, high.flatMap { high in Result { try model.loss.criticalPoint(from: high.x, d: high.parameter) } })
        }, {
            // Guessing pays only beside the check; one after the other, the check's d is known.
            let guess = ProvedValue(working.parameter, check: working.parameter, upTo: digits)
            return (
                Result { try model.loss.criticalPoint(from: working.x, d: working.parameter) },
                concurrently
                    ? part.map { part in
                        Result { try checkSigns(from: guess, part: part, crossing: crossing, at: working, concurrently: true) }
                    } : nil)
        })
        let high = try checked.0.get()

        var d = ProvedValue(low.parameter, check: high.parameter, upTo: digits)
        var verified = d.isDetermined
        var signCheck: LocatedFamilyEvent.SignCheck?
        if let part {
            // The guessed run stands when d, dropped as often as it dropped, tries the same
            // decimals; otherwise (or when it failed, or none ran) the sign check runs on d itself.
            let guessed = try? worked.1?.get()
            var replayed = [d]
            while replayed.count < (guessed?.tried.count ?? 0) { replayed.append(replayed[replayed.count - 1].droppingLastDigit()) }
            let outcome: (d: ProvedValue, tried: [String?], check: LocatedFamilyEvent.SignCheck?)
            if let guessed, guessed.tried == replayed.map(\.decimal) {
                outcome = (replayed[replayed.count - 1], guessed.tried, guessed.check)
            } else {
                outcome = try checkSigns(from: d, part: part, crossing: crossing, at: low, concurrently: concurrently)
            }
            d = outcome.d
            verified = verified && outcome.tried.count == 1
            signCheck = outcome.check
        }
        let pointLow = try worked.0.get()
        let pointHigh = try checked.1.get()
        let dValue = high.parameter.doubleValue
        let owner = part ?? .trivial
        let multiplicity = part.flatMap { model.index(of: $0) }.map { model.multiplicity(ofPart: $0) } ?? CountPolynomial(1)
        let kind: LocatedFamilyEvent.Kind
        var foldSide: LocatedFamilyEvent.FoldSide?
        switch located.event.kind {
        case .fold:
            kind = .fold
            let sideDs = [points[located.points.lowerBound].d, points[located.points.upperBound].d]
            foldSide = sideDs.allSatisfy { $0 < dValue } ? .smallerD : .largerD
        case .branchPoint: kind = .branchPoint
        case .testFunction, .touch: kind = .transition
        }
        return LocatedFamilyEvent(
            family: family.name, partition: family.partition, kind: kind, sweepEvent: located,
            d: d, loss: ProvedValue(pointLow.loss, check: pointHigh.loss, upTo: digits), names: model.loss.space.names,
            coordinates: zip(pointLow.x, pointHigh.x).map { ProvedValue($0, check: $1, upTo: digits) },
            part: owner, irrep: part.map { model.name(of: $0) } ?? "trivial", multiplicity: multiplicity,
            multiplicityValue: multiplicity.value(at: dValue), signCheck: signCheck, foldSide: foldSide,
            verified: verified && d.isDetermined, location: high)
    }

    /// `event` located again to `digits` digits, starting from its location (at the precision
    /// ``PrecisionPolicy/location(digits:)`` gives), not from the sweep: what a certificate
    /// needs when it asks for more digits than were printed.
    public func relocate(
        _ event: LocatedFamilyEvent, digits: Int, settings: LocationSettings = LocationSettings()
    ) throws -> LocatedEvent<BigFloat> {
        let (result, engine, _, _, _) = try locator(for: event.sweepEvent)
        return try engine.relocate(
            event.location, in: result, precision: PrecisionPolicy.location(digits: digits), digits: digits, settings: settings)
    }

    /// The sign check of a transition or branch point (docs/design.md section 6): from `d`, the
    /// crossing eigenvalue of `part` (number `crossing` within it) is evaluated one unit of the
    /// last digit below and above, with the critical point re-solved there at the working
    /// precision of `location`; while the signs do not differ, a digit is dropped. Returns the d
    /// it ends with, the decimals of every d it tried (the last is that d's), and the check
    /// that passed, if one did. With `concurrently` the two sides are evaluated on two threads
    /// (the side below's failure is the one thrown when both fail).
    ///
    /// At the working precision: bits(digits + 5) + 64 resolve an eigenvalue of size 10^-digits
    /// with about 24 digits to spare, and cost a third of the check precision.
    private func checkSigns(
        from start: ProvedValue, part: IsotypicPartID, crossing: Int, at location: LocatedEvent<BigFloat>,
        concurrently: Bool
    ) throws -> (d: ProvedValue, tried: [String?], check: LocatedFamilyEvent.SignCheck?) {
        let model = problem.model
        let begin = signCheckStart(location)
        var d = start
        var tried = [d.decimal]
        while let unit = d.unitInLastDigit(precision: location.precision), let centre = d.rounded(precision: location.precision) {
            func side(_ d: BigFloat) throws -> (index: Double, value: BigFloat) {
                let point = try model.loss.criticalPoint(from: begin(d), d: d)
                let spectrum = try model.spectrum(at: point.x, d: d)
                // Ascending within the part, as the whole spectrum is.
                let values = spectrum.eigenvalues.filter { $0.part == part }.map(\.value)
                guard let index = model.index(of: part), values.count == model.eigenvalueCount(ofPart: index),
                    values.indices.contains(crossing)
                else {
                    throw ModelError.undefinedPart(
                        "\(model.name(of: part)) has \(values.count) eigenvalues at d = \(d.doubleValue) in the sign check, not its crossing one (number \(crossing + 1))")
                }
                return (index: spectrum.index, value: values[crossing])
            }
            let (below, above) = bothOf(concurrently: concurrently, { Result { try side(centre - unit) } }, {
                Result { try side(centre + unit) }
            })
            let sides = [try below.get(), try above.get()]
            if sides[0].value.signum * sides[1].value.signum < 0 {
                return (d, tried, .init(
                    indexBelow: sides[0].index, indexAbove: sides[1].index,
                    eigenvalueBelow: sides[0].value, eigenvalueAbove: sides[1].value))
            }
            d = d.droppingLastDigit()
            tried.append(d.decimal)
        }
        return (d, tried, nil)
    }

    /// Where Newton's method at a fixed d near the located point starts, for the sign check.
    /// Normally the located point itself. At or beside a branch point a second branch of
    /// critical points lies about as close to that point as the family does, and Newton from it
    /// could land on either, whose crossing eigenvalues have opposite signs at the same d: the
    /// start then moves along the family, by the slope of the location's bracket (two points of
    /// the family either side of the branch point), which keeps it on the family.
    private func signCheckStart(_ location: LocatedEvent<BigFloat>) -> (BigFloat) -> [BigFloat] {
        switch location.criterion {
        case .branchPointSystem, .atBranchPoint:
            let lower = location.lowerEnd
            let upper = location.upperEnd
            let rise = upper.parameter - lower.parameter
            let slope = zip(upper.x, lower.x).map { ($0 - $1) / rise }
            return { d in zip(location.x, slope).map { $0 + (d - location.parameter) * $1 } }
        case .bracketBelowTolerance, .exactZero:
            return { _ in location.x }
        }
    }

    /// The sweep that saw `located`, and an engine watching only what changes sign there: the
    /// parametrization (a fold), the eigenvalues of the crossing part (a transition) or of the
    /// trivial part (a branch point, whose crossing eigenvalue is the trivial one that changes
    /// sign in its step), with that part and the rank of the crossing eigenvalue within it.
    private func locator(for located: FamilyEvent) throws -> (
        result: ContinuationResult, engine: PseudoArclength<FamilyProblem>, watched: ContinuationEvent,
        part: IsotypicPartID?, rank: Int
    ) {
        guard let result = branches[located.branch] else { throw FollowError(description: "event without a sweep") }
        let event = located.event
        switch event.kind {
        case .fold:
            return (result, PseudoArclength(problem: problem), event, nil, 0)
        case .branchPoint:
            let before = result.points[event.bracket.lowerBound].testFunctionValues
            let after = result.points[event.bracket.upperBound].testFunctionValues
            let crossing = problem.testFunctionParts.indices.first { index in
                problem.testFunctionParts[index].part == .trivial && (before[index] < 0) != (after[index] < 0)
            }
            let engine = PseudoArclength(problem: problem.watching(part: .trivial))
            guard let crossing else { return (result, engine, event, nil, 0) }
            return (result, engine, event, .trivial, problem.testFunctionParts[crossing].rank)
        case let .testFunction(index):
            let (whole, rank) = problem.testFunctionParts[index]
            let watched = ContinuationEvent(kind: .testFunction(index: rank), name: event.name, bracket: event.bracket)
            return (result, PseudoArclength(problem: problem.watching(part: whole)), watched, whole, rank)
        case .touch:
            throw FollowError(description: "a touch is flagged, not located")
        }
    }
}
