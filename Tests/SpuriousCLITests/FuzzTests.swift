import Foundation
import XCTest
import Report
import _TestSupport

@testable import SpuriousCLI

/// Hundreds of random command lines, from a seeded generator, run in-process through the same
/// entry point as the binary: every one must end with status 0, or with a non-zero status and a
/// message on stderr; no message may show NaN or infinity; a failed command leaves no file
/// behind, and no run leaves a temporary. A trap ends the whole test process, which fails the
/// suite. The inputs mix valid and invalid partitions, numbers (hexadecimal, NaN, huge, tiny,
/// typed just beside a bound), seeds of the right and wrong length, and output paths that can
/// and cannot be written.
final class FuzzTests: XCTestCase {
    static let cases = 400

    var generator = SeededGenerator(seed: 20_261_201)

    func pick<T>(_ choices: [T]) -> T { choices[Int(generator.next() % UInt64(choices.count))] }
    func chance(_ p: Double) -> Bool { generator.unit() < p }

    static let partitions = [
        "d", "d-1,1", "d-2,2", "d-1,1,1r", "d,1r", "d-2,1,1", "d,2r", "d-3,3", "d-1,1c",
        "", "d-", "d,,1", "d-1,2", "d-1,x", "1", "d-10001,10001", "d+5", "d-1,1,1r,1r", "\u{1B}[1md", "d-1,١",
        "d-12,1,1,1,1,1,1,1,1,1,1,1,1", "d+9223372036854775807,9223372036854775807",
    ]

    static let numbers = [
        "10", "5.5", "7.25", "6", "4", "4.0000000000000000001", "3", "2.5", "0", "-1", "1e15", "1e16", "1e300", "1e308",
        "1e-308", "nan", "inf", "-inf", "0x10", "", "1e", "10.", ".5", "1,5", "1e1000",
    ]

    func number() -> String {
        chance(0.5) ? pick(Self.numbers) : String(format: "%.3f", generator.uniform(3, 14))
    }

    func seed(for partition: String) -> String {
        let dimensions = ["d": 2, "d-1,1": 5, "d-2,2": 6, "d-1,1,1r": 7, "d,1r": 3, "d-2,1,1": 10, "d,2r": 3, "d-3,3": 6, "d-1,1c": 4]
        var count = dimensions[partition] ?? Int(generator.next() % 8)
        if chance(0.15) { count += chance(0.5) ? 1 : -1 }
        let values = (0..<max(count, 0)).map { index -> String in
            if chance(0.05) { return pick(["nan", "1e308", "x", "", "0x1p3", "-0"]) }
            return String(format: "%.4f", index == 0 ? generator.uniform(-1.5, 1.5) : generator.uniform(-1, 1))
        }
        return values.joined(separator: ",")
    }

    func path(in directory: String) -> String {
        pick([
            directory + "/out.csv", directory + "/out.svg", directory + "/no/such/dir/x.csv", directory, "-",
            directory + "/" + String(repeating: "n", count: 251) + ".csv", directory + "/with space.csv", "",
        ])
    }

