import Dispatch

/// `first()` and `second()`, run at the same time on two threads when `concurrently`, else one
/// after the other. Each computes what it would alone, so the results do not depend on the
/// choice: for two independent samples of a location (the ends of a bracket, the two sides of a
/// sign check) and the two independent halves of its last step.
public func bothOf<A, B>(concurrently: Bool, _ first: () -> A, _ second: () -> B) -> (A, B) {
    guard concurrently else { return (first(), second()) }
    return withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let slots = Slots(first: first, second: second)
            // Returns once both iterations have run: their writes happen before the reads below.
            DispatchQueue.concurrentPerform(iterations: 2) { index in slots.run(index) }
            guard let a = slots.a, let b = slots.b else { preconditionFailure("bothOf: a half did not run") }
            return (a, b)
        }
    }
}

/// The two closures and their results. Each index runs one closure and writes its own slot, and
/// concurrentPerform orders those writes before the caller reads them: shared without a lock.
private final class Slots<A, B>: @unchecked Sendable {
    let first: () -> A
    let second: () -> B
    var a: A?
    var b: B?

    init(first: @escaping () -> A, second: @escaping () -> B) {
        self.first = first
        self.second = second
    }

    func run(_ index: Int) {
        if index == 0 { a = first() } else { b = second() }
    }
}
