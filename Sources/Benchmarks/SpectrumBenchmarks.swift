import BruteForce
import LossModel
import MultiPrecision

/// The spectrum of the one-flipped critical point (docs/design.md sections 3-4), Newton correction
/// from a 5-digit seed included, by the reduced route in Double and at 256 bits, and the same
/// spectrum by the brute-force route (the full k d x k d Hessian) at d = 10, 20, 40. The
/// reduced route costs the same at every d; the brute force grows like (k d)^3.
extension BenchmarkGroup {
    static let spectrum = BenchmarkGroup(
        name: "spectrum",
        summary: "one-flipped critical point: Newton correction + full Hessian spectrum",
        parameterName: "d",
        baseline: nil,
        cases: [10, 20, 40].flatMap { d in
            [
                BenchmarkCase(name: "reduced-double", parameter: "\(d)", unit: .millisecondsPerRun) { n in
                    SpectrumBenchmarks.reduced(d: d, runs: n) { $0 }
                },
                BenchmarkCase(name: "reduced-mpfr-256", parameter: "\(d)", unit: .millisecondsPerRun) { n in
                    SpectrumBenchmarks.reduced(d: d, runs: n) { BigFloat($0, precision: 256) }
                },
                BenchmarkCase(name: "brute-force-double", parameter: "\(d)", unit: .millisecondsPerRun) { n in
                    SpectrumBenchmarks.bruteForce(d: d, runs: n)
                },
            ]
        }
    )
}

enum SpectrumBenchmarks {
    static let partition = "d-1,1"
    static let seed = [1.00435, -0.01581, 0.18237, 0.12604, -0.69904]

    /// The one-flipped critical point at integer d, followed from the d = 10 seed in steps of
    /// 1/4 (untimed preparation); nil if the family cannot be followed there.
    static func criticalPoint(d: Int) -> [Double]? {
        guard let parsed = try? Partition(parsing: partition) else { return nil }
        let loss = ReducedLoss(FixedSpace(parsed))
        var x = seed
        var current = 10.0
        repeat {
            guard let point = try? loss.criticalPoint(from: x, d: current) else { return nil }
            x = point.x
            current += 0.25
        } while current <= Double(d)
        return x
    }

    /// A seed near the critical point: its values rounded to 5 significant digits.
    static func roughSeed(_ x: [Double]) -> [Double] {
        x.map { Double($0.formatted(significantDigits: 5)) ?? $0 }
    }

    static func reduced<S: Scalar>(d: Int, runs: Int, _ convert: @escaping @Sendable (Double) -> S) -> BenchmarkWorkload {
        let count = max(1, runs / 10_000)
        guard let x = criticalPoint(d: d), let parsed = try? Partition(parsing: partition) else {
            return BenchmarkWorkload(operations: 1) { .nan }
        }
        let model = SpectrumModel(parsed)
        let start = roughSeed(x).map(convert)
        let dValue = convert(Double(d))
        return BenchmarkWorkload(operations: count) {
            var smallest = 0.0
            for _ in 0..<count {
                guard let point = try? model.loss.criticalPoint(from: start, d: dValue),
                      let spectrum = try? model.spectrum(at: point.x, d: dValue)
                else { return .nan }
                smallest += spectrum.smallest?.value.doubleValue ?? .nan
            }
            return smallest
        }
    }

    static func bruteForce(d: Int, runs: Int) -> BenchmarkWorkload {
        guard let x = criticalPoint(d: d), let layout = try? FixedSpaceLayout.parse(partition, d: d),
              let weights = try? layout.weights(x)
        else { return BenchmarkWorkload(operations: 1) { .nan } }
        let network = FullSpaceNetwork(weights: weights)
        return BenchmarkWorkload(operations: 1) {
            (try? network.spectrum().first?.value) ?? .nan
        }
    }
}
