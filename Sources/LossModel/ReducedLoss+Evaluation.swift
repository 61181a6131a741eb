import LinearAlgebra
import MultiPrecision

/// The loss with its exact gradient at one point.
public struct LossGradient<S: Scalar>: Sendable {
    public let value: S
    /// Partial derivatives in the fixed-space variables.
    public let gradient: [S]

    public init(value: S, gradient: [S]) {
        self.value = value
        self.gradient = gradient
    }
}

/// The loss with its exact gradient and Hessian at one point.
public struct LossHessian<S: Scalar>: Sendable {
    public let value: S
    /// Partial derivatives in the fixed-space variables, then in d when d was included.
    public let gradient: [S]
    /// Second derivatives in the same order.
    public let hessian: Matrix<S>

    public init(value: S, gradient: [S], hessian: Matrix<S>) {
        self.value = value
        self.gradient = gradient
        self.hessian = hessian
    }
}

extension ReducedLoss {
    /// The loss at `x` and `d`.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func value<S: Scalar>(at x: [S], d: S) throws -> S {
        try evaluate(x, d: d, order: .value, includingD: false).value
    }

    /// The loss and its exact gradient in the fixed-space variables.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func gradient<S: Scalar>(at x: [S], d: S) throws -> LossGradient<S> {
        let sum = try evaluate(x, d: d, order: .gradient, includingD: false)
        return LossGradient(value: sum.value, gradient: sum.gradient)
    }

    /// The loss with its exact gradient and Hessian; with `includingD` in (x, d), d last.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func hessian<S: Scalar>(at x: [S], d: S, includingD: Bool = false) throws -> LossHessian<S> {
        try hessian(at: x, d: d, includingD: includingD, counts: nil)
    }

    /// The same with the counts at d evaluated beforehand (``counts``), for many points at one d.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    func hessian<S: Scalar>(at x: [S], d: S, includingD: Bool = false, counts: CountValues<S>?) throws -> LossHessian<S> {
        let sum = try evaluate(x, d: d, order: .hessian, includingD: includingD, counts: counts)
        return LossHessian(value: sum.value, gradient: sum.gradient, hessian: sum.hessianMatrix)
    }

    /// Evaluates the reduced loss at `x` and `d` with derivatives up to `order`; with
    /// `includingD` the derivatives are taken in (x, d), d last. Derivatives are exact: the
    /// chain rule through the closed-form partials of ``ReluKernel``, no differencing.
    ///
    /// Throws ``ModelError/zeroRow(block:)`` where the loss is not differentiable: at a zero row
    /// (gradient and Hessian). Parallel and anti-parallel rows are regular points: the loss is
    /// twice differentiable there and ``ReluKernel`` gives the limits (docs/design.md section 1).
    /// An interval evaluation also throws ``ModelError/noEnclosure(_:)`` where sin theta's
    /// enclosure reaches 0 at a d with a block of size below 2
    /// (``WedgeForm/gradientBound(at:x:d:dIndex:pair:)``). `counts` evaluated at this d (after
    /// rounding to the point's precision) are used; others are ignored.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    func evaluate<S: Scalar>(
        _ x: [S], d: S, order: DerivativeOrder, includingD: Bool, counts known: CountValues<S>? = nil
    ) throws -> JetAccumulator<S> {
        guard x.count == space.dimension else {
            throw ModelError.wrongNumberOfValues(expected: space.names, got: x.count)
        }
        let precision = x.reduce(d.precision) { Swift.max($0, $1.precision) }
        let d = d.rounded(toPrecision: precision)
        let pi = S.pi(precision: precision)
        let n = space.dimension + (includingD ? 1 : 0)
        let dIndex = includingD ? space.dimension : nil
        var sum = JetAccumulator<S>(dimension: n, order: order, precision: precision)
        var table = JetTable<S>(capacity: jetCapacity)
        let counts = known.flatMap { $0.isBuilt(at: d) ? $0 : nil } ?? self.counts.values(at: d)

        let quadraticJet = quadratic.appendJet(at: x, d: d, dIndex: dIndex, order: order, counts: counts, to: &table)
        sum.add(table, quadraticJet)
        let teacher = teacherOverPi.evaluate(at: d)
        sum.value += teacher.value / pi
        if let k = dIndex, order >= .gradient {
            sum.addGradient(k, teacher.first / pi)
            if order >= .hessian { sum.addHessian(k, k, teacher.second / (pi * S(2))) }  // the diagonal adds twice
        }

        // Each distinct form once: a jet depends on the point only. Form f is jet f + 1.
        for form in forms { _ = form.appendJet(at: x, d: d, dIndex: dIndex, order: order, counts: counts, to: &table) }
        var angles = KernelAngles<S>(terms: kernelTerms.count)
        // By index: a copy of a term would retain each of its arrays.
        for t in kernelTerms.indices {
            let (ia, ib, ip) = kernelTerms[t].formIndex
            let (a, b, p) = (ia + 1, ib.map { $0 + 1 }, ip + 1)
            // Norms and inner products beyond the floating-point range (a point with entries
            // of 1e200, say) would turn into NaN inside the kernel: say what overflowed instead.
            guard table[a].value.isFinite, b.map({ table[$0].value.isFinite }) ?? true, table[p].value.isFinite else {
                throw ModelError.overflow("the squared norms and inner products of \(kernelTerms[t].pair) overflow at this point; its entries are too large")
            }
            let u = kernelTerms[t].wedge.appendJet(at: x, d: d, dIndex: dIndex, order: order, counts: counts, to: &table)
            let kernel: ReluKernel<S>
            do {
                kernel = try ReluKernel(
                    a: table[a].value, b: b.map { table[$0].value } ?? S(1, precision: precision), p: table[p].value,
                    u: table[u].value, pi: pi, order: order, angles: &angles, zeroRow: { kernelTerms[t].zeroRow(first: $0) })
            } catch ScalarError.notDifferentiable {
                // Only sqrt(u) at u = 0 at a Dual point: no derivative beyond the second there.
                throw ModelError.notSmooth(kernelTerms[t].pair)
            }
            let w = counts[kernelTerms[t].weightSlot]
            sum.value.add(w.value, times: kernel.value)
            guard order >= .gradient else { continue }
            // Inputs of c * g(A, B, p): A, B, p and the weight c(d), whose jet has entries only
            // when d is a variable.
            if let k = dIndex {
                table.appendGradient(k, w.first)
                table.appendHessian(k, k, w.second / S(2))
            }
            let weight = table.close(value: w.value)
            func input(_ k: Int) -> Int? {
                switch k {
                case 0: a
                case 1: b
                case 2: p
                default: weight
                }
            }
            try table.withEntries { entries in
                for k in 0..<4 {
                    guard let input = input(k) else { continue }
                    let first = k < 3 ? w.value * kernel.first(k) : kernel.value
                    for (i, v) in entries.gradient(input) { sum.addGradient(i, first, times: v) }
                    guard order >= .hessian else { continue }
                    for (i, j, v) in entries.hessian(input) { sum.addHessian(i, j, first * v) }
                }
                guard order >= .hessian else { return }
                for k in 0..<4 {
                    guard let left = input(k) else { continue }
                    for l in k..<4 {
                        guard let right = input(l) else { continue }
                        let coefficient: S
                        switch (k, l) {
                        case (3, 3): continue
                        case (_, 3): coefficient = kernel.first(k)
                        default: coefficient = w.value * kernel.second(k, l)
                        }
                        sum.addOuter(entries.gradient(left), entries.gradient(right), coefficient, symmetric: k != l)
                    }
                }
                // The G_uu part of the kernel's second partials, from grad u itself (ReluKernel).
                let curvature = try kernel.curvatureTerm(entries.gradient(u)) { index in
                    try kernelTerms[t].wedge.gradientBound(at: index, x: x, d: d, dIndex: dIndex) { kernelTerms[t].pair }
                }
                let coefficient = w.value * curvature.coefficient
                if let m = curvature.bounded {
                    m.withUnsafeBufferPointer { m in sum.addOuter(m, m, coefficient, symmetric: false) }
                } else {
                    sum.addOuter(entries.gradient(u), entries.gradient(u), coefficient, symmetric: false)
                }
            }
        }
        return sum
    }
}

