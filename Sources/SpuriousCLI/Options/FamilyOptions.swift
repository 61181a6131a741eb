import ArgumentParser
import Families
import LossModel
import MultiPrecision

/// The options that name one family: a built-in one by name, or a fixed space and a seed at a
/// reference d.
struct FamilyOptions: ParsableArguments {
    @Option(help: "A built-in family by name, instead of --partition and --seed: \(FamilyOptions.builtInNames).")
    var family: String?

    @Option(
        help: "Fixed space as a partition, e.g. d-1,1 or d-2,2 (suffix r: rows only, c: columns only).",
        transform: ArgumentParsing.partition)
    var partition: Partition?

    @Option(
        parsing: .unconditional,
        help: "Seed values, comma-separated in variable order (D0,O0,C0_1,...); a leading minus sign is fine.",
        transform: ArgumentParsing.decimalList)
    var seed: [DecimalLiteral]?

    @Option(
        name: .customLong("seed-d"), parsing: .unconditional, help: "The d at which the seed is given (default: 10).",
        transform: ArgumentParsing.decimal)
    var seedD: DecimalLiteral?

    static var builtInNames: String {
        ((try? Family.builtIn()) ?? []).map { "\"\($0.name)\"" }.joined(separator: ", ")
    }

    /// True when any of the options is given (`branches` without them takes the catalog).
    var namesAFamily: Bool { family != nil || partition != nil || seed != nil || seedD != nil }

    /// Checks what is given; a command that needs a family says so by calling ``resolved()``.
    func validate() throws {
        if namesAFamily { _ = try resolved() }
    }

    /// The family the options name; throws a message when they name none or two.
    func resolved() throws -> Family {
        if let family {
            guard partition == nil, seed == nil, seedD == nil else {
                throw ValidationError("--family \(family) names a family with its own partition and seed: leave out --partition, --seed and --seed-d")
            }
            guard let found = try Family.builtIn().first(where: { $0.name == family }) else {
                throw ValidationError("--family: no built-in family '\(family)'; the built-in ones are \(FamilyOptions.builtInNames)")
            }
            return found
        }
        guard let partition, let seed else {
            throw ValidationError("name the family: --family NAME, or --partition and --seed (e.g. --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904)")
        }
        return Family.named(partition: partition, seed: seed, seedD: seedD ?? DecimalLiteral(exactly: 10))
    }
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
