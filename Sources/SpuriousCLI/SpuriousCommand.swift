import ArgumentParser

/// The `spurious` command line. `main` stays synchronous (ParsableCommand, not
/// AsyncParsableCommand) so that valgrind can run the real binary (MPFR-NOTES.md).
@main
struct SpuriousCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spurious",
        abstract: "Critical points, Hessian spectra and saddle-to-minimum transitions of two-layer ReLU networks, in fractional dimension d, to any number of digits.",
        subcommands: [TransitionsCommand.self, FollowCommand.self, SpectrumCommand.self, Formula.self, Doctor.self, Bench.self, CriticalCommand.self, SeriesCommand.self]
    )
}
