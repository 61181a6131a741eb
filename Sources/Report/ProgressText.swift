import Spurious

/// A job's progress as one line for a terminal.
public enum ProgressText {
    public static func line(_ progress: JobProgress) -> String {
        switch progress {
        case let .searching(partition, d, starts):
            return "searching \(partition) at d = \(d.formatted(significantDigits: 6)) (\(starts) starts)"
        case let .start(partition, number, count):
            return "\(partition): Newton start \(number)/\(count)"
        case let .following(family, seedD):
            return "following \(family) from d = \(seedD)"
        case let .followed(family, d, points):
            return "following \(family): d = \(d.formatted(significantDigits: 6)), \(points) points"
        case let .locating(family, event, number, count, digits):
            return "\(family): locating \(event) \(number)/\(count) to \(digits) digits"
        case let .spectrum(partition, bits):
            return "spectrum: the point of \(partition) and its eigenvalues at \(bits) bits"
        case let .ladder(d, bits):
            return "series: ladder at d = \(d), \(bits) bits"
        case let .certifying(family, number, count, d):
            return "\(family): certifying transition \(number)/\(count) near d = \(d.formatted(significantDigits: 6))"
        case let .analysing(family, fine, bits):
            return "\(family): the bifurcation equation in \(fine) at \(bits) bits"
        case let .branching(family, fine, d):
            return "\(family): the branch in \(fine) at d = \(d.formatted(significantDigits: 6))"
        case let .atlas(done, count, families, seconds):
            return "atlas: \(done)/\(count) fixed spaces done, \(families) families, \(Int(seconds)) s"
        }
    }
}
