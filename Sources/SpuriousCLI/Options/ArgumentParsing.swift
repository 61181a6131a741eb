import Foundation
import LossModel
import MultiPrecision
import Spurious

/// Turns option text into the domain's types, once, at the command line: a partition, a decimal
/// number kept as typed, a list of them. Each failure says what is wrong with the value;
/// swift-argument-parser prefixes it with the option and the value ("The value 'd,,1' is
/// invalid for '--partition <partition>': block 2 '' is empty ...").
enum ArgumentParsing {
    /// What is wrong with one option value.
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    static func partition(_ text: String) throws -> Partition {
        do {
            return try Partition(parsing: text)
        } catch let ModelError.partitionSyntax(_, problem) {
            throw Invalid(description: problem)
        }
    }

    /// A decimal number as typed (`10`, `-0.7`, `1e-3`), read later at whatever precision each
    /// computation needs.
    static func decimal(_ text: String) throws -> DecimalLiteral {
        do {
            return try DecimalLiteral(text)
        } catch {
            throw Invalid(description: "not a decimal number (write e.g. 10, 5.5 or 1e-3)")
        }
    }

    /// A comma-separated list of decimal numbers (`-0.8,0.2`).
    static func decimalList(_ text: String) throws -> [DecimalLiteral] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return try parts.enumerated().map { i, part in
            do {
                return try DecimalLiteral(part)
            } catch {
                throw Invalid(description: "value \(i + 1) '\(part.trimmingCharacters(in: .whitespaces))' is not a decimal number (write e.g. -0.8,0.2)")
            }
        }
    }
}

extension ArgumentParsing {
    /// A comma-separated list of integers (`6,8,10`).
    /// `I/N`: part I of N of an atlas's spaces, 1 <= I <= N.
    static func shard(_ text: String) throws -> AtlasShard {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.count == 2, let index = Int(pieces[0]), let count = Int(pieces[1]) else {
            throw Invalid(description: "'\(text)' is not I/N (write e.g. 2/3 for the second of three parts)")
        }
        guard let shard = AtlasShard(index: index, count: count), count <= maximumShards else {
            throw Invalid(description: "'\(text)': need 1 <= I <= N <= \(maximumShards)")
        }
        return shard
    }

    /// More parts than any scheduler's job array holds.
    static let maximumShards = 100_000

    static func integerList(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try parts.enumerated().map { i, part in
            guard let value = Int(part) else {
                throw Invalid(description: "value \(i + 1) '\(part)' is not an integer (write e.g. 6,8,10)")
            }
            return value
        }
    }

    /// `BLOCK[:ALPHA]`: a block number from 0 and the split row's share alpha, strictly between
    /// 0 and 1 (default 1/2).
    static func splitRow(_ text: String) throws -> SplitRequest {
        let pieces = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let block = Int(pieces[0].trimmingCharacters(in: .whitespaces)), block >= 0 else {
            throw Invalid(description: "'\(pieces[0])' is not a block number (0 for the first block; write e.g. 1 or 1:0.25)")
        }
        let alphaText = pieces.count > 1 ? pieces[1] : "0.5"
        guard let alpha = try? DecimalLiteral(alphaText) else {
            throw Invalid(description: "alpha '\(alphaText)' is not a decimal number (write e.g. 1:0.25)")
        }
        guard alpha.double > 0, alpha.double < 1 else {
            throw Invalid(description: "alpha = \(alphaText) must lie strictly between 0 and 1 (the rows alpha w and (1 - alpha) w must both be positive multiples of w)")
        }
        return SplitRequest(block: block, alpha: alpha)
    }
}

/// A message for the user, printed as `Error: ...` with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