    func arguments(in directory: String) -> [String] {
        let partition = chance(0.85) ? pick(Array(Self.partitions.prefix(9))) : pick(Self.partitions)
        let d = number()
        switch generator.next() % 12 {
        case 0:
            return ["formula", "--partition", partition] + (chance(0.5) ? ["--what", pick(["loss", "gradient", "hessian", "jacobian"])] : [])
                + (chance(0.5) ? ["--format", pick(["text", "latex", "sympy", "xml"])] : [])
        case 1, 2, 3:
            var arguments = ["spectrum", "--partition", partition, "--d", d, "--seed", seed(for: partition)]
            if chance(0.3) { arguments += ["--digits", pick(["1", "8", "15", "0", "3000", "x"])] }
            if chance(0.1) { arguments += ["--certify", "--digits", "6"] }
            if chance(0.3) { arguments += ["--format", pick(["table", "json", "csv"])] }
            return arguments
        case 4, 5:
            return ["critical", "--partition", partition, "--d", d, "--starts", pick(["1", "2", "3", "0", "-4", "100001"])]
                + (chance(0.3) ? ["--digits", pick(["5", "0", "12"])] : []) + (chance(0.3) ? ["--format", pick(["json", "csv", "html"])] : [])
        case 6, 7, 8:
            let seedD = chance(0.8) ? pick(["10", "9.5", "12"]) : number()
            let to = chance(0.8) ? String(format: "%.3f", (Double(seedD) ?? 10) + generator.uniform(-0.5, 0.5)) : number()
            var arguments = ["follow", "--partition", partition, "--seed", seed(for: partition), "--seed-d", seedD, "--to", to,
                             "--max-steps", pick(["5", "20", "40", "0"]), "--digits", pick(["3", "6", "0"]), "--quiet"]
            if chance(0.4) { arguments += ["--csv", path(in: directory)] }
            if chance(0.3) { arguments += ["--svg", path(in: directory)] }
            if chance(0.1) { arguments += ["--svg-quantity", pick(["loss", "D0", "Z9"])] }
            if chance(0.05) { arguments += ["--digits", "4"] }
            return arguments
        case 9, 10:
            let to = String(format: "%.3f", 10 + generator.uniform(-0.4, 0.4))
            var arguments = ["transitions", "--partition", partition, "--seed", seed(for: partition), "--to", chance(0.9) ? to : number(),
                             "--digits", pick(["3", "5", "100001"]), "--quiet"]
            if chance(0.3) { arguments += ["--format", pick(["table", "csv", "json"])] }
            if chance(0.2) { arguments += ["--diagrams", pick([directory + "/diagrams", directory + "/out.csv/sub", directory])] }
            return arguments
        default:
            return ["doctor", "--digits", pick(["5", "50", "0", "100001", "abc"])]
        }
    }

    /// Runs one command line in-process, its output in files; returns the status and texts.
    func run(_ arguments: [String], scratch: String) throws -> (status: Int32, output: String, errors: String) {
        let outPath = scratch + "/stdout", errPath = scratch + "/stderr"
        let out = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let err = open(errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(out); close(err) }
        let status = StandardOutput.$descriptor.withValue(out) {
            StandardError.$descriptor.withValue(err) { SpuriousCommand.run(arguments) }
        }
        return (status, try String(contentsOfFile: outPath, encoding: .utf8), try String(contentsOfFile: errPath, encoding: .utf8))
    }

    func listing(_ directory: String) -> Set<String> {
        var all: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let item = enumerator?.nextObject() as? String { all.insert(item) }
        return all
    }

    func testRandomCommandLinesSucceedOrFailClearly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spurious-fuzz-\(UUID().uuidString)").path
        let directory = root + "/work", scratch = root + "/io"
        for folder in [directory, scratch] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        var statuses: [Int32: Int] = [:]
        let started = Date()
        for number in 0..<Self.cases {
            let arguments = arguments(in: directory)
            let before = listing(directory)
            let result = try run(arguments, scratch: scratch)
            statuses[result.status, default: 0] += 1
            let what = "case \(number): \(arguments)"
            if result.status == 0 {
                XCTAssertFalse(result.output.isEmpty && !arguments.contains("-"), "\(what): success with no output")
            } else {
                XCTAssertTrue(result.errors.hasPrefix("Error:"), "\(what): \(result.status) with \(result.errors.prefix(300))")
                XCTAssertEqual(listing(directory).subtracting(before), [], "\(what): a failed command left files")
            }
            // NaN and infinity may appear only where the message quotes what the user typed.
            let unquoted = result.errors.replacingOccurrences(of: #"'[^']*'"#, with: "''", options: .regularExpression)
            XCTAssertNil(unquoted.range(of: #"\b(nan|inf|infinity)\b"#, options: [.regularExpression, .caseInsensitive]), "\(what): \(result.errors.prefix(300))")
            XCTAssertFalse(listing(directory).contains { $0.contains(".spurious-") }, "\(what): a temporary file is left")
            XCTAssertFalse(result.errors.contains("\u{1B}"), "\(what): a raw control character reached stderr")
            // Outputs of one case may not be read as the next case's.
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        print("fuzz: \(Self.cases) command lines in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; statuses \(statuses.sorted { $0.key < $1.key })")
    }
}
