import Foundation
import XCTest

/// `spurious branches` as a user runs it: the one-flipped family's transition creates the
/// transcritical d-2,1,1 branch, which meets the family at the same d (computed in the finer
/// space: an independent route to the digits of the d-1,1 transition), with the index on each
/// side; the graph and the picture are written; bad options are refused with nothing left.
final class BranchesCommandTests: XCTestCase {
    /// The d-1,1 one-flipped transition to 20 digits (data/transitions.csv).
    let transition = "5.5855052474258800069"

    func temporary(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-branches-\(UUID().uuidString)-\(name)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testOneFlippedBranchInJSONWithGraphAndPicture() throws {
        let graph = temporary("graph.json"), pictures = temporary("svg")
        let run = try CommandLineRun.spurious(
            "branches", "--family", "d-1,1 one-flipped", "--max-d", "12", "--max-split", "1", "--format", "json",
            "--graph", graph, "--svg", pictures, "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let family = try XCTUnwrap((json["families"] as? [[String: Any]])?.first)
        let transition = try XCTUnwrap((family["transitions"] as? [[String: Any]])?.first)
        XCTAssertEqual(transition["d"] as? String, self.transition)
        let bifurcation = try XCTUnwrap(transition["bifurcation"] as? [String: Any])
        XCTAssertEqual(bifurcation["type"] as? String, "transcritical")
        let branch = try XCTUnwrap((bifurcation["branches"] as? [[String: Any]])?.first)
        XCTAssertEqual(branch["partition"] as? String, "d-2,1,1")
        XCTAssertEqual(branch["side"] as? String, "both")
        // Below d* the branch has index d - 3 (every part of d-2,1,1 counted), above it 1.
        XCTAssertEqual(try XCTUnwrap(branch["index_below"] as? Double), 5.5855052474258800069 - 3, accuracy: 1e-9)
        XCTAssertEqual(branch["index_above"] as? Double, 1)
        let events = try XCTUnwrap(branch["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { $0["kind"] as? String == "branch point" && $0["d"] as? String == self.transition }, "\(events)")
        let coefficients = try XCTUnwrap(branch["coefficients"] as? [String: Any])
        XCTAssertTrue((coefficients["q"] as? String)?.hasPrefix("-0.0349") ?? false, "\(coefficients)")

        let nodes = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: graph))) as? [String: Any])?["nodes"] as? [[String: Any]])
        XCTAssertTrue(nodes.contains { $0["kind"] as? String == "transition" && $0["d"] as? String == self.transition })
        let picture = try String(contentsOfFile: (pictures as NSString).appendingPathComponent("d-1-1-one-flipped.svg"), encoding: .utf8)
        XCTAssertTrue(picture.hasPrefix("<svg") && picture.contains("d-2,1,1"), String(picture.prefix(200)))
    }

    func testTableStatesWhatExistsOnEachSide() throws {
        let run = try CommandLineRun.spurious("branches", "--family", "d-1,1 one-flipped", "--max-d", "12", "--max-split", "1", "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("d-2,1,1 (S_{d-2} x S_{1} x S_{1}; block 0 (d-1) into d-2,1): transcritical"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains(
            "below d*: the family (a saddle of index 3.58551) and the branch in d-2,1,1 (a saddle of index 2.58551); above d*: the family (a minimum) and the branch in d-2,1,1 (a saddle of index 1)"),
            run.standardOutput)
    }

    func testBadOptionsAreRefusedAndLeaveNothing() throws {
        let graph = temporary("graph.json")
        let file = temporary("not-a-directory")
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        for (arguments, message) in [
            (["--depth", "0"], "--depth must be 1, 2 or 3"),
            (["--max-split", "9"], "--max-split must be between 1 and 4"),
            (["--family", "nonesuch"], "no built-in family 'nonesuch'"),
            (["--family", "d-1,1 one-flipped", "--max-d", "9"], "--max-d"),
            (["--family", "d-1,1 one-flipped", "--graph", graph, "--svg", file], "--svg: '\(file)' exists and is not a directory"),
        ] {
            let run = try CommandLineRun.spurious(["branches"] + arguments + ["--quiet"])
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertTrue(run.standardError.contains(message), "\(arguments): \(run.standardError)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: graph), "\(arguments) left the graph behind")
        }
    }

    func testHelpHasAnExample() throws {
        let run = try CommandLineRun.spurious("branches", "--help")
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.contains("spurious branches --family \"d-1,1 one-flipped\""), run.standardOutput)
    }
}
