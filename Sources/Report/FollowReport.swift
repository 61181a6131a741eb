import Families
import Spurious

/// What `spurious follow` prints about one family: where it went, why each direction stopped,
/// and its events.
public enum FollowReport {
    /// One line on where the family was followed and why each branch stopped (a note under the
    /// `transitions` table).
    public static func note(_ run: FamilyRun) -> String {
        let trace = run.trace
        let ds = trace.points.map(\.d)
        return note(
            name: trace.family.name, from: ds.min() ?? .nan, to: ds.max() ?? .nan, points: trace.points.count,
            lowerStop: trace.lowerStop, upperStop: trace.upperStop)
    }

    /// The same line for a family of the atlas, by its name there.
    public static func note(_ family: AtlasFamily, _ followed: AtlasFollowed) -> String {
        note(
            name: family.name, from: followed.from, to: followed.to, points: followed.points, lowerStop: followed.lowerStop,
            upperStop: followed.upperStop)
    }

    static func note(name: String, from: Double, to: Double, points: Int, lowerStop: FamilyStop?, upperStop: FamilyStop?) -> String {
        var text = "\(name): followed from d = \(from.formatted(significantDigits: 8)) to \(to.formatted(significantDigits: 8)) (\(points) points)"
        if let lower = lowerStop { text += "; down: \(Words.stop(lower))" }
        if let upper = upperStop { text += "; up: \(Words.stop(upper))" }
        return text
    }

    /// The family, its range and stop reasons, the table of its events and its touches.
    public static func summary(_ run: FamilyRun) -> String {
        let trace = run.trace
        let ds = trace.points.map(\.d)
        var out = "family  \(trace.family.name) (partition \(trace.family.partition), seed at d = \(trace.family.seedD))\n"
        out += "points  \(trace.points.count), d from \((ds.min() ?? .nan).formatted(significantDigits: 8)) to \((ds.max() ?? .nan).formatted(significantDigits: 8))\n"
        if let lower = trace.lowerStop { out += "down    \(Words.stop(lower))\n" }
        if let upper = trace.upperStop { out += "up      \(Words.stop(upper))\n" }
        out += "\n" + TransitionsReport(events: run.events).table()
        for touch in trace.events where touch.isTouch {
            let point = trace.points[touch.points.lowerBound]
            out += "touch: \(touch.event.name) comes close to zero near d = \(point.d.formatted(significantDigits: 6)) without changing sign\n"
        }
        return out
    }
}
