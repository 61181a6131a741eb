import Foundation
import XCTest

/// `spurious spectrum` as a user runs it.
final class SpectrumCommandTests: XCTestCase {
    let seed = "1.00435,-0.01581,0.18237,0.12604,-0.69904"

    func testJSONOfTheOneFlippedPoint() throws {
        let run = try CommandLineRun.spurious("spectrum", "--partition", "d-1,1", "--d", "10", "--seed", seed, "--digits", "12", "--format", "json")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        for key in ["partition", "k", "d", "digits", "loss", "coordinates", "gradient_norm", "index", "singular", "eigenvalues"] {
            XCTAssertNotNil(json[key], key)
        }
        XCTAssertEqual(json["index"] as? Int, 0)
        XCTAssertEqual(json["singular"] as? Bool, false)
        // docs/design.md section 3: loss 0.018702194585606973, 12 distinct eigenvalues.
        XCTAssertEqual(json["loss"] as? String, "0.0187021945856")
        let eigenvalues = try XCTUnwrap(json["eigenvalues"] as? [[String: Any]])
        XCTAssertEqual(eigenvalues.count, 12)
        XCTAssertEqual(eigenvalues.compactMap { $0["multiplicity_value"] as? Double }.reduce(0, +), 100)
        XCTAssertEqual(eigenvalues.first?["value"] as? String, "0.0319640276465")
    }

    func testNegativeSeedsWorkInBothSpellings() throws {
        for arguments in [["--seed", "-0.8,0.2"], ["--seed=-0.8,0.2"]] {
            // A Delta S_d seed (D0, O0) at d = 6; whatever it converges to, it must parse.
            let run = try CommandLineRun.spurious(["spectrum", "--partition", "d", "--d", "6"] + arguments)
            XCTAssertFalse(run.standardError.contains("Missing value"), run.standardError)
            XCTAssertFalse(run.standardError.contains("Unknown option"), run.standardError)
        }
    }

    func testBadInputGivesAClearMessageAndNothingOnStdout() throws {
        let cases: [([String], String)] = [
            (["--partition", "d-1,1", "--d", "10", "--seed", "1,2"], "5 values expected"),
            (["--partition", "d-1,1", "--d", "1.5", "--seed", seed], "below 1"),
            (["--partition", "d-1,1", "--d", "10", "--seed", "1,x,0,0,1"], "'x' is not a decimal number"),
            (["--partition", "d-1,q", "--d", "10", "--seed", seed], "is invalid for '--partition <partition>'"),
            (["--partition", "d-1,1", "--d", "10", "--seed", seed, "--digits", "0"], "--digits"),
            (["--partition", "d-1,1", "--d", "10", "--seed", "0,0,0,0,0"], "zero"),
        ]
        for (arguments, fragment) in cases {
            let run = try CommandLineRun.spurious(["spectrum"] + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(arguments)")
            XCTAssertTrue(run.standardError.contains(fragment), "\(arguments): \(run.standardError)")
            XCTAssertFalse(run.standardError.contains("Fatal error"), run.standardError)
        }
    }

    func testGlobalMinimumHasItsSpectrumAndAZeroRowIsRefused() throws {
        // W = I, the global minimum: every row is parallel to its teacher column, a regular
        // point (docs/design.md section 1). Its smallest eigenvalue is 1/4 - 1/(2 pi), in two irreps.
        let run = try CommandLineRun.spurious("spectrum", "--partition", "d", "--d", "6", "--seed", "1,0", "--format", "json")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(json["singular"] as? Bool, false)
        XCTAssertEqual(json["index"] as? Int, 0)
        let eigenvalues = try XCTUnwrap(json["eigenvalues"] as? [[String: Any]])
        XCTAssertEqual(eigenvalues.count, 7)
        XCTAssertEqual(eigenvalues.compactMap { $0["multiplicity_value"] as? Double }.reduce(0, +), 36)
        XCTAssertEqual(eigenvalues.prefix(2).compactMap { $0["value"] as? String }, Array(repeating: "0.090845056908104664231", count: 2))

        // A zero row (D0 = O0 = 0) has no gradient: a clear error, nothing on stdout.
        let zero = try CommandLineRun.spurious("spectrum", "--partition", "d", "--d", "6", "--seed", "0,0")
        XCTAssertNotEqual(zero.status, 0)
        XCTAssertEqual(zero.standardOutput, "")
        XCTAssertTrue(zero.standardError.contains(" is zero"), zero.standardError)
    }
}
