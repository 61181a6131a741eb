import Foundation
import XCTest

/// `--certify` of `transitions` and `spectrum`, as a user runs them.
final class CertifyCommandTests: XCTestCase {
    let seed = "1.00435,-0.01581,0.18237,0.12604,-0.69904"

    func testTransitionsJSONCarriesTheCertificate() throws {
        let run = try CommandLineRun.spurious(
            "transitions", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "5", "--digits", "30",
            "--certify", "--format", "json", "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let transition = try XCTUnwrap((json["transitions"] as? [[String: Any]])?.first)
        XCTAssertEqual(transition["certified"] as? Bool, true)
        // The uncertified location of the continuation issue: 5.58550524742588000694117627762339...
        XCTAssertEqual(transition["d"] as? String, "5.58550524742588000694117627762")
        XCTAssertEqual(transition["proved_d"] as? String, "5.58550524742588000694117627762")
        let low = try XCTUnwrap(transition["d_lo"] as? String)
        let high = try XCTUnwrap(transition["d_hi"] as? String)
        XCTAssertTrue(low.hasPrefix("5.5855052474258800069411762776"), low)
        XCTAssertTrue(high.hasPrefix("5.5855052474258800069411762776"), high)
        XCTAssertLessThan(low, high, "same length and prefix: text order is numeric order")
        XCTAssertTrue((transition["method"] as? String)?.contains("Krawczyk") ?? false)
        XCTAssertTrue((transition["statement"] as? String)?.contains("keeps its sign") ?? false)
        XCTAssertTrue(transition["certification_failure"] is NSNull)
        // The curve's enclosure over the interval holds the located coordinates.
        let curve = try XCTUnwrap(transition["curve"] as? [String: [String: String]])
        XCTAssertEqual(Set(curve.keys), ["D0", "O0", "C0_1", "C1_0", "D1"])
        let d0 = try XCTUnwrap(curve["D0"])
        XCTAssertTrue(d0["lower"]?.hasPrefix("0.9790549443501126282162720676") ?? false, "\(d0)")
        XCTAssertTrue(d0["upper"]?.hasPrefix("0.9790549443501126282162720676") ?? false, "\(d0)")
    }

    func testTransitionsTableStatesWhatIsProved() throws {
        let run = try CommandLineRun.spurious(
            "transitions", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "5", "--digits", "20", "--certify", "--quiet")
        XCTAssertEqual(run.status, 0, run.standardError)
        for fragment in ["certified at", "d_lo  5.5855052474258800069", "d_hi  5.5855052474258800069", "all 20 printed digits", "statement: for every d in [d_lo, d_hi]", "method: parametric Krawczyk"] {
            XCTAssertTrue(run.standardOutput.contains(fragment), "\(fragment) missing from\n\(run.standardOutput)")
        }
    }

    func testCertifyDoesNotPrintCSV() throws {
        let run = try CommandLineRun.spurious(
            "transitions", "--partition", "d-1,1", "--seed", seed, "--seed-d", "10", "--to", "5", "--certify", "--format", "csv")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.standardOutput, "")
        XCTAssertTrue(run.standardError.contains("--certify prints a table or json"), run.standardError)
    }

    func testSpectrumCertifiesTheIndexAndEveryEigenvalue() throws {
        let run = try CommandLineRun.spurious("spectrum", "--partition", "d-1,1", "--d", "10", "--seed", seed, "--digits", "12", "--certify", "--format", "json")
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(json["certified"] as? Bool, true)
        XCTAssertEqual(json["index"] as? Int, 0)
        XCTAssertEqual((json["loss"] as? [String: Any])?["value"] as? String, "0.0187021945856")
        let eigenvalues = try XCTUnwrap(json["eigenvalues"] as? [[String: Any]])
        XCTAssertEqual(eigenvalues.count, 12)
        XCTAssertEqual(eigenvalues.compactMap { $0["multiplicity_value"] as? Double }.reduce(0, +), 100)
        let smallest = try XCTUnwrap(eigenvalues.first { $0["value"] as? String == "0.0319640276465" })
        XCTAssertEqual(smallest["irrep"] as? String, "standard of S_{d-1}")

        let table = try CommandLineRun.spurious("spectrum", "--partition", "d-1,1", "--d", "5.5", "--seed", "0.97,-0.06,0.34,0.25,-0.58", "--certify")
        XCTAssertEqual(table.status, 0, table.standardError)
        XCTAssertTrue(table.standardOutput.contains("index          3.5 (certified)"), table.standardOutput)
        XCTAssertTrue(table.standardOutput.contains("exactly one critical point in the box"), table.standardOutput)
    }

    /// The global minimum W = I (rows parallel to teacher columns) is a regular point now:
    /// certified, index 0; a zero row is refused before any certification.
    func testSpectrumCertifiesTheGlobalMinimumAndRefusesAZeroRow() throws {
        let run = try CommandLineRun.spurious("spectrum", "--partition", "d", "--d", "6", "--seed", "1,0", "--certify")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("index          0 (certified)"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("exactly one critical point in the box"), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("0.090845056908104664231  (d-2,1,1) of S_{d}"), run.standardOutput)

        let zero = try CommandLineRun.spurious("spectrum", "--partition", "d", "--d", "6", "--seed", "0,0", "--certify")
        XCTAssertNotEqual(zero.status, 0)
        XCTAssertEqual(zero.standardOutput, "")
        XCTAssertTrue(zero.standardError.contains(" is zero"), zero.standardError)
    }
}
