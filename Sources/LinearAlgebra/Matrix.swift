import MultiPrecision

/// A dense matrix stored row by row, for the small systems of this tool (n <= 60, or a few
/// thousand for the brute-force reference in `Double`).
public struct Matrix<S: Scalar>: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Entries, row-major: entry (i, j) is `elements[i * columns + j]`.
    public var elements: [S]

    public init(rows: Int, columns: Int, repeating value: S) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its entries, row-major (`rows * columns` of them).
    public init(rows: Int, columns: Int, elements: [S]) {
        precondition(rows >= 0 && columns >= 0 && elements.count == rows * columns, "\(elements.count) entries for a \(rows)x\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rowArrays: [[S]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "ragged rows")
        rows = rowArrays.count
        columns = width
        elements = rowArrays.flatMap { $0 }
    }

    /// The n x n identity, with entries at `precision` bits.
    public static func identity(_ n: Int, precision: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n, repeating: S(0, precision: precision))
        for i in 0..<n { m[i, i] = S(1, precision: precision) }
        return m
    }

    @inlinable
    public subscript(i: Int, j: Int) -> S {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    public func row(_ i: Int) -> [S] { Array(elements[(i * columns)..<((i + 1) * columns)]) }
    public func column(_ j: Int) -> [S] { (0..<rows).map { self[$0, j] } }

    public func transposed() -> Matrix {
        var t = Matrix(rows: columns, columns: rows, repeating: 0)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "matrix product of \(a.rows)x\(a.columns) and \(b.rows)x\(b.columns)")
        var c = Matrix(rows: a.rows, columns: b.columns, repeating: 0)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = a[i, 0] * b[0, j]
                for l in 1..<a.columns { sum.add(a[i, l], times: b[l, j]) }
                c[i, j] = sum
            }
        }
        return c
    }

    public static func * (a: Matrix, x: [S]) -> [S] {
        precondition(a.columns == x.count, "matrix-vector product of \(a.rows)x\(a.columns) and \(x.count)")
        return (0..<a.rows).map { i in
            var sum = a[i, 0] * x[0]
            for l in 1..<a.columns { sum.add(a[i, l], times: x[l]) }
            return sum
        }
    }
}
