import Families
import Foundation

/// Where `transitions --diagrams DIR` puts each family's diagram.
enum DiagramDirectory {
    /// `DIR/<slug>.csv`, creating DIR when missing; the slug is the family name in lower case
    /// with spaces and commas turned into dashes and other signs dropped, so that it needs no
    /// quoting in a shell ("d-1,1 one-flipped" -> "d-1-1-one-flipped", "d-2,2 (d-2)-flipped #2"
    /// -> "d-2-2-d-2-flipped-2").
    static func path(for family: Family, in directory: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("--diagrams: cannot create the directory '\(directory)': \(error.localizedDescription)")
        }
        return (directory as NSString).appendingPathComponent(slug(family.name) + ".csv")
    }

    static func slug(_ name: String) -> String {
        let dashed = name.lowercased().map { $0 == " " || $0 == "," ? "-" : $0 }
        return String(dashed.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." })
    }
}
