import Asymptotics
import Families
import LossModel
import MultiPrecision
import Spurious

/// The global minimum and the spectrum against it, as `spurious spectrum` and `spurious
/// series` run them: W = V's spectrum to 100 digits in its own fixed space `d` and embedded in
/// `d-2,2` (more parts, the same eigenvalues), and the one-flipped family's whole spectrum
/// expanded against the global minimum's to 30 digits (the target: 10 s).
extension BenchmarkGroup {
    static let globalMinimum = BenchmarkGroup(
        name: "global-minimum",
        summary: "W = V's spectrum at d = 10 (100 digits); the one-flipped spectrum versus W = V to d = 1e30",
        parameterName: "digits",
        baseline: nil,
        cases: [
            GlobalMinimumBenchmarks.spectrum(name: "spectrum-d", partition: "d", seed: ["1", "0"]),
            GlobalMinimumBenchmarks.spectrum(name: "spectrum-in-d-2,2", partition: "d-2,2", seed: ["1", "0", "0", "0", "1", "0"]),
            GlobalMinimumBenchmarks.seriesVersus(digits: 30),
        ]
    )
}

enum GlobalMinimumBenchmarks {
    /// One `spectrum` run per operation; the checksum is the smallest eigenvalue, NaN unless
    /// the loss is exactly 0 and every eigenvalue has its 100 digits.
    static func spectrum(name: String, partition: String, seed: [String]) -> BenchmarkCase {
        BenchmarkCase(name: name, parameter: "100", unit: .millisecondsPerRun) { iterations in
            guard let parsed = try? Partition(parsing: partition), let literals = try? seed.map(DecimalLiteral.init),
                  let d = try? DecimalLiteral("10")
            else { return BenchmarkWorkload(operations: 1) { .nan } }
            let request = SpectrumRequest(partition: parsed, seed: literals, d: d, digits: 100)
            let count = max(1, iterations / 100_000)
            return BenchmarkWorkload(operations: count) {
                var smallest = 0.0
                for _ in 0..<count {
                    guard let result = try? SpectrumJob.run(request), result.loss.decimal == "0",
                          result.eigenvalues.allSatisfy({ $0.value.digits == 100 }), let first = result.eigenvalues.first
                    else { return .nan }
                    smallest += first.value.approximate
                }
                return smallest
            }
        }
    }

    /// One `series --quantity spectrum --versus global-minimum` run; the checksum is the
    /// number of eigenvalues whose difference was expanded, NaN when one was not.
    static func seriesVersus(digits: Int) -> BenchmarkCase {
        BenchmarkCase(name: "series-spectrum-versus", parameter: "\(digits)", unit: .millisecondsPerRun) { _ in
            guard let family = ContinuationBenchmarks.oneFlipped(), let basis = try? ClosedFormBasis.standard() else {
                return BenchmarkWorkload(operations: 1) { .nan }
            }
            let settings = SeriesSettings(terms: 4, digits: digits, topExponent: 30, basis: basis)
            let request = SeriesRequest(family: family, quantity: .spectrum, settings: settings, versusGlobalMinimum: true)
            return BenchmarkWorkload(operations: 1) {
                guard case let .spectrum(spectrum)? = try? SeriesJob.run(request),
                      spectrum.eigenvalues.allSatisfy({ $0.difference?.expansion != nil })
                else { return .nan }
                return Double(spectrum.eigenvalues.count)
            }
        }
    }
}
