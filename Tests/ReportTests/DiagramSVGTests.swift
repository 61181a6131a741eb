import Families
import Foundation
import LossModel
import Spurious
import XCTest
@testable import Report
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an SVG with Foundation's XML parser: elements with their attributes, and the text of
/// every `<text>` and `<title>`.
private final class SVGReader: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var current: String?

    static func read(_ svg: String) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else {
            throw CSVReader.Malformed(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        if name == "text" || name == "title" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let text = current, name == "text" || name == "title" { texts.append(text) }
        current = nil
    }
}

final class DiagramSVGTests: XCTestCase {
    func testLossDiagramIsWellFormedAndReadable() throws {
        let data = try Fixture.load()
        let svg = DiagramSVG.render(data.run, quantity: .loss)
        let reader = try SVGReader.read(svg)
        XCTAssertEqual(reader.elements.first?.name, "svg")
        XCTAssertEqual(reader.elements.first?.attributes["width"], "800")
        XCTAssertEqual(reader.elements.first?.attributes["height"], "500")
        let title = "d-1,1 one-flipped (partition d-1,1): loss against d"
        XCTAssertTrue(reader.texts.contains(title), "\(reader.texts)")
        for label in ["legend", "minimum", "saddle", "degenerate", "transition", "fold", "d", "loss"] {
            XCTAssertTrue(reader.texts.contains(label), label)
        }
        XCTAssertTrue(reader.texts.contains("d = 5.58551"), "the transition is labelled with its d")
        XCTAssertTrue(reader.texts.contains("\(data.trace.points.count) points, d from 5.40788 to 10; 1 transition, 0 folds"), "\(reader.texts)")
        // Tick labels are numbers; the family runs from 5.41 to 10, so 6 ... 10 are ticks.
        for tick in ["6", "8", "10"] { XCTAssertTrue(reader.texts.contains(tick), tick) }
        let circles = reader.elements.filter { $0.name == "circle" && $0.attributes["fill"] == "#2b8a3e" }
        XCTAssertEqual(circles.count, 1 + data.located.filter { $0.kind == .transition }.count, "legend and events")
        let lines = reader.elements.filter { $0.name == "polyline" }
        XCTAssertTrue(lines.contains { $0.attributes["stroke-dasharray"] != nil }, "saddles dashed")
        XCTAssertTrue(lines.contains { $0.attributes["stroke-dasharray"] == nil }, "minima solid")
    }

    /// A branch point is a square, in the legend only where there is one, and counted in the
    /// heading.
    func testBranchPointIsMarkedAndInTheLegend() throws {
        let plain = try SVGReader.read(DiagramSVG.render(try Fixture.load().run, quantity: .loss))
        XCTAssertFalse(plain.texts.contains("branch point"), "no branch point, no legend row")
        let data = try Fixture.loadBranchPoint()
        let reader = try SVGReader.read(DiagramSVG.render(data.run, quantity: .loss))
        XCTAssertTrue(reader.texts.contains("branch point"), "\(reader.texts)")
        XCTAssertTrue(
            reader.texts.contains("\(data.trace.points.count) points, d from 5.40788 to 10; 0 transitions, 0 folds, 1 branch point"),
            "\(reader.texts)")
        let squares = reader.elements.filter { $0.name == "rect" && $0.attributes["fill"] == "#e8590c" }
        XCTAssertEqual(squares.count, 2, "legend and event")
        XCTAssertTrue(reader.texts.contains("d = 5.58551"), "labelled with its d")
    }

    func testCoordinateDiagramAndUnknownCoordinate() throws {
        let data = try Fixture.load()
        let name = try XCTUnwrap(data.trace.names.last)
        let reader = try SVGReader.read(DiagramSVG.render(data.run, quantity: .coordinate(name)))
        XCTAssertTrue(reader.texts.contains("coordinate \(name)"))
        XCTAssertTrue(reader.elements.contains { $0.name == "polyline" })
        let missing = try SVGReader.read(DiagramSVG.render(data.run, quantity: .coordinate("Q9")))
        XCTAssertTrue(missing.texts.contains { $0.hasPrefix("no coordinate named Q9") })
        XCTAssertFalse(missing.elements.contains { $0.name == "polyline" })
    }

    func testSameInputSameBytes() throws {
        let data = try Fixture.load()
        XCTAssertEqual(
            DiagramSVG.render(data.run, quantity: .loss),
            DiagramSVG.render(data.run, quantity: .loss))
    }

    func testMarkupInNamesIsEscaped() throws {
        let data = try Fixture.load()
        let original = data.trace
        let family = Family(name: "<one> & \"flipped\"", partition: original.family.partition, seed: original.family.seed, seedD: original.family.seedD)
        let trace = FamilyTrace(
            family: family, problem: original.problem, points: original.points, events: original.events,
            lowerStop: original.lowerStop, upperStop: original.upperStop)
        let svg = DiagramSVG.render(FamilyRun(trace: trace, events: []), quantity: .loss)
        XCTAssertTrue(svg.contains("&lt;one&gt; &amp; &quot;flipped&quot;"))
        let reader = try SVGReader.read(svg)
        XCTAssertTrue(reader.texts.contains { $0.hasPrefix("<one> & \"flipped\"") })
    }

    func testTicksAreRoundAndInsideTheAxis() {
        let axis = Axis(values: [0.01808, 0.02624], from: 0, to: 100)
        XCTAssertEqual(axis.step, 0.001, accuracy: 1e-15)
        XCTAssertEqual(axis.ticks.map(axis.label), (18...26).map { "0.0\($0)" })
        let wide = Axis(values: [5.4, 10], from: 0, to: 100)
        XCTAssertEqual(wide.ticks.map(wide.label), ["6", "7", "8", "9", "10"])
        XCTAssertTrue(axis.ticks.allSatisfy { $0 >= axis.low && $0 <= axis.high })
        XCTAssertEqual(axis.position(axis.low), 0)
        XCTAssertEqual(axis.position(axis.high), 100)
        let flat = Axis(values: [3, 3], from: 0, to: 100)
        XCTAssertLessThan(flat.low, 3)
        XCTAssertGreaterThan(flat.high, 3)
        XCTAssertFalse(flat.ticks.isEmpty)
        XCTAssertEqual(Axis.niceStep(forRange: 47, intervals: 6), 10)
        XCTAssertEqual(Axis.niceStep(forRange: 4.6, intervals: 6), 1)
    }

    func testFixedFormatting() {
        XCTAssertEqual(fixed(12.345), "12.35")
        XCTAssertEqual(fixed(-0.001), "0.00")
        XCTAssertEqual(fixed(-3.5, decimals: 0), "-4")
        XCTAssertEqual(fixed(0.05, decimals: 3), "0.050")
        XCTAssertEqual(fixed(-0.25, decimals: 1), "-0.3")
        XCTAssertEqual(escape("a<b & 'c' \"d\">"), "a&lt;b &amp; &apos;c&apos; &quot;d&quot;&gt;")
    }
}
