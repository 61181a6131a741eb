import LossModel
import MultiPrecision

/// A named family of critical points: a fixed space and a seed at a reference d.
public struct Family: Sendable {
    public let name: String
    public let partition: Partition
    /// Seed coordinates as decimal text, in the fixed space's variable order.
    public let seed: [String]
    public let seedD: String

    public init(name: String, partition: Partition, seed: [String], seedD: String) {
        self.name = name
        self.partition = partition
        self.seed = seed
        self.seedD = seedD
    }

    /// A family named after its partition and its seed's flipped rows ("d-1,1 one-flipped"),
    /// as the catalog names them; a seed that is not a list of numbers keeps the bare
    /// partition as its name, and following it reports the problem.
    public static func named(partition: Partition, seed: [String], seedD: String) -> Family {
        let values = seed.compactMap { try? Double(parsing: $0, precision: 53) }
        let name = values.count == seed.count && values.count == FixedSpace(partition).dimension
            ? "\(partition) " + Catalog.flipName(partition, values) : "\(partition)"
        return Family(name: name, partition: partition, seed: seed, seedD: seedD)
    }

    /// The families of DESIGN.md section 4, seeded at d = 10.
    public static func builtIn() throws -> [Family] {
        [
            Family(
                name: "d-1,1 one-flipped", partition: try Partition(parsing: "d-1,1"),
                seed: ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"], seedD: "10"),
            Family(
                name: "d-2,2 two-flipped", partition: try Partition(parsing: "d-2,2"),
                seed: ["0.99756", "-0.03741", "0.19101", "0.13552", "-0.72984", "0.15326"], seedD: "10"),
        ]
    }
}
