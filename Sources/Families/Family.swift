import LossModel
import MultiPrecision

/// A named family of critical points: a fixed space and a seed at a reference d.
public struct Family: Sendable, Codable {
    /// The catalog's name, e.g. "d-1,1 one-flipped"; an identifier, unique within one run.
    public let name: String
    public let partition: Partition
    /// Seed coordinates, in the fixed space's variable order, as typed (or as found).
    public let seed: [DecimalLiteral]
    public let seedD: DecimalLiteral

    public init(name: String, partition: Partition, seed: [DecimalLiteral], seedD: DecimalLiteral) {
        self.name = name
        self.partition = partition
        self.seed = seed
        self.seedD = seedD
    }

    /// A family named after its partition and its seed's flipped rows ("d-1,1 one-flipped"),
    /// as the catalog names them; a seed of the wrong length keeps the bare partition as its
    /// name, and following it reports the problem.
    public static func named(partition: Partition, seed: [DecimalLiteral], seedD: DecimalLiteral) -> Family {
        let name = seed.count == FixedSpace(partition).dimension
            ? "\(partition) " + Catalog.flipName(partition, seed.map(\.double)) : "\(partition)"
        return Family(name: name, partition: partition, seed: seed, seedD: seedD)
    }

    /// The families of docs/design.md section 4, seeded at d = 10.
    public static func builtIn() throws -> [Family] {
        func literals(_ texts: [String]) throws -> [DecimalLiteral] { try texts.map(DecimalLiteral.init) }
        return [
            Family(
                name: "d-1,1 one-flipped", partition: try Partition(parsing: "d-1,1"),
                seed: try literals(["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"]), seedD: try DecimalLiteral("10")),
            Family(
                name: "d-2,2 two-flipped", partition: try Partition(parsing: "d-2,2"),
                seed: try literals(["0.99756", "-0.03741", "0.19101", "0.13552", "-0.72984", "0.15326"]),
                seedD: try DecimalLiteral("10")),
        ]
    }
}
