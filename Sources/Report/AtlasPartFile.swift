import Foundation
import Spurious

/// The file a shard of the atlas writes (`spurious atlas --shard I/N --part FILE`) and
/// `spurious atlas merge` reads: the shard's ``AtlasPart`` as JSON, every number exact (binary
/// values in hexadecimal, Doubles in their shortest round-trip text), keys sorted so that one
/// part always gives the same bytes.
public enum AtlasPartFile {
    /// What the file says it is, checked on reading before anything else.
    static let format = "spurious atlas part, version 1"

    private struct Envelope: Codable {
        let format: String
        let part: AtlasPart
    }

    public static func encoded(_ part: AtlasPart) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(Envelope(format: format, part: part))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The part in `text`, read from the file named `name` (for the message when it is not one).
    public static func decoded(_ text: String, name: String) throws -> AtlasPart {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = Data(text.utf8)
        struct Header: Codable { let format: String? }
        guard let header = try? decoder.decode(Header.self, from: data), header.format == format else {
            throw AtlasPartFileError(name: name, problem: "it is not a partial atlas result (write one with `spurious atlas --shard I/N --part FILE`)")
        }
        do {
            return try decoder.decode(Envelope.self, from: data).part
        } catch {
            throw AtlasPartFileError(name: name, problem: "it is damaged (\(error)); compute that shard again")
        }
    }

    /// One line for a shard's run: what it computed and where it went.
    public static func summary(_ part: AtlasPart, path: String) -> String {
        "shard \(part.shard): \(part.spaces.count) of \(part.request.spaces.count) fixed spaces surveyed, written to \(path); "
            + "`spurious atlas merge` with all \(part.shard.count) parts gives the atlas\n"
    }
}

/// A file given to `spurious atlas merge` that cannot be read as a part.
public struct AtlasPartFileError: Error, CustomStringConvertible {
    public let name: String
    public let problem: String

    public var description: String { "\(name): \(problem)" }
}
