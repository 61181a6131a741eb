import Families
import Spurious

/// The points of a trace and its located events in one sequence along the family, shared by
/// the CSV and SVG writers so that both put an event between the same two points.
struct DiagramOrder {
    enum Entry {
        case point(Int)
        /// A located event and the index of the trace point just before it (nil for an empty trace).
        case event(LocatedFamilyEvent, after: Int?)
    }

    let entries: [Entry]

    /// Each event sits after the first of the two sweep points that bracket it (the bracket
    /// the sweep saw it in, which the located event keeps).
    init(_ run: FamilyRun) {
        let trace = run.trace
        var byPosition: [Int: [LocatedFamilyEvent]] = [:]
        var unplaced: [LocatedFamilyEvent] = []
        for event in run.located {
            if let position = DiagramOrder.position(of: event, in: trace) {
                byPosition[position, default: []].append(event)
            } else {
                unplaced.append(event)
            }
        }
        var entries = unplaced.sorted { $0.approximateD < $1.approximateD }.map { Entry.event($0, after: nil) }
        for index in trace.points.indices {
            entries.append(.point(index))
            guard let here = byPosition[index] else { continue }
            // Within one bracket, meet the events in the order the curve meets them.
            let increasing = index + 1 >= trace.points.count || trace.points[index + 1].d >= trace.points[index].d
            let sorted = here.sorted { increasing ? $0.approximateD < $1.approximateD : $0.approximateD > $1.approximateD }
            entries += sorted.map { Entry.event($0, after: index) }
        }
        self.entries = entries
    }

    /// The index of the first of the two consecutive points that bracket `event`, nil for a
    /// trace of no points.
    static func position(of event: LocatedFamilyEvent, in trace: FamilyTrace) -> Int? {
        guard trace.points.count > 1 else { return trace.points.isEmpty ? nil : 0 }
        return min(event.sweepEvent.points.lowerBound, trace.points.count - 2)
    }
}
