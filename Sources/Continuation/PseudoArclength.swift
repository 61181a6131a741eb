/// Pseudo-arclength continuation of the curve F(x, lambda) = 0 of a ``ContinuationProblem``.
///
/// The state is y = (x, lambda). From an accepted point with unit tangent t, the predictor is
/// y + ds t and the corrector is Newton's method on [F(y); t . (y - y_pred)] = 0, whose bordered
/// Jacobian [F_x F_lambda; t^T] stays regular at folds, where lambda turns back and continuation
/// in lambda alone breaks down. The next tangent solves [F_x F_lambda; t^T] t' = [0; 1], which
/// also keeps its orientation. The sweep runs in `Double`; events found between its points are
/// then located at any precision by ``locate(event:in:precision:digits:)``, with the same
/// generic code.
///
/// Problem, settings and algorithm are kept apart (as in AUTO-07p and BifurcationKit.jl): this
/// type holds only the problem; each run takes its ``ContinuationSettings``.
public struct PseudoArclength<P: ContinuationProblem>: Sendable {
    public let problem: P

    public init(problem: P) {
        self.problem = problem
    }

    /// Follows the curve through `seed` at `parameter` until a ``StopReason``.
    ///
    /// The seed is first corrected by Newton's method in x at the fixed parameter, so it only
    /// needs to be near the curve, where F_x must be regular. Throws
    /// ``ContinuationError`` when the settings are invalid, the seed has the wrong size or lies
    /// outside the parameter range, or its correction fails; after that the sweep always returns
    /// what it has found. `onPoint` sees each accepted point as it comes (for progress reports).
    /// With `concurrently` the points' test functions are computed on a second thread, with the
    /// same result.
    public func run(
        from seed: [Double], parameter: Double, settings: ContinuationSettings, concurrently: Bool = false,
        onPoint: (ContinuationPoint) -> Void = { _ in }
    ) throws -> ContinuationResult {
        try settings.validate()
        let n = problem.dimension
        guard n >= 1 else { throw ContinuationError.dimensionMismatch("a problem needs at least one unknown (has \(n))") }
        guard seed.count == n else {
            throw ContinuationError.dimensionMismatch("a seed of \(seed.count) values for a problem of dimension \(n)")
        }
        guard settings.lambdaMin <= parameter, parameter <= settings.lambdaMax else {
            throw ContinuationError.seedOutsideRange(parameter: parameter)
        }
        guard seed.allSatisfy(\.isFinite) else { throw ContinuationError.invalidSettings("the seed is not finite") }
        let sweep = Sweep(corrector: Corrector(problem: problem), settings: settings)
        let start: ContinuationPoint
        do {
            start = try sweep.seedPoint(seed, parameter: parameter)
        } catch {
            throw ContinuationError.seedFailed(error)
        }
        return sweep.run(from: start, concurrently: concurrently, onPoint: onPoint)
    }
}
