import Asymptotics
import Families
import LossModel
import MultiPrecision

/// The one-flipped family's loss expanded in powers of d^(-1/2) (`spurious series`): the
/// ladder from the d = 10 seed to d = 10^30 at two precisions, Richardson extrapolation and a
/// PSLQ closed-form search for every coefficient, all timed. The target is 10 s for
/// 4 terms at 40 digits.
extension BenchmarkGroup {
    static let asymptotics = BenchmarkGroup(
        name: "asymptotics",
        summary: "one-flipped loss expanded to d = 1e30: terms x proved digits, closed forms included",
        parameterName: "terms x digits",
        baseline: nil,
        cases: [
            AsymptoticsBenchmarks.loss(terms: 4, digits: 40),
            AsymptoticsBenchmarks.loss(terms: 8, digits: 100),
        ]
    )
}

enum AsymptoticsBenchmarks {
    /// One expansion per run; the checksum is the leading coefficient, or NaN (a failed case)
    /// when it is not proved to every digit asked.
    static func loss(terms: Int, digits: Int) -> BenchmarkCase {
        BenchmarkCase(name: "series-loss", parameter: "\(terms) x \(digits)", unit: .millisecondsPerRun) { _ in
            guard let family = ContinuationBenchmarks.oneFlipped(), let basis = try? ClosedFormBasis.standard(),
                  let observable = try? Observable(.loss, model: SpectrumModel(family.partition))
            else { return BenchmarkWorkload(operations: 1) { .nan } }
            let system = ReducedGradient(ReducedLoss(FixedSpace(family.partition)))
            let settings = SeriesSettings(terms: terms, digits: digits, topExponent: 30, basis: basis)
            return BenchmarkWorkload(operations: 1) {
                guard let series = try? AsymptoticSeries.expand(
                          system, observable: observable, seed: family.seed, seedD: family.seedD, settings: settings),
                      let leading = series.terms.first, leading.digits == digits
                else { return .nan }
                return leading.estimate.doubleValue
            }
        }
    }
}
