import Families
import LossModel
import XCTest

/// The catalog finds the one-flipped and two-flipped families by itself (no seeds), and their
/// transitions are those of the families seeded from docs/design.md section 4.
final class CatalogTests: XCTestCase {
    func transitions(of family: Family) throws -> [String] {
        let trace = try family.follow(FollowSettings(lower: nil, upper: 10.5))
        return try trace.events.filter { if case .testFunction = $0.event.kind { true } else { false } }
            .map { try XCTUnwrap(try trace.locate($0, digits: 15).d.decimal) }
    }

    func testCatalogReproducesTheSeededFamilies() throws {
        let partitions = try ["d-1,1", "d-2,2"].map { try Partition(parsing: $0) }
        let found = try Catalog.discover(partitions: partitions, at: 10, starts: 100, rngSeed: 1).map(\.family)
        for seeded in try Family.builtIn() {
            let match = try XCTUnwrap(found.first { $0.name == seeded.name }, "\(seeded.name) not in \(found.map(\.name))")
            XCTAssertEqual(try transitions(of: match), try transitions(of: seeded), seeded.name)
        }
    }

    func testFamilyNamesCountFlippedRows() throws {
        let partitions = try ["d-1,1"].map { try Partition(parsing: $0) }
        let names = try Catalog.discover(partitions: partitions, at: 10, starts: 60, rngSeed: 1).map(\.family.name)
        XCTAssertTrue(names.contains("d-1,1 one-flipped"), "\(names)")
        XCTAssertTrue(names.contains("d-1,1 (d-1)-flipped"), "\(names)")
    }
}
