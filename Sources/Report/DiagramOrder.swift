import Families

/// The points of a trace and its located events in one sequence along the family, shared by
/// the CSV and SVG writers so that both put an event between the same two points.
struct DiagramOrder {
    enum Entry {
        case point(Int)
        /// A located event and the index of the trace point just before it (nil for an empty trace).
        case event(LocatedFamilyEvent, after: Int?)
    }

    let entries: [Entry]

    /// Events of other families are left out: they do not lie on this curve.
    init(_ trace: FamilyTrace, events: [LocatedFamilyEvent]) {
        let own = events.filter { $0.family == trace.family.name }
        var byPosition: [Int: [LocatedFamilyEvent]] = [:]
        var unplaced: [LocatedFamilyEvent] = []
        for event in own {
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

    /// The index of the first of the two consecutive points that bracket `event`. A located event
    /// does not record its bracket, so it is matched to the sweep's events of the same kind (a fold
    /// to a fold, a transition to a sign change of its irrep) by the distance from its d to the
    /// bracket's d-interval; with no such sweep event, any consecutive pair may bracket it.
    static func position(of event: LocatedFamilyEvent, in trace: FamilyTrace) -> Int? {
        let points = trace.points
        guard points.count > 1 else { return points.isEmpty ? nil : 0 }
        let matching = trace.events.filter { candidate in
            switch (candidate.event.kind, event.kind) {
            case (.fold, .fold): return true
            case let (.testFunction(index), .transition):
                return trace.partNames.indices.contains(index) && trace.partNames[index] == event.irrep
            default: return false
            }
        }
        let pairs = matching.isEmpty
            ? Array(0..<(points.count - 1))
            : matching.flatMap { Array($0.points.lowerBound..<$0.points.upperBound) }.filter { $0 + 1 < points.count }
        func distance(_ index: Int) -> Double {
            let (a, b) = (points[index].d, points[index + 1].d)
            let x = event.approximateD
            return max(0, min(a, b) - x, x - max(a, b))
        }
        return pairs.min { distance($0) < distance($1) } ?? 0
    }
}
