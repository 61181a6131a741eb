import Foundation

/// A file a command reads (`spurious atlas merge FILES...`), with a message that names it and
/// says what is wrong when it cannot be read.
enum InputFile {
    static func text(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(path): is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot be read (permissions?)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): is not UTF-8 text") }
        return text
    }
}
