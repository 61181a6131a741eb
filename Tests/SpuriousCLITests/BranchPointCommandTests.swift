import Foundation
import XCTest

/// `follow` and `transitions` in d-2,1,1 from the one-flipped seed embedded there, as a user runs
/// them: the family passes the branch point where its d-1,1 transition lies and reports it.
final class BranchPointCommandTests: XCTestCase {
    /// The d-1,1 seed 1.00435 -0.01581 0.18237 0.12604 -0.69904 copied into D0 O0 C0_1 C0_2 C1_0
    /// D1 C1_2 C2_0 C2_1 D2 (`spurious formula --partition d-2,1,1` names them in this order).
    let seed = "1.00435,-0.01581,-0.01581,0.18237,-0.01581,1.00435,0.18237,0.12604,0.12604,-0.69904"
    /// The d-1,1 one-flipped transition to 30 digits, computed in d-1,1 (data/transitions.csv).
    let transition = "5.58550524742588000694117627762"

    func testFollowPassesTheBranchPointAndReportsIt() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-branch-\(UUID().uuidString).csv").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: csv) }
        let run = try CommandLineRun.spurious(
            "follow", "--partition", "d-2,1,1", "--seed", seed, "--seed-d", "10", "--to", "5.01", "--digits", "30",
            "--csv", csv, "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("down    reached d = 5.0100000"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("branch point  \(transition)  trivial"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("#1 d-2,1,1 one-flipped, branch point at d = \(transition) (30 digits"))
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.filter { $0.contains(",branch point,") }.count, 1)
    }

    func testTransitionsReportsTheBranchPointInJSON() throws {
        let run = try CommandLineRun.spurious(
            "transitions", "--partition", "d-2,1,1", "--seed", seed, "--seed-d", "10", "--to", "5.01", "--digits", "20",
            "--format", "json", "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let events = try XCTUnwrap(json["transitions"] as? [[String: Any]])
        let branchPoints = events.filter { $0["kind"] as? String == "branch point" }
        XCTAssertEqual(branchPoints.count, 1)
        XCTAssertEqual(branchPoints.first?["d"] as? String, "5.5855052474258800069", "the same to 20 digits")
        XCTAssertEqual(branchPoints.first?["irrep"] as? String, "trivial")
        XCTAssertEqual(branchPoints.first?["verified"] as? Bool, true)
    }
}
