#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file (or standard output) could not be written: the path and what is wrong with it,
/// so that a command line user can fix the path without guessing.
public struct AtomicFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// A file written whole or not at all: the text goes to a temporary file beside the target,
/// which is flushed to disk and renamed over the target only when everything succeeded. Reports
/// can be long (a diagram of thousands of points), and a reader (a plotting script, a browser
/// reloading an SVG) must never see half of one. POSIX rename within one directory is atomic.
///
/// The temporary file is made at creation, so that a path that cannot be written is known
/// before any work (``OutputFiles`` creates them all first), and is registered with
/// ``TemporaryFiles`` so that an interrupt removes it. Its name, `.spurious-XXXXXX`, does not
/// depend on the target's, so that a target name of the full 255 bytes still has one.
/// An existing file keeps its permission bits; a new one gets rw-r--r--. A symbolic link at the
/// target is followed (the file it points at is replaced, the link stays).
final class PendingFile {
    let target: String
    private let temporary: String
    private var descriptor: Int32

    /// Creates the temporary file in the target's directory; throws naming what is wrong.
    init(target: String) throws {
        guard !target.isEmpty else { throw AtomicFileError(path: target, reason: "the path is empty") }
        let (directory, name) = AtomicFile.split(target)
        guard !name.isEmpty else { throw AtomicFileError(path: target, reason: "the path names a directory, not a file") }
        var existing = stat()
        if stat(target, &existing) == 0, existing.st_mode & S_IFMT == S_IFDIR {
            throw AtomicFileError(path: target, reason: "it is a directory")
        }
        var template = Array("\(directory)/.spurious-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw AtomicFileError(path: target, reason: AtomicFile.reason(errno, directory: directory))
        }
        self.target = target
        self.descriptor = descriptor
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        TemporaryFiles.shared.add(temporary)
    }

    /// Writes `text` (UTF-8), keeps the target's permission bits and flushes to disk.
    func fill(_ text: String) throws {
        let directory = AtomicFile.split(target).directory
        do {
            try AtomicFile.writeAll(descriptor, Array(text.utf8), path: target, directory: directory)
            var existing = stat()
            let mode: mode_t = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
            guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
                throw AtomicFileError(path: target, reason: AtomicFile.reason(errno, directory: directory))
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Closes the temporary file and renames it over the target.
    func commit() throws {
        let directory = AtomicFile.split(target).directory
        // A failed close can mean lost data (NFS reports write errors here): treat it as failure.
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0, rename(temporary, target) == 0 else {
            let code = errno
            discard()
            throw AtomicFileError(path: target, reason: AtomicFile.reason(code, directory: directory))
        }
        TemporaryFiles.shared.remove(temporary)
    }

    /// Removes the temporary file (after a failure, or when another output failed).
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        TemporaryFiles.shared.remove(temporary)
    }
}

/// Whole files or nothing, one at a time.
public enum AtomicFile {
    /// Writes `text` to `path` atomically (see ``PendingFile``); a symbolic link is followed.
    public static func write(_ text: String, to path: String) throws {
        let file = try PendingFile(target: OutputTarget.resolvingLinks(path))
        try file.fill(text)
        try file.commit()
    }

    /// Writes every byte to a descriptor, retrying after partial writes and interrupted calls.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String, directory: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: path, reason: reason(errno, directory: directory))
            }
            offset += written
        }
    }

    /// The directory (for the temporary file) and the file name of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// The usual causes in words that name the culprit; anything else as the C library says it.
    static func reason(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOENT:
            var info = stat()
            if stat(directory, &info) == 0 {
                return "'\(directory)' does not accept new files (a special file system such as /proc?)"
            }
            return "the directory '\(directory)' does not exist"
        case ENOTDIR: return "'\(directory)' (or a folder above it) is not a directory"
        case EACCES, EPERM: return "permission denied (cannot create or replace a file in '\(directory)')"
        case EISDIR: return "it is a directory"
        case EROFS: return "'\(directory)' is on a read-only file system"
        case ENOSPC: return "no space left on the device"
        case EPIPE: return "the reader at the other end has gone (a closed pipe)"
        case ENAMETOOLONG: return "the name is too long for the file system"
        default: return String(cString: strerror(code))
        }
    }
}

/// The C library's write(2), named apart from ``AtomicFile/write(_:to:)``.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
