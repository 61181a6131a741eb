#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a file option's text goes: `-` is standard output; a device, a named pipe or a socket
/// is written directly (renaming a regular file over /dev/null would replace the device for
/// the whole machine, and a pipe's reader would never see the text); anything else is a
/// regular file, written atomically. A symbolic link is followed first, so that
/// `--csv /dev/stdout` writes to standard output and a link to a file keeps being a link.
public enum OutputTarget: Equatable, Sendable {
    case standardOutput
    /// A device, FIFO or socket at this path (links resolved).
    case special(String)
    /// A regular file at this path (links resolved), existing or not.
    case regular(String)

    /// Classifies `path`; throws when it is empty, a directory, or a link to nothing.
    public init(_ path: String) throws {
        if path == "-" {
            self = .standardOutput
            return
        }
        guard !path.isEmpty else { throw AtomicFileError(path: path, reason: "the path is empty") }
        let resolved = try OutputTarget.resolvingLinks(path)
        var info = stat()
        guard stat(resolved, &info) == 0 else {
            self = .regular(resolved)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw AtomicFileError(path: path, reason: "it is a directory")
        case S_IFREG: self = .regular(resolved)
        default: self = .special(resolved)
        }
    }

    /// `path` with every symbolic link along it followed; a path that does not exist yet is
    /// returned as it is (its directory is checked when the file is made).
    static func resolvingLinks(_ path: String) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let real = realpath(path, nil) else {
            throw AtomicFileError(path: path, reason: "it is a symbolic link to a file that does not exist")
        }
        defer { free(real) }
        return String(cString: real)
    }
}
