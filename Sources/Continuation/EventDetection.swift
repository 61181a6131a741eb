/// Finds events between accepted points from their `Double` values, as each new point arrives.
///
/// A sign is taken with zero counted as positive, so that an exact zero at a point belongs to
/// exactly one interval and is never reported twice.
struct EventDetector {
    let testFunctionNames: [String]
    let touchThreshold: Double

    /// Events shown by the last point of `points`, in the order they were passed: touches at the
    /// point before the last (which needs both its neighbours), then sign changes between the
    /// last two points (fold first, then branch point, then test functions in order).
    func events(endingAt points: ArraySlice<ContinuationPoint>) -> [ContinuationEvent] {
        let last = points.endIndex - 1
        guard last >= points.startIndex + 1 else { return [] }
        let before = points[last - 1]
        let after = points[last]
        var found: [ContinuationEvent] = []
        if last >= points.startIndex + 2 {
            let first = points[last - 2]
            for (index, name) in testFunctionNames.enumerated() {
                let values = [first, before, after].map { $0.testFunctionValues[index] }
                let sameSign = values.allSatisfy { isNegative($0) == isNegative(values[1]) }
                let middle = abs(values[1])
                if sameSign && middle < abs(values[0]) && middle < abs(values[2]) && middle < touchThreshold {
                    found.append(ContinuationEvent(kind: .touch(index: index), name: name, bracket: (last - 2)...last))
                }
            }
        }
        if Self.isFold(from: before, to: after) {
            found.append(ContinuationEvent(kind: .fold, name: "fold", bracket: (last - 1)...last))
        }
        if before.borderedDeterminantSign != after.borderedDeterminantSign {
            found.append(ContinuationEvent(kind: .branchPoint, name: "branch point", bracket: (last - 1)...last))
        }
        for (index, name) in testFunctionNames.enumerated() {
            let a = before.testFunctionValues[index]
            let b = after.testFunctionValues[index]
            if isNegative(a) != isNegative(b) {
                found.append(ContinuationEvent(kind: .testFunction(index: index), name: name, bracket: (last - 1)...last))
            }
        }
        return found
    }

    /// Whether dlambda/ds changes sign from one point to the next.
    static func isFold(from before: ContinuationPoint, to after: ContinuationPoint) -> Bool {
        (before.parameterTangent < 0) != (after.parameterTangent < 0)
    }

    private func isNegative(_ value: Double) -> Bool { value < 0 }
}
