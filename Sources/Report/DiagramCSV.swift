import Families
import Spurious

/// The bifurcation diagram of a family as CSV: one row per accepted point of the sweep and one
/// per located event, in the order the curve passes them, for plotting in any tool.
public enum DiagramCSV {
    /// Columns: `step,s,d,loss,<coordinates>,min_eigenvalue,index,stability,event,newton_iterations,residual`
    /// then `min_eig:<irrep>` per isotypic part (the part's smallest eigenvalue, in
    /// ``FamilyTrace/partNames`` order), so that a plot can show which part goes soft.
    ///
    /// A point row gives Doubles in Swift's shortest round-trip form; its `event` is empty, or
    /// `touch` on the middle point of a touch (an eigenvalue coming close to zero without a sign
    /// change). An event row (`fold`, `branch point` or `transition`) gives d, loss and
    /// coordinates as their proved digits, `index` as the index just above d, `stability` as
    /// `degenerate` (an eigenvalue is zero there), and leaves `step`, the eigenvalue columns and
    /// the Newton columns empty. Its `s` is only an estimate: the arclength of the sweep point
    /// just before it, since the location solves for d, not for arclength.
    public static func render(_ run: FamilyRun) -> String {
        let trace = run.trace
        let names = trace.names
        var table = CSVTable(headers:
            ["step", "s", "d", "loss"] + names
            + ["min_eigenvalue", "index", "stability", "event", "newton_iterations", "residual"]
            + trace.partNames.map { "min_eig:\($0)" })
        let touches = Set(trace.events.filter(\.isTouch).map { ($0.points.lowerBound + $0.points.upperBound) / 2 })
        let number = CSVTable.number
        for entry in DiagramOrder(run).entries {
            switch entry {
            case let .point(index):
                let point = trace.points[index]
                table.append(
                    [String(point.step), number(point.arclength), number(point.d), number(point.loss)]
                    + names.indices.map { point.x.indices.contains($0) ? number(point.x[$0]) : "" }
                    + [number(point.minEigenvalue), number(point.index), point.stability.rawValue,
                       touches.contains(index) ? "touch" : "", String(point.newtonIterations), number(point.residual)]
                    + trace.partNames.indices.map { point.partMinima.indices.contains($0) ? number(point.partMinima[$0]) : "" })
            case let .event(event, after):
                table.append(
                    ["", after.map { number(trace.points[$0].arclength) } ?? "", Words.proved(event.d), Words.proved(event.loss)]
                    + event.coordinates.map(Words.proved)
                    + ["", event.signCheck.map { number($0.indexAbove) } ?? "", Stability.degenerate.rawValue, event.kind.rawValue, "", ""]
                    + trace.partNames.map { _ in "" })
            }
        }
        return table.rendered()
    }
}
