import Foundation
import XCTest

/// `spurious series` as a user runs it, on the one-flipped family at modest digits.
final class SeriesCommandTests: XCTestCase {
    let family = ["--partition", "d-1,1", "--seed", "1.00435,-0.01581,0.18237,0.12604,-0.69904", "--seed-d", "10"]

    func testHelpHasAnExample() throws {
        let run = try CommandLineRun.spurious("series", "--help")
        XCTAssertEqual(run.status, 0)
        for text in ["Examples", "spurious series --partition d-1,1", "--quantity", "--terms", "--digits", "--check", "--basis", "--max-d"] {
            XCTAssertTrue(run.standardOutput.contains(text), text)
        }
    }

    /// The whole spectrum with and without --csv (the CSV file written only when asked), and
    /// the built-in family by name.
    func testSpectrumByFamilyNameWithAndWithoutCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("series-spectrum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("spectrum.csv").path
        let options = ["--quantity", "spectrum", "--versus", "global-minimum", "--terms", "1", "--digits", "8", "--max-d", "1e12", "--quiet"]
        let plain = try CommandLineRun.spurious(["series", "--family", "d-1,1 one-flipped"] + options)
        XCTAssertEqual(plain.status, 0, plain.standardError)
        XCTAssertTrue(plain.standardOutput.contains("counted with multiplicity (polynomials in d):"), plain.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: csv))
        let withCSV = try CommandLineRun.spurious(["series", "--family", "d-1,1 one-flipped", "--csv", csv] + options)
        XCTAssertEqual(withCSV.status, 0, withCSV.standardError)
        XCTAssertEqual(withCSV.standardOutput, plain.standardOutput)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "d,quantity,part,rank,multiplicity,family,global_minimum,difference")
        XCTAssertEqual(lines.count, 1 + 12 * 12)  // 12 rungs (10 ... 1e12), 12 distinct eigenvalues
        let wrong = try CommandLineRun.spurious(["series", "--family", "d-1,1 one-flipped", "--csv", csv])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.standardError.contains("--quantity spectrum"), wrong.standardError)
    }

    func testTableOfTheLossExpansion() throws {
        let run = try CommandLineRun.spurious(["series"] + family + ["--terms", "2", "--digits", "20"])
        XCTAssertEqual(run.status, 0, run.standardError)
        for text in ["leading   d^(-1)", "0.29735763271532445711", "1/2 - 2/pi^2", "-3/2", "-0.10950381071663290868", "top       loss = 2.9735763271532434761e-31 at d = 1e30"] {
            XCTAssertTrue(run.standardOutput.contains(text), "\(text) missing from\n\(run.standardOutput)")
        }
    }

    private struct Series: Decodable {
        struct Term: Decodable {
            var power: String
            var coefficient: String?
            var digits: Int
            var closed_form: String?
            var residual: String?
        }
        var quantity: String
        var terms: [Term]
    }

    func testJSONShape() throws {
        let run = try CommandLineRun.spurious(["series"] + family + ["--quantity", "D1", "--terms", "3", "--digits", "20", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let series = try JSONDecoder().decode(Series.self, from: Data(run.standardOutput.utf8))
        XCTAssertEqual(series.quantity, "D1")
        XCTAssertEqual(series.terms.map(\.power), ["0", "-1/2", "-1"])
        // D1 -> -1; no d^(-1/2) term (a zero with its bound as residual); then (2 + 8/pi + 8/pi^2)/d.
        XCTAssertEqual(series.terms.map(\.closed_form), ["-1", "0", "2 + 8/pi + 8/pi^2"])
        XCTAssertEqual(series.terms.map(\.digits), [20, 0, 20])
        XCTAssertEqual(series.terms[1].coefficient, "0")
        XCTAssertNotNil(series.terms[1].residual)
    }

    func testCheckReportsTheOrderOfTheRemainder() throws {
        let run = try CommandLineRun.spurious(["series"] + family + ["--check", "(1/2 - 2/pi^2)/d", "--digits", "15", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(json["observed_power"] as? String, "-3/2")
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 30)
        XCTAssertEqual(rows.last?["d"] as? String, "1e30")
        // Relative remainder 0.11/0.297 d^-1/2: 15 digits agree at d = 1e30.
        XCTAssertEqual(rows.last?["agreeing_digits"] as? Int, 15)
    }

    func testBadInputGivesAClearMessageAndNothingOnStdout() throws {
        let cases: [([String], String)] = [
            (["--quantity", "loss"], "name the family: --family NAME, or --partition and --seed"),
            (["--family", "d-9,9 none"], "no built-in family 'd-9,9 none'; the built-in ones are \"d-1,1 one-flipped\""),
            (["--family", "d-1,1 one-flipped"] + family, "leave out --partition, --seed and --seed-d"),
            (family + ["--versus", "global-minimum"], "add --quantity spectrum"),
            (["--partition", "d-1,1,1r", "--seed", "1,0,0,0,1,0,0", "--quantity", "spectrum", "--versus", "global-minimum"], "not a point of d-1,1,1r"),
            (family + ["--quantity", "D9"], "unknown quantity 'D9'"),
            (family + ["--terms", "0"], "--terms"),
            (family + ["--digits", "0"], "--digits"),
            (family + ["--max-d", "1e5"], "--max-d"),
            (family + ["--max-d", "3e10"], "power of ten"),
            (family + ["--check", "2d"], "at character 2"),
            (family + ["--basis", "1,2"], "linearly dependent"),
            (family + ["--basis", "1,1/d"], "depends on d"),
            (family + ["--seed-d", "1e28"], "--seed-d"),
            (["--partition", "d-1,1", "--seed", "1,0,0,0,-1", "--seed-d", "1.5"], "below 1"),
            (["--partition", "d-1,1", "--seed", "1,2"], "5 seed values expected"),
        ]
        for (arguments, fragment) in cases {
            let run = try CommandLineRun.spurious(["series"] + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(arguments)")
            XCTAssertTrue(run.standardError.contains(fragment), "\(arguments): \(run.standardError)")
            XCTAssertFalse(run.standardError.contains("Fatal error"), run.standardError)
        }
    }
}
