import ArgumentParser
import Families
import LossModel
import MultiPrecision

/// The options that name one family: a fixed space and a seed at a reference d.
struct FamilyOptions: ParsableArguments {
    @Option(
        help: "Fixed space as a partition, e.g. d-1,1 or d-2,2 (suffix r: rows only, c: columns only).",
        transform: ArgumentParsing.partition)
    var partition: Partition

    @Option(
        parsing: .unconditional,
        help: "Seed values, comma-separated in variable order (D0,O0,C0_1,...); a leading minus sign is fine.",
        transform: ArgumentParsing.decimalList)
    var seed: [DecimalLiteral]

    @Option(
        name: .customLong("seed-d"), parsing: .unconditional, help: "The d at which the seed is given (default: 10).",
        transform: ArgumentParsing.decimal)
    var seedD: DecimalLiteral = DecimalLiteral(exactly: 10)

    /// The family the options name.
    var family: Family { Family.named(partition: partition, seed: seed, seedD: seedD) }
}

/// The range a family is followed over: refused when it asks for nothing (--to at the seed's
/// d, --max-d not above it), so that no request is quietly ignored.
enum FollowRange {
    static func validate(seedD: DecimalLiteral, to: DecimalLiteral?, maxD: DecimalLiteral) throws {
        if let to {
            guard to.double != seedD.double else {
                throw ValidationError("--to \(to) is the seed's d (--seed-d \(seedD)): there is nothing to follow; give a d on either side, or leave --to out to follow both ways")
            }
        } else if maxD.double <= seedD.double {
            throw ValidationError("--max-d \(maxD) is not above the seed's d (--seed-d \(seedD)), so the family would only be followed down; give a larger --max-d, or --to to follow one way")
        }
    }

    /// Accepted steps per direction: each point keeps its coordinates and spectrum summary
    /// (a few hundred bytes), so this bounds a run's memory to some tens of MB.
    static let maximumSteps = 100_000
}
