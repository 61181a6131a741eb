/// What a sweep found: its points in order, the events between them and why it stopped.
public struct ContinuationResult: Sendable {
    /// The seed first, then one point per accepted step.
    public let points: [ContinuationPoint]
    /// Events in the order they were passed.
    public let events: [ContinuationEvent]
    /// Why the sweep ended.
    public let stopReason: StopReason
    /// Names of the problem's test functions, in the order of the points' values.
    public let testFunctionNames: [String]
    /// Steps rejected and retried with half the step, over the whole sweep.
    public let rejectedSteps: Int

    public init(
        points: [ContinuationPoint], events: [ContinuationEvent], stopReason: StopReason,
        testFunctionNames: [String], rejectedSteps: Int
    ) {
        self.points = points
        self.events = events
        self.stopReason = stopReason
        self.testFunctionNames = testFunctionNames
        self.rejectedSteps = rejectedSteps
    }

    /// The folds among the events.
    public var folds: [ContinuationEvent] { events.filter { $0.kind == .fold } }

    /// The branch points among the events.
    public var branchPoints: [ContinuationEvent] { events.filter { $0.kind == .branchPoint } }

    /// The branch point the sweep saw between the same two points as `event`, if any: near it
    /// the curve's points are ill-conditioned, and every event there is located around it.
    func branchPoint(sharingBracketWith event: ContinuationEvent) -> ContinuationEvent? {
        events.first { $0.kind == .branchPoint && $0.bracket == event.bracket }
    }
}
