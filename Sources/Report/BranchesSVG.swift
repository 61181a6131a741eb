import Families
import Spurious

/// One picture per family for `spurious branches --svg DIR` (800 x 760): the family and every
/// branch born on it, loss against d above and the size of the symmetry-breaking component
/// (the M-norm of a branch's part off its parent's space; 0 on the family) below. Minima are
/// solid, saddles dashed with the index written on each stretch; transitions are circles,
/// branch points squares, folds diamonds. Fixed decimals everywhere, so the same run gives the
/// same bytes.
public enum BranchesSVG {
    public static func render(_ family: FamilyBifurcations) -> String {
        var curves: [Curve] = [Curve(run: family.run, breaking: family.run.trace.points.map { _ in 0 }, colour: palette[0])]
        collect(family, into: &curves)
        let ds = curves.flatMap { $0.run.trace.points.map(\.d) }
        let losses = curves.flatMap { $0.run.trace.points.map(\.loss) }
        let sizes = curves.flatMap(\.breaking)
        let xAxis = Axis(values: ds, from: left, to: right)
        let panels = [
            Panel(title: "loss", top: 60, bottom: 360, values: losses, value: { curve, i in curve.run.trace.points[i].loss }),
            Panel(title: "symmetry-breaking component", top: 420, bottom: 700, values: sizes, value: { curve, i in curve.breaking[i] }),
        ]
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"760\" viewBox=\"0 0 800 760\" font-family=\"sans-serif\">\n"
        out += "<rect width=\"800\" height=\"760\" fill=\"white\"/>\n"
        out += text("\(family.run.trace.family.name) and the branches born on it", x: 400, y: 30, attributes: #"font-size="16" text-anchor="middle""#)
        for panel in panels {
            let yAxis = Axis(values: panel.values, from: panel.bottom, to: panel.top)
            out += frame(xAxis: xAxis, yAxis: yAxis, panel: panel)
            for curve in curves { out += draw(curve, xAxis: xAxis, yAxis: yAxis, panel: panel) }
        }
        out += legend(curves)
        return out + "</svg>\n"
    }

    static let left = 80.0, right = 560.0
    static let palette = ["#1c5fb8", "#d9480f", "#2b8a3e", "#7048e8", "#c2255c", "#e67700", "#0b7285", "#5c940d"]

    struct Curve {
        let run: FamilyRun
        let breaking: [Double]
        let colour: String
    }

    struct Panel {
        let title: String
        let top: Double
        let bottom: Double
        let values: [Double]
        let value: (Curve, Int) -> Double
    }

    /// The branches of `family`, depth first, each with its own colour.
    static func collect(_ family: FamilyBifurcations, into curves: inout [Curve]) {
        for transition in family.transitions {
            for outcome in transition.branches {
                guard case let .success(branch) = outcome.branch else { continue }
                curves.append(Curve(run: branch.run, breaking: branch.breaking, colour: palette[curves.count % palette.count]))
                collect(branch.bifurcations, into: &curves)
            }
        }
    }

    static func frame(xAxis: Axis, yAxis: Axis, panel: Panel) -> String {
        var out = "<rect x=\"\(fixed(left))\" y=\"\(fixed(panel.top))\" width=\"\(fixed(right - left))\" height=\"\(fixed(panel.bottom - panel.top))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        for tick in xAxis.ticks {
            out += text(xAxis.label(tick), x: xAxis.position(tick), y: panel.bottom + 18, attributes: #"font-size="12" text-anchor="middle""#)
        }
        for tick in yAxis.ticks {
            out += text(yAxis.label(tick), x: left - 8, y: yAxis.position(tick) + 4, attributes: #"font-size="12" text-anchor="end""#)
        }
        out += text("d", x: (left + right) / 2, y: panel.bottom + 36, attributes: #"font-size="13" font-style="italic" text-anchor="middle""#)
        return out + text(panel.title, x: left, y: panel.top - 8, attributes: #"font-size="13""#)
    }

    /// The curve cut at its located events into stretches (the index changes only there, though
    /// at a fractional d its value moves with the multiplicities): solid where the index is 0,
    /// dashed elsewhere, the index at each stretch's middle written there; then its events.
    static func draw(_ curve: Curve, xAxis: Axis, yAxis: Axis, panel: Panel) -> String {
        let points = curve.run.trace.points
        guard !points.isEmpty else { return "" }
        // An event lies between its bracket's first point and the next.
        let cuts = Set(curve.run.located.map { min($0.sweepEvent.points.lowerBound + 1, points.count - 1) }).sorted()
        var stretches: [ClosedRange<Int>] = []
        var start = 0
        for cut in cuts where cut > start {
            stretches.append(start...cut)
            start = cut
        }
        if start < points.count - 1 || stretches.isEmpty { stretches.append(start...(points.count - 1)) }
        func place(_ i: Int) -> String { "\(fixed(xAxis.position(points[i].d))),\(fixed(yAxis.position(panel.value(curve, i))))" }
        var out = ""
        for stretch in stretches {
            let middle = (stretch.lowerBound + stretch.upperBound) / 2
            let index = points[middle].index
            let dash = index == 0 ? "" : " stroke-dasharray=\"8 5\""
            out += "<polyline points=\"\(stretch.map(place).joined(separator: " "))\" fill=\"none\" stroke=\"\(curve.colour)\" stroke-width=\"2\"\(dash)/>\n"
            if index != 0 {
                out += text(
                    "index \(Words.index(index))", x: xAxis.position(points[middle].d) + 4,
                    y: yAxis.position(panel.value(curve, middle)) - 6, attributes: "font-size=\"11\" fill=\"\(curve.colour)\"")
            }
        }
        for event in curve.run.located {
            let i = min(event.sweepEvent.points.lowerBound, points.count - 1)
            let x = xAxis.position(event.approximateD), y = yAxis.position(panel.value(curve, i))
            switch event.kind {
            case .transition:
                out += "<circle cx=\"\(fixed(x))\" cy=\"\(fixed(y))\" r=\"5\" fill=\"#2b8a3e\" stroke=\"black\" stroke-width=\"1\"/>\n"
            case .branchPoint:
                out += "<rect x=\"\(fixed(x - 4.5))\" y=\"\(fixed(y - 4.5))\" width=\"9.00\" height=\"9.00\" fill=\"#e8590c\" stroke=\"black\" stroke-width=\"1\"/>\n"
            case .fold:
                let corners = [(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)].map { "\(fixed($0.0)),\(fixed($0.1))" }
                out += "<polygon points=\"\(corners.joined(separator: " "))\" fill=\"#7048e8\" stroke=\"black\" stroke-width=\"1\"/>\n"
            }
        }
        return out
    }

    static func legend(_ curves: [Curve]) -> String {
        var out = ""
        for (number, curve) in curves.enumerated() {
            let y = 80 + Double(number) * 22
            out += "<line x1=\"580.00\" y1=\"\(fixed(y))\" x2=\"608.00\" y2=\"\(fixed(y))\" stroke=\"\(curve.colour)\" stroke-width=\"2\"/>\n"
            let name = number == 0 ? curve.run.trace.family.name : String(curve.run.trace.family.partition.description)
            out += text(name, x: 614, y: y + 4, attributes: #"font-size="12""#)
        }
        let y = 80 + Double(curves.count) * 22 + 10
        out += text("solid: minimum; dashed: saddle", x: 580, y: y, attributes: ##"font-size="11" fill="#555555""##)
        out += text("circle: transition; square: branch point;", x: 580, y: y + 16, attributes: ##"font-size="11" fill="#555555""##)
        return out + text("diamond: fold", x: 580, y: y + 32, attributes: ##"font-size="11" fill="#555555""##)
    }

    static func text(_ content: String, x: Double, y: Double, attributes: String) -> String {
        "<text x=\"\(fixed(x))\" y=\"\(fixed(y))\" \(attributes)>\(escape(content))</text>\n"
    }
}
