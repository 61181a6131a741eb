import ArgumentParser
import Families
import LossModel
import MultiPrecision

/// The options that name one family: a fixed space and a seed at a reference d.
struct FamilyOptions: ParsableArguments {
    @Option(help: "Fixed space as a partition, e.g. d-1,1 or d-2,2 (suffix r: rows only, c: columns only).")
    var partition: String?

    @Option(parsing: .unconditional, help: "Seed values, comma-separated in variable order (D0,O0,C0_1,...); a leading minus sign is fine.")
    var seed: String?

    @Option(name: .customLong("seed-d"), parsing: .unconditional, help: "The d at which the seed is given (default 10).")
    var seedD: String = "10"

    func validate() throws {
        if partition != nil && seed == nil { throw ValidationError("--partition needs --seed (the family's point at --seed-d)") }
        if seed != nil && partition == nil { throw ValidationError("--seed needs --partition") }
        guard (try? Double(parsing: seedD, precision: 53)) != nil else {
            throw ValidationError("--seed-d: '\(seedD)' is not a decimal number")
        }
        if let seed { _ = try NumberList(seed, option: "--seed") }
        if let partition {
            do { _ = try Partition(parsing: partition) } catch { throw ValidationError("\(error)") }
        }
    }

    /// The family the options name, or nil when none is named.
    func family() throws -> Family? {
        guard let partition, let seed else { return nil }
        let parsed = try Partition(parsing: partition)
        return Family.named(partition: parsed, seed: try NumberList(seed, option: "--seed").texts, seedD: seedD)
    }
}
