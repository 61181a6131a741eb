import ArgumentParser

/// The `spurious` command line. `main` stays synchronous (ParsableCommand, not
/// AsyncParsableCommand) so that valgrind can run the real binary (docs/mpfr.md, "Valgrind").
@main
struct SpuriousCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spurious",
        abstract: "Critical points, Hessian spectra and saddle-to-minimum transitions of two-layer ReLU networks, in fractional dimension d, to any number of digits.",
        discussion: """
            Examples:
              spurious transitions            every transition of the catalogued families
              spurious atlas                  every family of spurious minima up to three blocks
              spurious spectrum --partition d-1,1 --d 10 \\
                --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904
              spurious series --family "d-1,1 one-flipped" --quantity spectrum \\
                --versus global-minimum      the spectrum at large d against W = V
              spurious doctor                 check the MPFR installation
            Each subcommand's --help has its own example.
            """,
        subcommands: [TransitionsCommand.self, AtlasCommand.self, FollowCommand.self, BranchesCommand.self, SpectrumCommand.self, Formula.self, Doctor.self, Bench.self, CriticalCommand.self, SeriesCommand.self]
    )
}
