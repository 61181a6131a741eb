import Families
import LossModel
import MultiPrecision
import Report

/// A family followed and its events located: the work shared by `follow` and `transitions`.
struct FamilyRun {
    let trace: FamilyTrace
    let located: [LocatedFamilyEvent]

    static func follow(
        _ family: Family, to: Double?, maxD: Double, maxSteps: Int, digits: Int, progress: ProgressLine
    ) throws -> FamilyRun {
        let seedD = try Double(parsing: family.seedD, precision: 53)
        let options: FollowOptions
        if let to {
            options = FollowOptions(lower: to < seedD ? to : nil, upper: to > seedD ? to : nil, maxSteps: maxSteps)
        } else {
            options = FollowOptions(lower: nil, upper: maxD > seedD ? maxD : nil, maxSteps: maxSteps)
        }
        progress.show("following \(family.name) from d = \(family.seedD)")
        let trace: FamilyTrace
        do {
            trace = try family.follow(options) { d, count in
                progress.show("following \(family.name): d = \(d.formatted(significantDigits: 6)), \(count) points")
            }
        } catch let error as FollowError {
            throw CLIError("\(family.name): \(error)")
        } catch let error as ModelError {
            throw CLIError("\(family.name): \(error)")
        }
        let locatable = trace.events.filter(\.event.isLocatable)
        var located: [LocatedFamilyEvent] = []
        for (i, event) in locatable.enumerated() {
            progress.show("\(family.name): locating \(event.event.name) \(i + 1)/\(locatable.count) to \(digits) digits")
            do {
                located.append(try trace.locate(event, digits: digits))
            } catch {
                throw CLIError("\(family.name): could not locate the \(event.event) near d = \(trace.points[event.points.lowerBound].d.formatted(significantDigits: 6)): \(error)")
            }
        }
        return FamilyRun(trace: trace, located: located)
    }

    /// One line on where the family was followed and why each branch stopped.
    func note() -> String {
        let ds = trace.points.map(\.d)
        var text = "\(trace.family.name): followed from d = \((ds.min() ?? .nan).formatted(significantDigits: 8)) to \((ds.max() ?? .nan).formatted(significantDigits: 8)) (\(trace.points.count) points)"
        if let lower = trace.lowerStop { text += "; down: \(lower)" }
        if let upper = trace.upperStop { text += "; up: \(upper)" }
        return text
    }

    /// What `follow` prints: where the family went, why it stopped, and its events.
    func summary() -> String {
        let ds = trace.points.map(\.d)
        var out = "family  \(trace.family.name) (partition \(trace.family.partition), seed at d = \(trace.family.seedD))\n"
        out += "points  \(trace.points.count), d from \((ds.min() ?? .nan).formatted(significantDigits: 8)) to \((ds.max() ?? .nan).formatted(significantDigits: 8))\n"
        if let lower = trace.lowerStop { out += "down    \(lower)\n" }
        if let upper = trace.upperStop { out += "up      \(upper)\n" }
        let touches = trace.events.filter { if case .touch = $0.event.kind { true } else { false } }
        out += "\n" + TransitionsReport(events: located).table()
        for touch in touches {
            let point = trace.points[touch.points.lowerBound]
            out += "touch: \(touch.event.name) comes close to zero near d = \(point.d.formatted(significantDigits: 6)) without changing sign\n"
        }
        return out
    }

    func write(csv path: String) throws {
        try AtomicFile.write(DiagramCSV.render(trace, events: located), to: path)
    }

    func write(svg path: String, quantity: DiagramQuantity) throws {
        try AtomicFile.write(DiagramSVG.render(trace, events: located, quantity: quantity), to: path)
    }
}
