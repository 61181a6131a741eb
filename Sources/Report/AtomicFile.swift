#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written: the path and what is wrong with it, so that a command
/// line user can fix the path without guessing.
public struct AtomicFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes whole files or nothing: reports can be long (a diagram of thousands of points), and a
/// reader (a plotting script, a browser reloading an SVG) must never see half of one.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to a temporary file in the directory of `path`, flushes it to disk
    /// and renames it over `path`. POSIX rename within one directory is atomic, so `path` holds
    /// either its old content or all of `text`, even after an error, a signal or a crash; the
    /// temporary file is removed on every error this function sees (a process killed between
    /// creating and renaming it leaves only a hidden `.name.tmp-XXXXXX` beside `path`).
    /// An existing file keeps its permission bits; a new one gets rw-r--r--. A symbolic link at
    /// `path` is replaced by the file rather than followed, as rename(2) does.
    public static func write(_ text: String, to path: String) throws {
        guard !path.isEmpty else { throw AtomicFileError(path: path, reason: "the path is empty") }
        let (directory, name) = split(path)
        guard !name.isEmpty else { throw AtomicFileError(path: path, reason: "the path names a directory, not a file") }

        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw AtomicFileError(path: path, reason: reason(errno, directory: directory))
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try fill(descriptor, with: Array(text.utf8), path: path, directory: directory)
            var existing = stat()
            let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
            guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
                throw AtomicFileError(path: path, reason: reason(errno, directory: directory))
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // A failed close can mean lost data (NFS reports write errors here): treat it as failure.
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw AtomicFileError(path: path, reason: reason(code, directory: directory))
        }
    }

    /// Writes every byte, retrying after partial writes and interrupted system calls.
    private static func fill(_ descriptor: Int32, with bytes: [UInt8], path: String, directory: String) throws {
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
    private static func reason(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOENT: return "the directory '\(directory)' does not exist"
        case ENOTDIR: return "'\(directory)' (or a folder above it) is not a directory"
        case EACCES, EPERM: return "permission denied (cannot create or replace a file in '\(directory)')"
        case EISDIR: return "it is a directory"
        case EROFS: return "'\(directory)' is on a read-only file system"
        case ENOSPC: return "no space left on the device"
        default: return String(cString: strerror(code))
        }
    }
}

/// The C library's write(2), named apart from ``AtomicFile/write(_:to:)``.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
