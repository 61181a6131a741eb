import Families
import Spurious
import Foundation
import MultiPrecision

/// What the diagram plots against d.
public enum DiagramQuantity: Sendable, Equatable, CustomStringConvertible {
    case loss
    /// A coordinate of the fixed space, by its name in ``FamilyTrace/names``.
    case coordinate(String)

    public var description: String {
        switch self {
        case .loss: "loss"
        case let .coordinate(name): "coordinate \(name)"
        }
    }
}

/// The bifurcation diagram of a family as a standalone SVG picture (800 x 500), readable in a
/// browser without other tools: the curve in d, minima solid and saddles dashed, events marked
/// and labelled with their d, axes with round tick values, and a legend.
///
/// Every number is written with a fixed number of decimals (two for drawing coordinates), so
/// the same trace always gives the same bytes and diagrams can be compared with diff.
public enum DiagramSVG {
    public static func render(_ run: FamilyRun, quantity: DiagramQuantity) -> String {
        Drawing(run: run, quantity: quantity).svg()
    }
}

/// The layout and the drawing of one diagram.
private struct Drawing {
    static let width = 800.0
    static let height = 500.0
    /// The plot area; the legend sits to its right, the title above it.
    static let left = 86.0, right = 612.0, top = 64.0, bottom = 436.0
    static let font = "Helvetica, Arial, sans-serif"

    /// A point of the curve in data units: a sweep point (with its stability) or a located event.
    struct Vertex {
        let d: Double
        let value: Double?
        let stability: Stability?
        let event: LocatedFamilyEvent?
    }

    let trace: FamilyTrace
    let quantity: DiagramQuantity
    let vertices: [Vertex]
    let xAxis: Axis
    let yAxis: Axis
    /// Why there is no curve to draw, if there is none.
    let missing: String?

    init(run: FamilyRun, quantity: DiagramQuantity) {
        let trace = run.trace
        self.trace = trace
        self.quantity = quantity
        func value(of point: FamilyPoint) -> Double? {
            guard case let .coordinate(name) = quantity else { return point.loss }
            guard let column = trace.names.firstIndex(of: name), point.x.indices.contains(column) else { return nil }
            return point.x[column]
        }
        func value(of event: LocatedFamilyEvent) -> Double? {
            var value = event.loss
            if case let .coordinate(name) = quantity {
                guard let column = event.names.firstIndex(of: name) else { return nil }
                value = event.coordinates[column]
            }
            return value.isDetermined ? value.approximate : nil
        }
        var vertices: [Vertex] = []
        for entry in DiagramOrder(run).entries {
            switch entry {
            case let .point(index):
                let point = trace.points[index]
                vertices.append(Vertex(d: point.d, value: value(of: point), stability: point.stability, event: nil))
            case let .event(event, after):
                // Undetermined digits: fall back on the neighbouring sweep point, which is close.
                let fallback = after.flatMap { value(of: trace.points[$0]) }
                vertices.append(Vertex(d: event.approximateD, value: value(of: event) ?? fallback, stability: nil, event: event))
            }
        }
        self.vertices = vertices
        if case let .coordinate(name) = quantity, !trace.names.contains(name) {
            missing = "no coordinate named \(name) in this family (coordinates: \(trace.names.joined(separator: ", ")))"
        } else {
            missing = vertices.contains { $0.value?.isFinite == true } ? nil : "no points to draw"
        }
        let finite = vertices.filter { $0.d.isFinite && $0.value?.isFinite == true }
        xAxis = Axis(values: finite.map(\.d), from: Drawing.left, to: Drawing.right)
        yAxis = Axis(values: finite.compactMap(\.value), from: Drawing.bottom, to: Drawing.top)
    }

