import ArgumentParser
import Families
import LossModel
import MultiPrecision
import Spurious
import XCTest

@testable import SpuriousCLI

/// The commands' options parsed in-process: text becomes the domain's types (a Partition, seeds
/// and d kept as typed decimals, a quantity), and a bad value is refused with a message that
/// names the option and says what is wrong, before any work.
final class OptionParsingTests: XCTestCase {
    func testTransitionsWithASeedNamesOneFamily() throws {
        let command = try TransitionsCommand.parse([
            "--partition", "d-1,1", "--seed", "1.00435,-0.01581,0.18237,0.12604,-0.69904", "--seed-d", "10.0", "--to", "5",
            "--digits", "40",
        ])
        let request = command.request
        guard case let .family(family, to) = request.families else { return XCTFail("not one family: \(request.families)") }
        XCTAssertEqual(family.partition, try Partition(parsing: "d-1,1"))
        XCTAssertEqual(family.seed.map(\.text), ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"])
        XCTAssertEqual(family.seedD.text, "10.0", "kept as typed")
        XCTAssertEqual(family.name, "d-1,1 one-flipped")
        XCTAssertEqual(to, 5)
        XCTAssertEqual(request.digits, 40)
        XCTAssertFalse(request.certify)
    }

    func testTransitionsWithoutASeedIsTheCatalog() throws {
        let request = try TransitionsCommand.parse(["--partition", "d-2,2", "--partition", "d", "--at", "12"]).request
        guard case let .catalog(catalog) = request.families else { return XCTFail("not the catalog") }
        XCTAssertEqual(catalog.partitions, try ["d-2,2", "d"].map { try Partition(parsing: $0) })
        XCTAssertEqual(catalog.at, 12)
        XCTAssertEqual(catalog.starts, 200)
        XCTAssertEqual(request.maxD, 40)
        XCTAssertEqual(request.digits, 30)
        let defaults = try TransitionsCommand.parse([]).request
        guard case let .catalog(all) = defaults.families else { return XCTFail("not the catalog") }
        XCTAssertEqual(all.partitions, Catalog.defaultPartitions())
    }

    func testSpectrumOptionsAreTyped() throws {
        let command = try SpectrumCommand.parse(["--partition", "d-1,1,1r", "--d", "7.25", "--seed=-1,2e-3,0,0,1,0,0", "--certify"])
        XCTAssertEqual(command.partition.description, "d-1,1,1r")
        XCTAssertEqual(command.d.text, "7.25")
        XCTAssertEqual(command.seed.map(\.text), ["-1", "2e-3", "0", "0", "1", "0", "0"])
        XCTAssertTrue(command.certify)
        XCTAssertEqual(command.digits.digits, 20)
    }

    func testSeriesQuantityAndTop() throws {
        let command = try SeriesCommand.parse([
            "--partition", "d-1,1", "--seed", "1,0,0,0,-1", "--quantity", " eigenvalue:standard of S_{d-1}:2 ", "--max-d", "1e40",
        ])
        XCTAssertEqual(command.quantity.kind, .eigenvalue(irrep: "standard of S_{d-1}", rank: 2))
        XCTAssertEqual(command.topExponent, 40)
        XCTAssertEqual(try SeriesCommand.parse(["--partition", "d-1,1", "--seed", "1,0,0,0,-1"]).quantity, .loss)
    }

    /// Each bad value is refused by the parser itself, with the option, the value and the
    /// reason in the message.
    func testBadValuesNameTheOptionAndTheProblem() {
        let cases: [(any ParsableCommand.Type, [String], [String])] = [
            (TransitionsCommand.self, ["--partition", "d-1,x"], ["--partition <partition>", "'d-1,x'", "block 2 'x'"]),
            (TransitionsCommand.self, ["--at", "0x10"], ["--at <at>", "not a decimal number"]),
            (TransitionsCommand.self, ["--digits", "0"], ["--digits must be between 1 and 100000, got 0"]),
            (TransitionsCommand.self, ["--digits", "100001"], ["--digits must be between 1 and 100000, got 100001"]),
            (TransitionsCommand.self, ["--jobs", "0"], ["--jobs must be between 1 and 256, got 0"]),
            (SpectrumCommand.self, ["--partition", "d-1,1", "--d", "10", "--seed", "1,0,0,0,1", "--digits", "100001"], ["--digits must be between 1 and 100000, got 100001"]),
            (TransitionsCommand.self, ["--to", "5"], ["--to needs one family"]),
            (SpectrumCommand.self, ["--partition", "d-1,1", "--d", "10", "--seed", "1,x,0,0,1"], ["--seed <seed>", "value 2 'x' is not a decimal number"]),
            (SpectrumCommand.self, ["--partition", "d-1,1", "--d", "nan", "--seed", "1,0,0,0,1"], ["--d <d>", "'nan'"]),
            (SpectrumCommand.self, ["--partition", "d-1,1", "--d", "10"], ["Missing expected argument '--seed <seed>'"]),
            (FollowCommand.self, ["--partition", "d-1,1", "--seed", "1,0,0,0,1", "--svg-quantity", "Q7"], ["--svg-quantity: 'Q7'"]),
            (SeriesCommand.self, ["--partition", "d-1,1", "--seed", "1,0,0,0,1", "--max-d", "5e30"], ["--max-d <max-d>", "power of ten"]),
            (CriticalCommand.self, ["--partition", "d-2,2", "--d", "2.5"], ["--d:", "choose a larger d"]),
            (Doctor.self, ["--digits", "100001"], ["--digits must be between 1 and 100000"]),
        ]
        for (command, arguments, fragments) in cases {
            do {
                _ = try command.parseAsRoot(arguments)
                XCTFail("\(command) accepted \(arguments)")
            } catch {
                let message = command.message(for: error)
                for fragment in fragments { XCTAssertTrue(message.contains(fragment), "\(arguments): \(message)") }
            }
        }
    }
}
