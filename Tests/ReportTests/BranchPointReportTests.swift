import Continuation
import Families
import Foundation
import LossModel
import Spurious
import XCTest
@testable import Report

extension Fixture {
    /// The fixture with its transition relabelled as a branch point, as the same crossing is in
    /// d-2,1,1 (same d and sign check, the trivial part's eigenvalue): the writers only format
    /// what they are given, so the words and marks of a branch point are checked on it.
    static func loadBranchPoint() throws -> Data {
        let data = try load()
        let event = try XCTUnwrapped(data.located.first)
        let sweepEvent = FamilyEvent(
            event: ContinuationEvent(kind: .branchPoint, name: "branch point", bracket: event.sweepEvent.event.bracket),
            branch: 0, points: event.sweepEvent.points)
        let branchPoint = LocatedFamilyEvent(
            family: event.family, partition: event.partition, kind: .branchPoint, sweepEvent: sweepEvent, d: event.d,
            loss: event.loss, names: event.names, coordinates: event.coordinates, part: .trivial, irrep: "trivial",
            multiplicity: CountPolynomial(1), multiplicityValue: 1, signCheck: event.signCheck, foldSide: nil,
            verified: true, location: event.location)
        let trace = data.trace
        let events = trace.events.filter(\.isTouch) + [sweepEvent]
        let relabelled = FamilyTrace(
            family: trace.family, problem: trace.problem, points: trace.points, events: events, lowerStop: trace.lowerStop,
            upperStop: trace.upperStop)
        return Data(run: FamilyRun(trace: relabelled, events: [FamilyRun.Event(located: branchPoint, certification: nil)]))
    }
}

/// The words of a branch point in the transitions table, CSV and JSON and the diagram's CSV.
final class BranchPointReportTests: XCTestCase {
    func testTableNamesTheBranchPoint() throws {
        let data = try Fixture.loadBranchPoint()
        let table = TransitionsReport(events: data.run.events).table()
        XCTAssertTrue(table.contains("branch point  5.5855052474258800069  trivial"), table)
        XCTAssertTrue(table.contains("#1 d-1,1 one-flipped, branch point at d = 5.5855052474258800069 (20 digits"), table)
        XCTAssertTrue(table.contains("saddle (index 3.58551) -> minimum"), table)
    }

    func testCSVAndJSONGiveTheKindAsBranchPoint() throws {
        let data = try Fixture.loadBranchPoint()
        let report = TransitionsReport(events: data.run.events)
        let records = try CSVReader.parse(report.csv())
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[1][3], "branch point")
        XCTAssertEqual(records[1][7], "trivial")
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
        let item = try XCTUnwrap((root["transitions"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["kind"] as? String, "branch point")
        XCTAssertEqual(item["d"] as? String, "5.5855052474258800069")
    }

    func testDiagramCSVHasABranchPointRow() throws {
        let data = try Fixture.loadBranchPoint()
        let records = try CSVReader.parse(DiagramCSV.render(data.run))
        let column = try XCTUnwrap(records[0].firstIndex(of: "event"))
        let rows = records.filter { $0[column] == "branch point" }
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?[2], "5.5855052474258800069")
    }

    /// Certificates are for transitions; a branch point says why it has none.
    func testCertificateSectionSaysBranchPointsAreNotCertified() throws {
        let data = try Fixture.loadBranchPoint()
        let event = FamilyRun.Event(located: try XCTUnwrap(data.located.first), certification: .branchPoint)
        XCTAssertTrue(TransitionsReport(events: [event]).table().contains("not certified: branch points are not certified, only transitions"))
    }
}
