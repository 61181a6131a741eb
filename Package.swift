// swift-tools-version: 6.0
import PackageDescription

// Layers, bottom to top (data flows upward only; docs/architecture.md):
// CMPFR -> MultiPrecision -> LinearAlgebra -> {LossModel, Continuation} -> Families
//   -> {Asymptotics, Certification} -> Spurious (the jobs) -> Report (the only formatter) -> SpuriousCLI.
// Continuation knows nothing of ReLU networks; Families joins it to the model.
// BruteForce is an independent full-space reference model for the tests and the benchmarks;
// Benchmarks times the jobs for `spurious bench`.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "spurious",
    platforms: [.macOS(.v13)],
    products: [
        .library(
            name: "Spurious",
            targets: ["MultiPrecision", "LinearAlgebra", "LossModel", "Continuation", "Families", "Asymptotics", "Bifurcations", "Certification", "Spurious", "Report"]),
        .executable(name: "spurious", targets: ["SpuriousCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMPFR",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev", "libgmp-dev"])]
        ),
        .target(name: "MultiPrecision", dependencies: ["CMPFR"], swiftSettings: strict),
        .target(name: "LinearAlgebra", dependencies: ["MultiPrecision"], swiftSettings: strict),
        .target(name: "LossModel", dependencies: ["MultiPrecision", "LinearAlgebra"], swiftSettings: strict),
        .target(name: "Continuation", dependencies: ["MultiPrecision", "LinearAlgebra"], swiftSettings: strict),
        .target(name: "Families", dependencies: ["MultiPrecision", "LossModel", "Continuation"], swiftSettings: strict),
        .target(
            name: "Report",
            dependencies: ["MultiPrecision", "LossModel", "Continuation", "Families", "Asymptotics", "Certification", "Spurious", "Benchmarks"],
            swiftSettings: strict),
        .target(name: "BruteForce", dependencies: ["LinearAlgebra"], swiftSettings: strict),
        .target(name: "_TestSupport", swiftSettings: strict),
        .target(name: "Asymptotics", dependencies: ["MultiPrecision", "LinearAlgebra", "LossModel"], swiftSettings: strict),
        .target(name: "Bifurcations", dependencies: ["MultiPrecision", "LinearAlgebra", "LossModel"], swiftSettings: strict),
        .target(name: "Certification", dependencies: ["MultiPrecision", "LinearAlgebra", "LossModel", "Continuation", "Families"], swiftSettings: strict),
        .target(
            name: "Spurious", dependencies: ["MultiPrecision", "LossModel", "Continuation", "Families", "Asymptotics", "Bifurcations", "Certification"],
            swiftSettings: strict),
        .target(
            name: "Benchmarks",
            dependencies: ["CMPFR", "MultiPrecision", "LossModel", "Families", "Asymptotics", "Certification", "BruteForce", "Spurious"],
            swiftSettings: strict),
        .executableTarget(
            name: "SpuriousCLI",
            dependencies: [
                "MultiPrecision", "LossModel", "Families", "Asymptotics", "Spurious", "Report", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "MultiPrecisionTests", dependencies: ["MultiPrecision", "_TestSupport"], swiftSettings: strict),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "MultiPrecision"], swiftSettings: strict),
        .testTarget(name: "LossModelTests", dependencies: ["LossModel", "LinearAlgebra", "MultiPrecision", "BruteForce", "_TestSupport"], swiftSettings: strict),
        .testTarget(name: "BruteForceTests", dependencies: ["BruteForce", "LinearAlgebra", "MultiPrecision", "_TestSupport"], swiftSettings: strict),
        .testTarget(name: "ContinuationTests", dependencies: ["Continuation", "LinearAlgebra", "MultiPrecision"], swiftSettings: strict),
        .testTarget(name: "BifurcationsTests", dependencies: ["Bifurcations", "LinearAlgebra", "MultiPrecision"], swiftSettings: strict),
        .testTarget(name: "FamiliesTests", dependencies: ["Families", "Continuation", "LossModel", "LinearAlgebra", "MultiPrecision", "BruteForce"], swiftSettings: strict),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Spurious", "Asymptotics", "Certification", "Families", "Continuation", "LossModel", "MultiPrecision"], swiftSettings: strict),
        .testTarget(name: "SpuriousCLITests", dependencies: ["SpuriousCLI", "Spurious", "Report", "Families", "LossModel", "MultiPrecision", "_TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: strict),
        .testTarget(
            name: "SpuriousTests",
            dependencies: ["Spurious", "Report", "Families", "LossModel", "MultiPrecision", "BruteForce", "Certification", "Bifurcations", "Asymptotics", "LinearAlgebra"],
            swiftSettings: strict),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Report"], swiftSettings: strict),
        .testTarget(name: "AsymptoticsTests", dependencies: ["Asymptotics", "LossModel", "LinearAlgebra", "MultiPrecision"], swiftSettings: strict),
        .testTarget(
            name: "CertificationTests",
            dependencies: ["Certification", "Families", "LossModel", "LinearAlgebra", "MultiPrecision"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