    func svg() -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(Drawing.width))" height="\(Int(Drawing.height))" \
            viewBox="0 0 \(Int(Drawing.width)) \(Int(Drawing.height))" font-family="\(Drawing.font)">
            <title>\(escape(title))</title>
            <rect x="0" y="0" width="\(Int(Drawing.width))" height="\(Int(Drawing.height))" fill="white"/>

            """
        out += heading() + axes() + curve() + markers() + legend()
        if let missing {
            out += text(missing, x: (Drawing.left + Drawing.right) / 2, y: (Drawing.top + Drawing.bottom) / 2,
                        attributes: ##"text-anchor="middle" font-size="13" fill="#555555""##)
        }
        return out + "</svg>\n"
    }

    var title: String {
        "\(trace.family.name) (partition \(trace.family.partition)): \(quantity.description) against d"
    }

    func heading() -> String {
        let ds = trace.points.map(\.d).filter(\.isFinite)
        let located = vertices.compactMap(\.event)
        let transitions = located.filter { $0.kind == .transition }.count
        let folds = located.filter { $0.kind == .fold }.count
        let branchPoints = located.filter { $0.kind == .branchPoint }.count
        var summary = "\(trace.points.count) points"
        if let low = ds.min(), let high = ds.max() {
            summary += ", d from \(Drawing.short(low)) to \(Drawing.short(high))"
        }
        summary += "; \(transitions) transition\(transitions == 1 ? "" : "s"), \(folds) fold\(folds == 1 ? "" : "s")"
        // Named only where there is one, so that pictures without branch points read as before.
        if branchPoints > 0 { summary += ", \(branchPoints) branch point\(branchPoints == 1 ? "" : "s")" }
        return text(title, x: Drawing.left, y: 26, attributes: #"font-size="16" font-weight="bold""#)
            + text(summary, x: Drawing.left, y: 46, attributes: ##"font-size="12" fill="#555555""##)
    }

    /// Six significant digits without trailing zeros ("5.4", not "5.40000"): the range of a
    /// sweep is a fact about the run, not a proved value whose digits count.
    static func short(_ x: Double) -> String {
        let text = x.formatted(significantDigits: 6)
        guard text.contains("."), !text.contains("e") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// Frame, grid lines, ticks with labels, and axis titles.
    func axes() -> String {
        var out = "<g stroke=\"#e6e6e6\" stroke-width=\"1\">\n"
        for tick in xAxis.ticks {
            let x = xAxis.position(tick)
            out += "<line x1=\"\(fixed(x))\" y1=\"\(fixed(Drawing.top))\" x2=\"\(fixed(x))\" y2=\"\(fixed(Drawing.bottom))\"/>\n"
        }
        for tick in yAxis.ticks {
            let y = yAxis.position(tick)
            out += "<line x1=\"\(fixed(Drawing.left))\" y1=\"\(fixed(y))\" x2=\"\(fixed(Drawing.right))\" y2=\"\(fixed(y))\"/>\n"
        }
        out += "</g>\n"
        out += "<rect x=\"\(fixed(Drawing.left))\" y=\"\(fixed(Drawing.top))\" width=\"\(fixed(Drawing.right - Drawing.left))\" "
            + "height=\"\(fixed(Drawing.bottom - Drawing.top))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        out += "<g stroke=\"#333333\" stroke-width=\"1\">\n"
        for tick in xAxis.ticks {
            let x = fixed(xAxis.position(tick))
            out += "<line x1=\"\(x)\" y1=\"\(fixed(Drawing.bottom))\" x2=\"\(x)\" y2=\"\(fixed(Drawing.bottom + 5))\"/>\n"
        }
        for tick in yAxis.ticks {
            let y = fixed(yAxis.position(tick))
            out += "<line x1=\"\(fixed(Drawing.left - 5))\" y1=\"\(y)\" x2=\"\(fixed(Drawing.left))\" y2=\"\(y)\"/>\n"
        }
        out += "</g>\n"
        for tick in xAxis.ticks {
            out += text(xAxis.label(tick), x: xAxis.position(tick), y: Drawing.bottom + 20,
                        attributes: #"font-size="12" text-anchor="middle""#)
        }
        for tick in yAxis.ticks {
            out += text(yAxis.label(tick), x: Drawing.left - 8, y: yAxis.position(tick) + 4,
                        attributes: #"font-size="12" text-anchor="end""#)
        }
        out += text("d", x: (Drawing.left + Drawing.right) / 2, y: Drawing.bottom + 44,
                    attributes: #"font-size="14" font-style="italic" text-anchor="middle""#)
        let middle = fixed((Drawing.top + Drawing.bottom) / 2)
        out += text(quantity.description, x: 18, y: (Drawing.top + Drawing.bottom) / 2,
                    attributes: "font-size=\"14\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(middle))\"")
        return out
    }

    /// The curve as polylines of one style each: a segment between two sweep points of different
    /// stability changes style at the event located between them, or halfway when none was.
    func curve() -> String {
        var pieces: [(style: Style, from: Vertex, to: Vertex)] = []
        for (a, b) in zip(vertices, vertices.dropFirst()) {
            switch (a.stability, b.stability) {
            case let (first?, second?) where first != second:
                let middle = Vertex(d: (a.d + b.d) / 2, value: a.value.flatMap { x in b.value.map { (x + $0) / 2 } },
                                    stability: nil, event: nil)
                pieces += [(Style(first), a, middle), (Style(second), middle, b)]
            case let (first?, _): pieces.append((Style(first), a, b))
            case let (nil, second?): pieces.append((Style(second), a, b))
            case (nil, nil): pieces.append((.degenerate, a, b))
            }
        }
        var runs: [(style: Style, points: [(Double, Double)])] = []
        for piece in pieces {
            guard let from = place(piece.from), let to = place(piece.to) else { continue }
            if let last = runs.last, last.style == piece.style, let end = last.points.last, end == from {
                runs[runs.count - 1].points.append(to)
            } else {
                runs.append((piece.style, [from, to]))
            }
        }
        var out = "<g fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n"
        for run in runs {
            let points = run.points.map { "\(fixed($0.0)),\(fixed($0.1))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" \(run.style.attributes)/>\n"
        }
        for vertex in vertices where vertex.stability == .degenerate {
            guard let (x, y) = place(vertex) else { continue }
            out += "<circle cx=\"\(fixed(x))\" cy=\"\(fixed(y))\" r=\"3\" fill=\"\(Style.degenerate.colour)\" stroke=\"none\"/>\n"
        }
        return out + "</g>\n"
    }

    /// A circle for each transition, a diamond for each fold, a square for each branch point,
    /// each labelled with its d. Markers
    /// are drawn first and labels after, so that no marker hides a label.
    func markers() -> String {
        let placed = vertices.compactMap { vertex -> (event: LocatedFamilyEvent, x: Double, y: Double)? in
            guard let event = vertex.event, let (x, y) = place(vertex) else { return nil }
            return (event, x, y)
        }
        var out = ""
        for marker in placed {
            switch marker.event.kind {
            case .transition: out += Marker.transition.svg(x: marker.x, y: marker.y)
            case .fold: out += Marker.fold.svg(x: marker.x, y: marker.y)
            case .branchPoint: out += Marker.branchPoint.svg(x: marker.x, y: marker.y)
            }
        }
        var taken = placed.map { Box(x: $0.x - 8, y: $0.y - 8, width: 16, height: 16) }
        for marker in placed {
            let text = label(marker.event)
            let spot = Drawing.labelSpot(for: text, x: marker.x, y: marker.y, avoiding: taken)
            taken.append(spot.box)
            out += self.text(text, x: spot.x, y: spot.y,
                             attributes: "font-size=\"12\" text-anchor=\"\(spot.anchor)\" "
                                 + #"stroke="white" stroke-width="3" paint-order="stroke""#)
        }
        return out
    }

    /// An axis-aligned rectangle in drawing coordinates, for keeping labels apart.
    struct Box {
        let x: Double, y: Double, width: Double, height: Double

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    /// Where to print a marker's label: the first of a fixed list of spots around the marker
    /// (right or left, above or below, then further out) that stays inside the plot and clear of
    /// other markers and labels, judged by an estimated text width; close events thus get
    /// readable labels, and the choice depends only on the input.
    static func labelSpot(for text: String, x: Double, y: Double, avoiding taken: [Box])
        -> (x: Double, y: Double, anchor: String, box: Box) {
        let width = Double(text.count) * 6.8
        let height = 13.0
        var candidates: [(x: Double, y: Double, anchor: String, box: Box)] = []
        for dy in [-10.0, 19, -25, 34, -40, 49, -55, 64] {
            for side in [1.0, -1.0] {
                let anchorX = x + side * 9
                let boxX = side > 0 ? anchorX : anchorX - width
                candidates.append((anchorX, y + dy, side > 0 ? "start" : "end",
                                   Box(x: boxX, y: y + dy - 10, width: width, height: height)))
            }
        }
        let inside = candidates.filter {
            $0.box.x >= left + 2 && $0.box.x + $0.box.width <= right - 2
                && $0.box.y >= top + 2 && $0.box.y + $0.box.height <= bottom - 2
        }
        return inside.first { candidate in !taken.contains { $0.overlaps(candidate.box) } }
            ?? inside.first ?? candidates[0]
    }

    /// "d = 5.58551": six significant digits of the proved value (or all of them when fewer
    /// were proved), which is what a reader of a picture can use.
    func label(_ event: LocatedFamilyEvent) -> String {
        if event.digits > 6 { return "d = \(event.d.approximate.formatted(significantDigits: 6))" }
        if event.digits > 0 { return "d = \(Words.proved(event.d))" }
        return "d ≈ \(event.approximateD.formatted(significantDigits: 6))"
    }

    func legend() -> String {
        let x = Drawing.right + 18
        var rows: [(String, String)] = [
            ("minimum", Style.minimum.sample(x: x + 10, y: 0)),
            ("saddle", Style.saddle.sample(x: x + 10, y: 0)),
            ("degenerate", Style.degenerate.sample(x: x + 10, y: 0)),
            ("transition", Marker.transition.svg(x: x + 24, y: 0)),
            ("fold", Marker.fold.svg(x: x + 24, y: 0)),
        ]
        // Only where the picture has one: a family without branch points keeps its legend.
        if vertices.contains(where: { $0.event?.kind == .branchPoint }) {
            rows.append(("branch point", Marker.branchPoint.svg(x: x + 24, y: 0)))
        }
        let height = Double(rows.count) * 22 + 30
        var out = "<rect x=\"\(fixed(x))\" y=\"\(fixed(Drawing.top))\" width=\"\(fixed(Drawing.width - x - 12))\" "
            + "height=\"\(fixed(height))\" fill=\"white\" stroke=\"#bbbbbb\" stroke-width=\"1\"/>\n"
        out += text("legend", x: x + 10, y: Drawing.top + 18, attributes: #"font-size="12" font-weight="bold""#)
        for (index, row) in rows.enumerated() {
            let y = Drawing.top + 38 + Double(index) * 22
            out += "<g transform=\"translate(0 \(fixed(y)))\">\n" + row.1 + "</g>\n"
            out += text(row.0, x: x + 50, y: y + 4, attributes: #"font-size="12""#)
        }
        return out
    }

    /// Drawing coordinates of a vertex, or nil when its value is unknown or not finite.
    func place(_ vertex: Vertex) -> (Double, Double)? {
        guard let value = vertex.value, value.isFinite, vertex.d.isFinite else { return nil }
        return (xAxis.position(vertex.d), yAxis.position(value))
    }

    func text(_ content: String, x: Double, y: Double, attributes: String) -> String {
        "<text x=\"\(fixed(x))\" y=\"\(fixed(y))\" \(attributes)>\(escape(content))</text>\n"
    }
}

/// How a piece of the curve is stroked.
private enum Style: Equatable {
    case minimum, saddle, degenerate

    init(_ stability: Stability) {
        switch stability {
        case .minimum: self = .minimum
        case .saddle: self = .saddle
        case .degenerate: self = .degenerate
        }
    }

    var colour: String {
        switch self {
        case .minimum: "#1c5fb8"
        case .saddle: "#d9480f"
        case .degenerate: "#8c8c8c"
        }
    }

    var attributes: String {
        switch self {
        case .minimum: "stroke=\"\(colour)\" stroke-width=\"2.5\""
        case .saddle: "stroke=\"\(colour)\" stroke-width=\"2.5\" stroke-dasharray=\"8 5\""
        case .degenerate: "stroke=\"\(colour)\" stroke-width=\"2\""
        }
    }

    /// A short stretch of line for the legend, centred vertically on y.
    func sample(x: Double, y: Double) -> String {
        "<line x1=\"\(fixed(x))\" y1=\"\(fixed(y))\" x2=\"\(fixed(x + 28))\" y2=\"\(fixed(y))\" \(attributes)/>\n"
    }
}

/// The symbol of a located event.
private enum Marker {
    case transition, fold, branchPoint

    func svg(x: Double, y: Double) -> String {
        switch self {
        case .transition:
            return "<circle cx=\"\(fixed(x))\" cy=\"\(fixed(y))\" r=\"6\" fill=\"#2b8a3e\" stroke=\"black\" stroke-width=\"1.2\"/>\n"
        case .fold:
            let r = 7.0
            let corners = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)].map { "\(fixed($0.0)),\(fixed($0.1))" }
            return "<polygon points=\"\(corners.joined(separator: " "))\" fill=\"#7048e8\" stroke=\"black\" stroke-width=\"1.2\"/>\n"
        case .branchPoint:
            let r = 5.5
            return "<rect x=\"\(fixed(x - r))\" y=\"\(fixed(y - r))\" width=\"\(fixed(2 * r))\" height=\"\(fixed(2 * r))\" fill=\"#e8590c\" stroke=\"black\" stroke-width=\"1.2\"/>\n"
        }
    }
}

/// A linear axis over the data with a small margin, ticked at the multiples of a round step
/// (1, 2 or 5 times a power of ten) that fall inside it: round labels without stretching the
/// axis to the next round values, which could waste a sixth of the plot.
struct Axis {
    let low: Double
    let high: Double
    let step: Double
    /// Decimals in the tick labels: as many as the step needs, so labels are exact and equal in form.
    let decimals: Int
    /// Drawing coordinates of `low` and `high`.
    let from: Double
    let to: Double

    init(values: [Double], from: Double, to: Double) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low <= 1e-12 * max(1, abs(low)) {
            // A single value: centre it in a range of 10% of its size (or of 1 about zero).
            let pad = low == 0 ? 1 : abs(low) * 0.05
            (low, high) = (low - pad, high + pad)
        }
        let margin = (high - low) * 0.04
        (low, high) = (low - margin, high + margin)
        step = Axis.niceStep(forRange: high - low, intervals: 6)
        self.low = low
        self.high = high
        // log10 of an exact power of ten may come out a hair low: nudge it before rounding down.
        decimals = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
        self.from = from
        self.to = to
    }

    static func niceStep(forRange range: Double, intervals: Double) -> Double {
        let rough = range / intervals
        let magnitude = pow(10, (log10(rough) + 1e-9).rounded(.down))
        let scaled = rough / magnitude
        let factor: Double = scaled < 1.5 ? 1 : scaled < 3 ? 2 : scaled < 7 ? 5 : 10
        return factor * magnitude
    }

    /// Multiples of the step from `low` to `high`, computed as integers times the step so that
    /// rounding errors do not accumulate.
    var ticks: [Double] {
        let first = Int((low / step).rounded(.up))
        let last = Int((high / step).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { Double($0) * step }
    }

    func position(_ value: Double) -> Double {
        from + (value - low) / (high - low) * (to - from)
    }

    func label(_ value: Double) -> String { fixed(value, decimals: decimals) }
}

/// A number with a fixed count of decimals ("12.30"), without "-0.00", for byte-stable output.
func fixed(_ x: Double, decimals: Int = 2) -> String {
    guard x.isFinite else { return "0" }
    let scale = pow(10, Double(decimals))
    let scaled = (x * scale).rounded()
    guard abs(scaled) < 9e15 else { return "\(x)" }
    let whole = Int(scaled)
    let digits = String(abs(whole))
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let sign = whole < 0 ? "-" : ""
    guard decimals > 0 else { return sign + padded }
    return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
}

/// Text and attribute values safe inside XML.
func escape(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(character)
        }
    }
    return out
}
