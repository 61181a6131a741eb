import BruteForce
import Families
import LossModel
import MultiPrecision
import Report
import Spurious
import XCTest

/// The atlas run in-process on small requests (a short ladder, few starts, k up to 10 or 12),
/// each checked against a route that does not go through the atlas: the catalog's own run
/// (`TransitionsJob`), the transitions printed in README.md (30 digits, `spurious
/// transitions`), and the BruteForce model's full k d x k d Hessian.
final class AtlasJobTests: XCTestCase {
    func partitions(_ texts: [String]) throws -> [Partition] { try texts.map { try Partition(parsing: $0) } }

    /// Restricted to d, d-1,1 and d-2,2 the atlas finds the catalog's five families, with the
    /// same transitions to every printed digit, and d* where each turns into a minimum. (With
    /// `d` among the spaces both leave out the copy of the d-flipped family in d-2,2.)
    ///
    /// The same atlas in three shards, each written to its part file's text and read back,
    /// merges into the same bytes in every format (one job against two: AtlasCommandTests).
    func testCatalogFamiliesTheirTransitionsAndShards() async throws {
        let spaces = try partitions(["d", "d-1,1", "d-2,2"])
        let request = AtlasRequest(spaces: spaces, ladder: [8], maxK: 8, digits: 20, starts: 40, jobs: 2)
        let atlas = try await AtlasJob.run(request)
        let catalog = try await TransitionsJob.run(TransitionsRequest(
            families: .catalog(CatalogRequest(partitions: spaces, at: 8, starts: 40)), maxD: 8, digits: 20))
        XCTAssertEqual(
            Set(atlas.families.map(\.name)), Set(catalog.runs.map(\.family.name)),
            "\(atlas.families.map(\.name)) against \(catalog.runs.map(\.family.name))")
        for run in catalog.runs {
            let family = try XCTUnwrap(atlas.families.first { $0.name == run.family.name })
            XCTAssertEqual(
                family.events.filter { $0.kind == .transition }.map(\.location?.d.decimal),
                run.located.filter { $0.kind == .transition }.map(\.d.decimal), run.family.name)
        }
        // d* against README.md's 30-digit transitions (where the index drops to 0).
        let readme: [String: Double] = [
            "d d-flipped": 5.76381273491957116692455955808,
            "d-1,1 one-flipped": 5.58550524742588000694117627762, "d-1,1 (d-1)-flipped": 6.74483065624563159539432215851,
            "d-2,2 two-flipped": 7.56119049794540106743983308001, "d-2,2 (d-2)-flipped": 7.72975915606000475880267515405,
        ]
        for (name, d) in readme {
            let onset = try XCTUnwrap(atlas.families.first { $0.name == name }?.onset, name)
            XCTAssertEqual(try XCTUnwrap(onset.location?.d.approximate), d, accuracy: 1e-14 * d, name)
            XCTAssertEqual(onset.location?.digits, 20, name)
        }

        let whole = AtlasReport(atlas)
        var parts: [AtlasPart] = []
        for index in [3, 1, 2] {
            let shard = try XCTUnwrap(AtlasShard(index: index, count: 3))
            let text = try AtlasPartFile.encoded(try await AtlasJob.part(request, shard: shard))
            parts.append(try AtlasPartFile.decoded(text, name: "part \(index)"))
        }
        let merged = AtlasReport(try AtlasJob.merge(parts))
        XCTAssertEqual(merged.table(), whole.table())
        XCTAssertEqual(merged.csv(), whole.csv())
        XCTAssertEqual(merged.minimaCSV(), whole.minimaCSV())
        XCTAssertEqual(merged.json().rendered(), whole.json().rendered())
        XCTAssertTrue(atlas.copies.contains { $0.of == "d d-flipped" && $0.partition.description == "d-2,2" }, whole.table())
        XCTAssertThrowsError(try AtlasJob.merge(Array(parts.prefix(2)))) { error in
            XCTAssertEqual(error as? AtlasMergeError, .missingShards([2], of: 3))
        }
        XCTAssertThrowsError(try AtlasJob.merge(parts + [parts[0]])) { error in
            XCTAssertEqual(error as? AtlasMergeError, .duplicateShard(parts[0].shard))
        }
    }

    /// The one-flipped minimum found at d = 8 and again at d = 20 lies on one curve: listed once,
    /// found at both.
    func testAFamilyFoundAtTwoLadderPointsIsListedOnce() async throws {
        let atlas = try await AtlasJob.run(AtlasRequest(spaces: try partitions(["d-1,1"]), ladder: [8, 20], maxK: 8, digits: 10, starts: 60))
        let oneFlipped = atlas.families.filter { $0.name.hasPrefix("d-1,1 one-flipped") }
        XCTAssertEqual(oneFlipped.map(\.name), ["d-1,1 one-flipped"])
        XCTAssertEqual(oneFlipped.first?.foundAt, [8, 20])
    }

    /// Minima rows at integer k against the BruteForce model: at the family's point at that d,
    /// the full Hessian has no negative eigenvalue, and its smallest eigenvalue and the loss
    /// agree with the row's proved digits to 1e-12.
    func testMinimaRowsAgreeWithTheBruteForceHessian() async throws {
        let partition = try Partition(parsing: "d-1,1")
        let atlas = try await AtlasJob.run(AtlasRequest(spaces: [partition], ladder: [8], maxK: 9, digits: 20, starts: 60))
        let model = SpectrumModel(partition)
        var checked = 0
        for family in atlas.families {
            XCTAssertEqual(family.minima.map(\.k), Array(family.minima.first.map { $0.k...9 } ?? 0...(-1)), family.name)
            for row in family.minima where row.k >= 8 {
                let point = try model.loss.criticalPoint(from: row.x, d: Double(row.d))
                let network = FullSpaceNetwork(weights: try FixedSpaceLayout.parse("d-1,1", d: row.d).weights(point.x))
                let spectrum = try network.spectrum()
                XCTAssertEqual(spectrum.filter { $0.value < -1e-9 }.count, 0, "\(family.name) at k = \(row.k)")
                let smallest = try XCTUnwrap(spectrum.map(\.value).min())
                XCTAssertEqual(smallest, row.minEigenvalue.approximate, accuracy: 1e-12, "\(family.name) at k = \(row.k)")
                XCTAssertEqual(network.loss, row.loss.approximate, accuracy: 1e-12, "\(family.name) at k = \(row.k)")
                XCTAssertEqual(row.index, 0)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 4, "two families, k = 8 and 9")
    }
}
