import CMPFR
import MultiPrecision

/// The inner loop of every Jacobi sweep and Hessian assembly, acc = acc*x + y, in four styles,
/// to show what BigFloat's value semantics cost over MPFR itself (docs/mpfr.md, "Speed"):
///
/// - `mpfr-direct`: MPFR on preallocated `mpfr_t`, in place; the baseline.
/// - `bigfloat-new-result`: `acc = acc * x + y`, a new heap value per operation.
/// - `bigfloat-in-place`: `acc *= x; acc += y`, writing into unshared storage.
/// - `bigfloat-fma`: `acc.formFusedMultiplyAdd(x, y)`, one call and one rounding.
///
/// x = 0.999999 and y = 0.000001 (both rounded at the case's precision, so every bit of the
/// significands is in play) keep acc between 0 and y / (1 - x) = 1, for any iteration count.
/// One operation is one multiply-add.
extension BenchmarkGroup {
    static let multiplyAdd = BenchmarkGroup(
        name: "multiply-add",
        summary: "acc = acc*x + y, x = 0.999999, y = 0.000001 (acc stays in [0, 1])",
        parameterName: "bits",
        baseline: "mpfr-direct",
        cases: [128, 1024].flatMap(MultiplyAddBenchmarks.cases(bits:))
    )
}

enum MultiplyAddBenchmarks {
    static func cases(bits: Int) -> [BenchmarkCase] {
        [
            BenchmarkCase(name: "mpfr-direct", parameter: "\(bits)", unit: .nanosecondsPerOperation) { n in
                direct(bits: bits, iterations: n)
            },
            BenchmarkCase(name: "bigfloat-new-result", parameter: "\(bits)", unit: .nanosecondsPerOperation) { n in
                let (x, y) = operands(bits: bits)
                return BenchmarkWorkload(operations: n) {
                    var acc = BigFloat(0, precision: bits)
                    for _ in 0..<n { acc = acc * x + y }
                    return acc.doubleValue
                }
            },
            BenchmarkCase(name: "bigfloat-in-place", parameter: "\(bits)", unit: .nanosecondsPerOperation) { n in
                let (x, y) = operands(bits: bits)
                return BenchmarkWorkload(operations: n) {
                    var acc = BigFloat(0, precision: bits)
                    for _ in 0..<n {
                        acc *= x
                        acc += y
                    }
                    return acc.doubleValue
                }
            },
            BenchmarkCase(name: "bigfloat-fma", parameter: "\(bits)", unit: .nanosecondsPerOperation) { n in
                let (x, y) = operands(bits: bits)
                return BenchmarkWorkload(operations: n) {
                    var acc = BigFloat(0, precision: bits)
                    for _ in 0..<n { acc.formFusedMultiplyAdd(x, y) }
                    return acc.doubleValue
                }
            },
        ]
    }

    /// x = 999999/10^6 and y = 1/10^6, each correctly rounded at `bits`.
    static func operands(bits: Int) -> (x: BigFloat, y: BigFloat) {
        let million = BigFloat(1_000_000, precision: bits)
        return (BigFloat(999_999, precision: bits) / million, BigFloat(1, precision: bits) / million)
    }

    /// The same loop with no Swift value in it: MPFR on three preallocated values.
    static func direct(bits: Int, iterations n: Int) -> BenchmarkWorkload {
        let values = PreallocatedMPFR(count: 3, precision: bits)
        let (acc, x, y) = (values[0], values[1], values[2])
        mpfr_set_ui(x, 999_999, MPFR_RNDN)
        mpfr_div_ui(x, x, 1_000_000, MPFR_RNDN)
        mpfr_set_ui(y, 1, MPFR_RNDN)
        mpfr_div_ui(y, y, 1_000_000, MPFR_RNDN)
        return BenchmarkWorkload(operations: n) {
            withExtendedLifetime(values) {
                mpfr_set_ui(acc, 0, MPFR_RNDN)
                for _ in 0..<n {
                    mpfr_mul(acc, acc, x, MPFR_RNDN)
                    mpfr_add(acc, acc, y, MPFR_RNDN)
                }
                return mpfr_get_d(acc, MPFR_RNDN)
            }
        }
    }
}

/// `mpfr_t` values at stable addresses, initialized once and cleared when the owner goes, so
/// the direct case allocates nothing while timed and leaks nothing after.
final class PreallocatedMPFR {
    private let base: UnsafeMutablePointer<__mpfr_struct>
    let count: Int

    init(count: Int, precision: Int) {
        self.count = count
        base = .allocate(capacity: count)
        for i in 0..<count { mpfr_init2(base + i, precision) }
    }

    subscript(index: Int) -> UnsafeMutablePointer<__mpfr_struct> {
        precondition((0..<count).contains(index), "index \(index) outside 0..<\(count)")
        return base + index
    }

    deinit {
        for i in 0..<count { mpfr_clear(base + i) }
        base.deallocate()
    }
}
