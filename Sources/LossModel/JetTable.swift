import MultiPrecision

/// The sparse jets of one evaluation (value, gradient and Hessian entries of every quadratic
/// form, wedge form and weight it meets), kept one after another in three flat arrays.
///
/// Why (docs/design.md section 2): each jet used to own two arrays, three to four heap
/// allocations for every form, wedge and weight of every evaluation, and copying a jet
/// retained them again. With the table the Double sweep of the one-flipped family runs 32%
/// fewer instructions in the evaluation (callgrind). The table reserves its room once
/// (``ReducedLoss/jetCapacity``); the entries, their order and so every rounding are what the
/// jets held.
///
/// Hessian entries (i, j, v) stand for v added at (i, j) and at (j, i), so a diagonal entry
/// adds 2v.
struct JetTable<S: Scalar> {
    /// One jet: its value and where its entries are.
    struct Jet {
        let value: S
        let gradient: Range<Int>
        let hessian: Range<Int>
    }

    private(set) var jets: [Jet] = []
    private(set) var gradientEntries: [(Int, S)] = []
    private(set) var hessianEntries: [(Int, Int, S)] = []
    /// Where the jet being written starts.
    private var start = (gradient: 0, hessian: 0)
    /// Room a ``WedgeForm`` sums its gradient in, one slot per variable of the form, reused.
    var slots: [S?] = []

    /// Room for `capacity` jets and entries, so that the arrays are allocated once.
    init(capacity: JetCapacity = JetCapacity()) {
        jets.reserveCapacity(capacity.jets)
        gradientEntries.reserveCapacity(capacity.gradient)
        hessianEntries.reserveCapacity(capacity.hessian)
        slots.reserveCapacity(capacity.slots)
    }

    subscript(jet: Int) -> Jet { jets[jet] }

    /// The entries of every jet closed so far, read through buffers, for the innermost loops:
    /// a slice of an array retains its storage each time it is made, about thirty times per
    /// kernel term. The buffers live only during `body`, in which nothing is appended.
    struct Entries {
        fileprivate let jets: UnsafeBufferPointer<Jet>
        fileprivate let gradients: UnsafeBufferPointer<(Int, S)>
        fileprivate let hessians: UnsafeBufferPointer<(Int, Int, S)>

        /// The gradient entries (index, derivative) of a jet, in the order they were appended.
        /// The gradient entries (index, derivative) of a jet, in the order they were appended.
        func gradient(_ jet: Int) -> UnsafeBufferPointer<(Int, S)> { UnsafeBufferPointer(rebasing: gradients[jets[jet].gradient]) }
        /// The Hessian entries (i, j, v) of a jet, in the order they were appended.
        func hessian(_ jet: Int) -> UnsafeBufferPointer<(Int, Int, S)> { UnsafeBufferPointer(rebasing: hessians[jets[jet].hessian]) }
    }

    func withEntries<R>(_ body: (Entries) throws -> R) rethrows -> R {
        try jets.withUnsafeBufferPointer { jets in
            try gradientEntries.withUnsafeBufferPointer { gradients in
                try hessianEntries.withUnsafeBufferPointer { hessians in
                    try body(Entries(jets: jets, gradients: gradients, hessians: hessians))
                }
            }
        }
    }

    mutating func appendGradient(_ index: Int, _ value: S) { gradientEntries.append((index, value)) }

    mutating func appendHessian(_ i: Int, _ j: Int, _ value: S) { hessianEntries.append((i, j, value)) }

    /// Closes the jet whose entries were appended since the last one, with its value; returns
    /// its number.
    mutating func close(value: S) -> Int {
        let end = (gradient: gradientEntries.count, hessian: hessianEntries.count)
        jets.append(Jet(value: value, gradient: start.gradient..<end.gradient, hessian: start.hessian..<end.hessian))
        start = end
        return jets.count - 1
    }
}

/// Upper bounds on what one evaluation appends to its ``JetTable``.
struct JetCapacity: Sendable {
    var jets = 0
    var gradient = 0
    var hessian = 0
    var slots = 0
}
