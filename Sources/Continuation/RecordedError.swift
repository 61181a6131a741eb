/// An error kept as its text: what remains of a problem's error (any `Error`) in a result that
/// has been written to a file and read back (the partial results of `spurious atlas --shard`).
/// It reads exactly as the original did, so reports print the same words either way.
public struct RecordedError: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ error: any Error) {
        description = "\(error)"
    }
}
