import MultiPrecision

/// u = A B - p^2 = |w ^ v|^2 of the two rows of a kernel term, written by Lagrange's identity
/// as a weighted sum of squared 2 x 2 minors (docs/design.md section 1):
///
///     u = sum_{k < l} c_k c_l (w_k v_l - w_l v_k)^2
///
/// over the column classes k of the pair (``ColumnClasses``): c_k columns on which w is w_k
/// and v is v_k. The product form A B - p^2 is a difference of two numbers of size |w|^2 |v|^2
/// that agree to the last bits near parallel rows, so it loses everything below
/// eps |w|^2 |v|^2 and sin theta = sqrt(u) / (|w| |v|) is then wrong by up to sqrt(eps). Here
/// s = sqrt(u) is the norm of the vector of weighted minors, and each minor is computed to an
/// absolute error of a few eps |w_k v_l|, so s has an absolute error of a few eps |w| |v| at
/// any angle: what the kernel needs to be accurate near parallel and anti-parallel rows.
///
/// The weights are products of counts, positive while every block has size at least 2 (a
/// paired block of fractional size in (1, 2) makes the count n - 2 negative; the kernel then
/// clamps a negative u to 0, as before this form existed).
struct WedgeForm: Hashable, Sendable {
    /// +-x[first] x[second], or +-x[first] when `second` is nil (a teacher entry 1), with the
    /// positions of the variables in ``variables``.
    struct Monomial: Hashable, Sendable {
        let negative: Bool
        let first: Int
        let second: Int?
        var firstPosition = 0
        var secondPosition = 0
    }

    /// weight(d) * minor(x)^2.
    struct Square: Hashable, Sendable {
        let weight: CountPolynomial
        var minor: [Monomial]
        /// The weight's number in its loss's ``CountSlots``.
        var slot = 0
    }

    private(set) var squares: [Square]
    /// The variables the minors involve, ascending: the support of grad u in x.
    let variables: [Int]

    init(squares: [Square]) {
        let variables = Array(Set(squares.flatMap { $0.minor.flatMap { [$0.first] + ($0.second.map { [$0] } ?? []) } })).sorted()
        let position = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        self.variables = variables
        self.squares = squares.map { square in
            var square = square
            square.minor = square.minor.map { m in
                var m = m
                m.firstPosition = position[m.first] ?? 0
                m.secondPosition = m.second.flatMap { position[$0] } ?? 0
                return m
            }
            return square
        }
    }

    /// Numbers every weight in `slots`.
    mutating func assignSlots(_ slots: inout CountSlots) {
        for q in squares.indices { squares[q].slot = slots.slot(of: squares[q].weight) }
    }

    /// Appends u at x and d to `table`, with grad u (in x, and in d at `dIndex`) when `order`
    /// is the Hessian: the kernel needs grad u only for its curvature term (``ReluKernel``).
    /// The gradient has one entry per index, in the order of ``variables``, d last. `counts`:
    /// the weights at d, by slot.
    func appendJet<S: Scalar>(
        at x: [S], d: S, dIndex: Int?, order: DerivativeOrder, counts: CountValues<S>, to table: inout JetTable<S>
    ) -> Int {
        let zero = S(0, precision: d.precision)
        var value = zero
        let needsGradient = order >= .hessian
        table.slots.removeAll(keepingCapacity: true)
        if needsGradient { table.slots.append(contentsOf: repeatElement(nil, count: variables.count)) }
        var slope: S?
        // By index: a copy of a square would retain its weight's arrays.
        for q in squares.indices {
            let c = counts[squares[q].slot]
            let minor = squares[q].value(at: x, zero: zero)
            let cm = c.value * minor
            value.add(cm, times: minor)
            guard needsGradient else { continue }
            let twice = cm * S(2)
            for m in squares[q].minor {
                let coefficient = m.negative ? -twice : twice
                if let second = m.second {
                    accumulate(&table.slots[m.firstPosition], coefficient, times: x[second])
                    accumulate(&table.slots[m.secondPosition], coefficient, times: x[m.first])
                } else if table.slots[m.firstPosition] != nil {
                    table.slots[m.firstPosition]! += coefficient
                } else {
                    table.slots[m.firstPosition] = coefficient
                }
            }
            if dIndex != nil { accumulate(&slope, c.first * minor, times: minor) }
        }
        for (position, g) in table.slots.enumerated() { if let g { table.appendGradient(variables[position], g) } }
        if let k = dIndex, let slope { table.appendGradient(k, slope) }
        return table.close(value: value)
    }

    /// At most this many entries per evaluation.
    var capacity: JetCapacity {
        JetCapacity(jets: 1, gradient: variables.count + 1, slots: variables.count)
    }

    /// A bound on |du/dy| / (2 sqrt(u)) at x and d for the variable y at `index` (d at
    /// `dIndex`), by Cauchy-Schwarz over the squares (u = sum c M^2 with c > 0):
    ///
    ///     du/dx_i = sum 2 c M dM/dx_i,  so  |du/dx_i| <= 2 sqrt(u) sqrt(sum c (dM/dx_i)^2)
    ///     du/dd   = sum c' M^2,         so  |du/dd|   <= 2 sqrt(u) sqrt(sum c'^2 M^2 / (4 c))
    ///
    /// Used only by an enclosure whose sqrt(u) may be 0. Throws ``ModelError/noEnclosure(_:)``
    /// when a weight is not certainly positive (a block of size below 2): the bound does not
    /// hold there.
    func gradientBound<S: Scalar>(at index: Int, x: [S], d: S, dIndex: Int?, pair: () -> String) throws -> S {
        let zero = S(0, precision: d.precision)
        var sum = zero
        for square in squares {
            let c = square.weight.evaluate(at: d)
            guard c.value.signum > 0 else {
                throw ModelError.noEnclosure("\(pair()): sin theta may vanish on the box and a count of the pair is not positive there (a block of size below 2), so the curvature of the kernel has no bound; use a smaller box or a d with every block of size at least 2")
            }
            if index == dIndex {
                let minor = square.value(at: x, zero: zero)
                sum += c.first * c.first * minor * minor / (c.value * S(4))
                continue
            }
            var derivative = zero
            for m in square.minor {
                let sign = m.negative ? S(-1) : S(1)
                if m.first == index { derivative += sign * (m.second.map { x[$0] } ?? S(1)) }
                if m.second == index { derivative += sign * x[m.first] }
            }
            sum += c.value * derivative * derivative
        }
        return try S.sqrt(sum.magnitude)
    }
}

/// sum += c * x, or sum = c * x for the first term, rounded as written (``Scalar/add(_:times:)``).
private func accumulate<S: Scalar>(_ sum: inout S?, _ c: S, times x: S) {
    if sum != nil { sum!.add(c, times: x) } else { sum = c * x }
}

extension WedgeForm.Square {
    /// The minor at x.
    func value<S: Scalar>(at x: [S], zero: S) -> S {
        var minor = zero
        for m in self.minor {
            switch (m.second, m.negative) {
            case let (second?, false): minor.add(x[m.first], times: x[second])
            case let (second?, true): minor.subtract(x[m.first], times: x[second])
            case (nil, false): minor += x[m.first]
            case (nil, true): minor -= x[m.first]
            }
        }
        return minor
    }
}
