import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole processes, as a user runs them (start-up, parsing, every step, the output): the
/// one-flipped transition of the README's example to 40 and 1000 digits beside an independent
/// mpmath reference (scripts/mpmath-transition.py, its own reduced loss and Newton, no code of
/// this package) timed in the same invocation, the default catalog with and without
/// `--certify`, and the `critical` search of d-2,2. Each run starts this executable (or
/// python3) as a child process with its output read and dropped; the checksum is the number of
/// bytes written, NaN when the child fails or cannot start (python3 or mpmath missing, the
/// script not found next to the executable or in the current folder).
extension BenchmarkGroup {
    static let process = BenchmarkGroup(
        name: "process",
        summary: "whole processes: README's one-flipped transition to N digits, mpmath reference, catalog, critical search",
        parameterName: "digits",
        baseline: "mpmath-reference",
        cases: [
            ProcessBenchmarks.spurious("transition", "40", ProcessBenchmarks.transition + ["--digits", "40"]),
            ProcessBenchmarks.mpmath(digits: 40),
            ProcessBenchmarks.spurious("transition", "1000", ProcessBenchmarks.transition + ["--digits", "1000"]),
            ProcessBenchmarks.spurious("catalog", "30", ["transitions", "--quiet"]),
            ProcessBenchmarks.spurious("catalog-certified", "30", ["transitions", "--certify", "--quiet"]),
            ProcessBenchmarks.spurious("critical-d-2,2-d-10", "15", ["critical", "--partition", "d-2,2", "--d", "10", "--quiet"]),
        ]
    )
}

enum ProcessBenchmarks {
    /// README's one-flipped transition, without `--digits`.
    static let transition = [
        "transitions", "--partition", "d-1,1", "--seed", "1.00435,-0.01581,0.18237,0.12604,-0.69904",
        "--seed-d", "10", "--to", "5", "--quiet",
    ]

    static let script = "scripts/mpmath-transition.py"

    /// This executable with `arguments`.
    static func spurious(_ name: String, _ digits: String, _ arguments: [String]) -> BenchmarkCase {
        BenchmarkCase(name: name, parameter: digits, unit: .millisecondsPerRun) { _ in
            guard let executable = Bundle.main.executableURL?.path else { return BenchmarkWorkload(operations: 1) { .nan } }
            return BenchmarkWorkload(operations: 1) { outputBytes(executable, arguments) }
        }
    }

    /// The mpmath script at `digits`.
    static func mpmath(digits: Int) -> BenchmarkCase {
        BenchmarkCase(name: "mpmath-reference", parameter: "\(digits)", unit: .millisecondsPerRun) { _ in
            guard let script = findScript() else { return BenchmarkWorkload(operations: 1) { .nan } }
            return BenchmarkWorkload(operations: 1) { outputBytes("python3", [script.path, "--digits", "\(digits)"]) }
        }
    }

    /// The script in the current folder or in a folder above this executable (.build/release/spurious
    /// lies three or four levels below the package).
    static func findScript() -> URL? {
        var folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<5 {
                folders.append(folder)
                folder.deleteLastPathComponent()
            }
        }
        return folders.map { $0.appendingPathComponent(script) }.first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    /// Runs `executable` with `arguments` (posix_spawnp: a bare name is looked up in PATH), stdout
    /// and stderr into one pipe that is read to the end; the number of bytes, or NaN when it
    /// cannot start or does not exit with status 0. Not Foundation's Process, whose
    /// waitUntilExit polls its run loop every 50 ms and would add up to that to every run.
    static func outputBytes(_ executable: String, _ arguments: [String]) -> Double {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return .nan }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let started = posix_spawnp(&child, executable, &actions, nil, argv, environ)
        close(ends[1])
        guard started == 0 else {
            close(ends[0])
            return .nan
        }
        var bytes = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count > 0 {
                bytes += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(ends[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { return .nan }
        }
        // Exited (low 7 bits 0) with status 0 (the next 8 bits).
        return status & 0x7f == 0 && (status >> 8) & 0xff == 0 ? Double(bytes) : .nan
    }
}
