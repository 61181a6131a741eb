import Dispatch

/// Runs an async job to completion from a synchronous command. `main` stays synchronous so that
/// valgrind can run the real binary (`SpuriousCommand`); the job's tasks run on the global
/// executor's threads while the main thread, which is not one of them, waits.
enum BlockingWait {
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.result = .success(try await operation())
            } catch {
                outcome.result = .failure(error)
            }
            semaphore.signal()
        }
        semaphore.wait()
        guard let result = outcome.result else { throw CLIError("the job ended without a result") }
        return try result.get()
    }

    /// Written once by the task before it signals, read once after the wait: the semaphore
    /// orders the two accesses, which is why the class may be shared unchecked.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
