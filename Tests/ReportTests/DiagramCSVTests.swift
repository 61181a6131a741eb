import Families
import Spurious
import XCTest
@testable import Report

final class DiagramCSVTests: XCTestCase {
    private func rendered() throws -> (data: Fixture.Data, records: [[String]]) {
        let data = try Fixture.load()
        return (data, try CSVReader.parse(DiagramCSV.render(data.run)))
    }

    func testHeaderNamesEveryColumn() throws {
        let (data, records) = try rendered()
        let header = try XCTUnwrap(records.first)
        XCTAssertEqual(
            header,
            ["step", "s", "d", "loss"] + data.trace.names
                + ["min_eigenvalue", "index", "stability", "event", "newton_iterations", "residual"]
                + data.trace.partNames.map { "min_eig:\($0)" })
        XCTAssertEqual(Array(header.prefix(4)), ["step", "s", "d", "loss"])
        // Irreps such as "(d-3,2) of S_{d-1}" hold commas: the header must quote them to keep its width.
        XCTAssertTrue(data.trace.partNames.contains { $0.contains(",") }, "the fixture should exercise quoting")
    }

    func testOneRowPerPointAndPerEventAllOfOneWidth() throws {
        let (data, records) = try rendered()
        XCTAssertFalse(data.located.isEmpty, "the fixture should hold the one-flipped transition near d = 5.5855")
        XCTAssertEqual(records.count, 1 + data.trace.points.count + data.located.count)
        let width = records[0].count
        for (number, record) in records.enumerated() {
            XCTAssertEqual(record.count, width, "record \(number)")
        }
        let text = DiagramCSV.render(data.run)
        XCTAssertTrue(text.hasSuffix("\n"))
        XCTAssertFalse(text.hasSuffix("\n\n"))
    }

    func testNumericFieldsReadBack() throws {
        let (data, records) = try rendered()
        let header = records[0]
        let column = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let (event, stability) = (try XCTUnwrap(column["event"]), try XCTUnwrap(column["stability"]))
        var pointRows = 0
        for record in records.dropFirst() {
            if record[event] == "transition" || record[event] == "fold" {
                for name in ["d", "loss"] + data.trace.names {
                    let field = record[try XCTUnwrap(column[name])]
                    XCTAssertNotNil(Double(field), "\(name) = \(field)")
                }
                continue
            }
            pointRows += 1
            XCTAssertNotNil(Int(record[try XCTUnwrap(column["step"])]))
            XCTAssertNotNil(Int(record[try XCTUnwrap(column["newton_iterations"])]))
            for (index, field) in record.enumerated() where index != event && index != stability {
                XCTAssertNotNil(Double(field), "\(header[index]) = '\(field)'")
            }
            XCTAssertTrue(["minimum", "saddle", "degenerate"].contains(record[stability]))
        }
        XCTAssertEqual(pointRows, data.trace.points.count)
        // Doubles are written in the shortest form that reads back to the same value.
        let first = try XCTUnwrap(data.trace.points.first)
        for (name, value) in [("d", first.d), ("loss", first.loss), ("residual", first.residual), ("s", first.arclength)] {
            XCTAssertEqual(Double(records[1][try XCTUnwrap(column[name])]), value, name)
        }
    }

    func testRowsFollowTheTraceWithEventsBetweenTheirBracket() throws {
        let (data, records) = try rendered()
        let header = records[0]
        let dColumn = try XCTUnwrap(header.firstIndex(of: "d"))
        let stepColumn = try XCTUnwrap(header.firstIndex(of: "step"))
        let eventColumn = try XCTUnwrap(header.firstIndex(of: "event"))
        let rows = Array(records.dropFirst())
        XCTAssertEqual(rows.compactMap { Int($0[stepColumn]) }, Array(data.trace.points.indices))
        let ds = try rows.map { try XCTUnwrap(Double($0[dColumn])) }
        // This stretch of the family has no fold: d runs one way along the trace.
        XCTAssertEqual(ds, ds.sorted())
        for (index, row) in rows.enumerated() where row[eventColumn] == "transition" {
            XCTAssertTrue(index > 0 && index + 1 < rows.count, "an event row sits between two points")
            XCTAssertLessThanOrEqual(ds[index - 1], ds[index])
            XCTAssertLessThanOrEqual(ds[index], ds[index + 1])
            XCTAssertNotEqual(rows[index - 1][stepColumn], "")
            XCTAssertNotEqual(rows[index + 1][stepColumn], "")
        }
    }

    func testEventRowsCarryProvedDigits() throws {
        let (data, records) = try rendered()
        let header = records[0]
        func value(_ row: [String], _ name: String) throws -> String { row[try XCTUnwrap(header.firstIndex(of: name))] }
        let eventRows = try records.dropFirst().filter { try ["fold", "transition"].contains(value($0, "event")) }
        XCTAssertEqual(eventRows.count, data.located.count)
        for (row, event) in zip(eventRows, data.located.sorted { $0.approximateD < $1.approximateD }) {
            XCTAssertEqual(try value(row, "d"), event.d.decimal)
            XCTAssertEqual(try value(row, "loss"), event.loss.decimal)
            for (name, coordinate) in zip(event.names, event.coordinates) { XCTAssertEqual(try value(row, name), coordinate.decimal) }
            XCTAssertEqual(try value(row, "step"), "")
            XCTAssertEqual(try value(row, "stability"), "degenerate")
            XCTAssertEqual(try value(row, "event"), event.kind.rawValue)
            XCTAssertEqual(try value(row, "index"), event.signCheck.map { "\($0.indexAbove)" } ?? "")
            XCTAssertNotNil(Double(try value(row, "s")), "s is estimated from the bracket")
            for name in ["min_eigenvalue", "newton_iterations", "residual"] + data.trace.partNames.map({ "min_eig:\($0)" }) {
                XCTAssertEqual(try value(row, name), "", name)
            }
        }
        // The fixture's transition, at the 20 digits it was given.
        XCTAssertEqual(eventRows.first.map { try? value($0, "d") }, "5.5855052474258800069")
    }

    func testTouchesAreMarkedOnTheirMiddlePoint() throws {
        let (data, records) = try rendered()
        let eventColumn = try XCTUnwrap(records[0].firstIndex(of: "event"))
        let touches = data.trace.events.filter(\.isTouch)
        XCTAssertEqual(touches.count, 1, "the fixture has a touch on points 3...5")
        let stepColumn = try XCTUnwrap(records[0].firstIndex(of: "step"))
        XCTAssertEqual(records.filter { $0[eventColumn] == "touch" }.map { $0[stepColumn] }, ["4"])
    }

    func testSameInputSameBytes() throws {
        let data = try Fixture.load()
        XCTAssertEqual(DiagramCSV.render(data.run), DiagramCSV.render(data.run))
    }

    func testARunWithoutEventsHasOnlyPointRows() throws {
        let data = try Fixture.load()
        let plain = DiagramCSV.render(FamilyRun(trace: data.trace, events: []))
        XCTAssertEqual(try CSVReader.parse(plain).count, 1 + data.trace.points.count)
    }

    func testQuotingFollowsRFC4180() throws {
        var table = CSVTable(headers: ["plain", "comma", "quote", "newline"])
        table.append(["1.5", "d-1,1", "say \"hi\"", "two\nlines"])
        let text = table.rendered()
        XCTAssertEqual(text, "plain,comma,quote,newline\n1.5,\"d-1,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
        XCTAssertEqual(try CSVReader.parse(text), [["plain", "comma", "quote", "newline"], ["1.5", "d-1,1", "say \"hi\"", "two\nlines"]])
    }
}
