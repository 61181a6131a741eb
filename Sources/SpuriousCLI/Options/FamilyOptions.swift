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
