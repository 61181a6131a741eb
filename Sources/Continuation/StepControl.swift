/// The step-length rule of the sweep, driven by the corrector's iteration count as in AUTO-07p:
/// Newton's iteration count is a cheap, problem-independent measure of how far the prediction
/// was from the curve, hence of how much the curve bends over one step.
struct StepControl {
    let settings: ContinuationSettings

    /// The step after a point accepted in `iterations` corrector iterations: scaled by
    /// target / iterations, clamped to [1/2, 2] so that one lucky or unlucky step cannot swing it
    /// far, and kept within dsMin and the largest step at `parameter`. Fewer iterations than the target mean an easy
    /// stretch (grow); more mean a hard one (shrink).
    func next(after ds: Double, iterations: Int, parameter: Double) -> Double {
        let factor = min(2, max(0.5, Double(settings.targetIterations) / Double(max(iterations, 1))))
        return min(maximumStep(at: parameter), max(settings.dsMin, ds * factor))
    }

    /// dsMax, or the relative maximum times |lambda| where that is larger.
    func maximumStep(at parameter: Double) -> Double {
        max(settings.dsMax, settings.relativeMaximumStep * abs(parameter))
    }

    /// The step to retry with after a rejected step: half of it, or `nil` when that falls below
    /// dsMin and the sweep has to stop.
    func retry(after ds: Double) -> Double? {
        let half = ds / 2
        return half < settings.dsMin ? nil : half
    }
}
