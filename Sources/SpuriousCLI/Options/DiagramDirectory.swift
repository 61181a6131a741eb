import Families
import Foundation
import Report

/// Where `transitions --diagrams DIR` puts each family's diagram (DIR/<slug>.csv), and
/// `branches --svg DIR` each family's picture (DIR/<slug>.svg).
struct DiagramDirectory {
    let path: String
    /// The option that named the directory, for messages, and the files' extension.
    let option: String
    let fileExtension: String
    /// The outermost folder this run made (DIR itself, or a missing folder above it), removed
    /// again if the run fails; nil when DIR existed.
    private let created: String?

    /// Checks, before any work, that DIR is a directory that takes new files, creating it (and
    /// the folders above it) when missing; throws naming --diagrams and the problem.
    init(_ path: String, option: String = "--diagrams", fileExtension: String = "csv") throws {
        self.path = path
        self.option = option
        self.fileExtension = fileExtension
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError("\(option): '\(path)' exists and is not a directory") }
            created = nil
        } else {
            TemporaryFiles.shared.removeOnInterrupt()
            var outermost = path
            while case let parent = (outermost as NSString).deletingLastPathComponent, !parent.isEmpty, parent != outermost,
                  !FileManager.default.fileExists(atPath: parent) {
                outermost = parent
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw CLIError("\(option): cannot create the directory '\(path)': \(DiagramDirectory.reason(path))")
            }
            TemporaryFiles.shared.addDirectory(outermost, tree: path)
            created = outermost
        }
        // A file that can be made here now can be made at the end: try one.
        do {
            try OutputFiles([OutputFiles.Target(option: option, path: file(named: "probe"))]).discard()
        } catch {
            removeIfCreated()
            throw error
        }
    }

    /// The target of `family`'s diagram: the family name in lower case with spaces and commas
    /// turned into dashes and other signs dropped, so that it needs no quoting in a shell
    /// ("d-1,1 one-flipped" -> "d-1-1-one-flipped", "d-2,2 (d-2)-flipped #2" -> "d-2-2-d-2-flipped-2").
    func target(for family: Family) -> OutputFiles.Target {
        OutputFiles.Target(option: option, path: file(named: DiagramDirectory.slug(family.name)))
    }

    private func file(named name: String) -> String {
        (path as NSString).appendingPathComponent(name + "." + fileExtension)
    }

    /// Removes the directory this run made, when the run fails (it holds nothing of ours).
    func removeIfCreated() {
        guard let created else { return }
        try? FileManager.default.removeItem(atPath: created)
        TemporaryFiles.shared.removeDirectory(created)
    }

    /// The run succeeded: the directory stays.
    func keep() {
        if let created { TemporaryFiles.shared.removeDirectory(created) }
    }

    static func slug(_ name: String) -> String {
        let dashed = name.lowercased().map { $0 == " " || $0 == "," ? "-" : $0 }
        return String(dashed.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." })
    }

    /// Why a directory cannot be made, from the nearest folder above it that exists.
    static func reason(_ path: String) -> String {
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            parent = (parent as NSString).deletingLastPathComponent
        }
        let folder = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "'\(folder)' is not a directory"
        }
        return FileManager.default.isWritableFile(atPath: folder) ? "'\(folder)' does not accept new folders" : "permission denied in '\(folder)'"
    }
}