/// Dense accumulation of a loss, its gradient and its Hessian from sparse pieces.
struct JetAccumulator<S: Scalar> {
    let dimension: Int
    let order: DerivativeOrder
    var value: S
    var gradient: [S]
    var hessian: [S]

    init(dimension: Int, order: DerivativeOrder, precision: Int) {
        self.dimension = dimension
        self.order = order
        let zero = S(0, precision: precision)
        value = zero
        gradient = order >= .gradient ? Array(repeating: zero, count: dimension) : []
        hessian = order >= .hessian ? Array(repeating: zero, count: dimension * dimension) : []
    }

    /// Adds jet `jet` of `table`.
    mutating func add(_ table: JetTable<S>, _ jet: Int) {
        value += table[jet].value
        table.withEntries { entries in
            for (i, v) in entries.gradient(jet) { addGradient(i, v) }
            for (i, j, v) in entries.hessian(jet) { addHessian(i, j, v) }
        }
    }

    mutating func addGradient(_ i: Int, _ v: S) { gradient[i] += v }

    /// Adds c v at i, rounded as `addGradient(i, c * v)` would (``Scalar/add(_:times:)``).
    mutating func addGradient(_ i: Int, _ c: S, times v: S) { gradient[i].add(c, times: v) }

    /// Adds v at (i, j) and at (j, i).
    mutating func addHessian(_ i: Int, _ j: Int, _ v: S) {
        hessian[i * dimension + j] += v
        hessian[j * dimension + i] += v
    }

    /// Adds c (u v^T + v u^T) when `symmetric`, else c u u^T (u = v). Each entry gets
    /// (c u_i) v_j rounded as written; a symmetric pair shares that product; either way it lives
    /// only on the stack (``Scalar/add(_:times:)``, ``Scalar/addProduct(_:_:to:at:_:)``).
    mutating func addOuter(_ u: UnsafeBufferPointer<(Int, S)>, _ v: UnsafeBufferPointer<(Int, S)>, _ c: S, symmetric: Bool) {
        let n = dimension
        // The innermost loop of an evaluation: through the buffers, without a uniqueness and a
        // bounds check per entry.
        hessian.withUnsafeMutableBufferPointer { h in
            for (i, a) in u {
                let ca = c * a
                for (j, b) in v {
                    if symmetric {
                        S.addProduct(ca, b, to: h, at: i * n + j, j * n + i)
                    } else {
                        h[i * n + j].add(ca, times: b)
                    }
                }
            }
        }
    }

    /// The Hessian as a matrix (accumulated at order `.hessian`).
    var hessianMatrix: Matrix<S> {
        Matrix(rows: dimension, columns: dimension, elements: hessian)
    }
}
