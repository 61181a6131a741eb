import Foundation
import XCTest
@testable import Report

final class TransitionsReportTests: XCTestCase {
    private static let keys = [
        "family", "partition", "k", "kind", "d", "digits", "loss", "irrep", "multiplicity", "multiplicity_value",
        "direction", "index_below", "index_above", "eigenvalue_below", "eigenvalue_above", "coordinates", "verified",
    ]

    func testJSONRoundTripsWithTheListedKeys() throws {
        let data = try Fixture.load()
        let report = TransitionsReport(events: data.run.events)
        let text = report.json().rendered()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let root = try XCTUnwrap(parsed as? [String: Any])
        XCTAssertEqual(Array(root.keys), ["transitions"])
        let items = try XCTUnwrap(root["transitions"] as? [[String: Any]])
        XCTAssertEqual(items.count, data.located.count)
        for (item, event) in zip(items, data.located) {
            XCTAssertEqual(Set(item.keys), Set(Self.keys))
            XCTAssertEqual(item["d"] as? String, event.d.decimal)
            XCTAssertEqual(item["loss"] as? String, event.loss.decimal)
            XCTAssertEqual(item["kind"] as? String, event.kind.rawValue)
            XCTAssertEqual(item["partition"] as? String, "d-1,1")
            XCTAssertEqual((item["digits"] as? NSNumber)?.intValue, event.digits)
            XCTAssertEqual(item["verified"] as? Bool, event.verified)
            let coordinates = try XCTUnwrap(item["coordinates"] as? [String: String])
            XCTAssertEqual(coordinates.count, event.coordinates.count)
            for (name, value) in zip(event.names, event.coordinates) { XCTAssertEqual(coordinates[name], value.decimal) }
            if event.kind == .transition {
                XCTAssertEqual(item["eigenvalue_below"] as? String, "-1.70e-21")
                XCTAssertEqual((item["index_above"] as? NSNumber)?.doubleValue, event.signCheck?.indexAbove)
            }
        }
        // Keys keep the documented order in the text itself.
        let firstItem = try XCTUnwrap(text.range(of: "\"family\"")).lowerBound
        let positions = try Self.keys.map { try XCTUnwrap(text[firstItem...].range(of: "\"\($0)\"")).lowerBound }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testCSVHasOneRowPerEventAndOneCoordinatesColumn() throws {
        let data = try Fixture.load()
        let records = try CSVReader.parse(TransitionsReport(events: data.run.events).csv())
        XCTAssertEqual(records.first, [
            "family", "partition", "k", "kind", "d", "digits", "loss", "irrep", "multiplicity",
            "multiplicity_value", "direction", "verified", "coordinates",
        ])
        XCTAssertEqual(records.count, 1 + data.located.count)
        for (record, event) in zip(records.dropFirst(), data.located) {
            XCTAssertEqual(record.count, records[0].count)
            XCTAssertEqual(record[1], "d-1,1")
            XCTAssertEqual(record[4], event.d.decimal)
            XCTAssertNotNil(Double(record[2]))
            XCTAssertNotNil(Double(record[9]))
            let pairs = record[12].split(separator: ";").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
            XCTAssertEqual(pairs.map { $0[0] }, event.names)
            XCTAssertEqual(pairs.map { $0[1] }, event.coordinates.map(\.decimal))
        }
        XCTAssertEqual(try CSVReader.parse(TransitionsReport(events: []).csv()).count, 1)
    }

    func testTableShowsEveryEventAndTheNotes() throws {
        let data = try Fixture.load()
        let table = TransitionsReport(events: data.run.events, notes: ["d-1,1 one-flipped: down: reached d = 5.4"]).table()
        for header in ["family", "kind", "d", "irrep", "multiplicity", "direction", "verified"] {
            XCTAssertTrue(table.contains(header), header)
        }
        // The digits of the fixture's event, as data/transitions.csv has them, cut at 20 digits.
        XCTAssertTrue(table.contains("transition  5.5855052474258800069  standard of S_{d-1}"), table)
        XCTAssertTrue(table.contains("  loss  0.025884340014647687450\n"), table)
        XCTAssertTrue(table.contains("  O0    -0.059974704332226578349\n"), table)
        XCTAssertTrue(table.contains("crossing eigenvalue -1.70e-21 just below, 7.08e-22 just above"), table)
        XCTAssertTrue(table.contains("standard of S_{d-1}"))
        XCTAssertTrue(table.contains("d-2 = 3.58551"), "multiplicity as polynomial = value")
        XCTAssertTrue(table.contains("saddle (index 3.58551) -> minimum"))
        XCTAssertTrue(table.hasSuffix("d-1,1 one-flipped: down: reached d = 5.4\n"))
        XCTAssertEqual(TransitionsReport(events: []).table(), "no transitions or folds found\n")
    }

    func testSameInputSameBytes() throws {
        let data = try Fixture.load()
        let (a, b) = (TransitionsReport(events: data.run.events), TransitionsReport(events: data.run.events))
        XCTAssertEqual(a.table(), b.table())
        XCTAssertEqual(a.csv(), b.csv())
        XCTAssertEqual(a.json().rendered(), b.json().rendered())
    }
}
