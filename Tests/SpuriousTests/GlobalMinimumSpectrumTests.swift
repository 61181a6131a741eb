import BruteForce
import Certification
import Families
import LossModel
import MultiPrecision
import Spurious
import XCTest

/// The global minimum W = V (k = d): its loss is exactly 0, its spectrum is the brute-force
/// k d x k d Hessian's at integer d, and every fixed space that contains it gives the same
/// spectrum at real d (docs/design.md section 3: one point, one Hessian, however it is split).
final class GlobalMinimumSpectrumTests: XCTestCase {
    func testLossIsExactlyZeroAndTheSpectrumIsTheBruteForceOne() throws {
        let result = try SpectrumJob.run(SpectrumRequest(
            partition: try Partition(parsing: "d"), seed: try ["1", "0"].map(DecimalLiteral.init), d: try DecimalLiteral("10"), digits: 20))
        XCTAssertEqual(result.loss.decimal, "0")
        XCTAssertEqual(result.globalMinimum, .teacher)
        XCTAssertEqual(result.index, 0)
        let network = FullSpaceNetwork(weights: try FixedSpaceLayout.parse("d", d: 10).weights([1, 0]))
        let bruteForce = try network.spectrum()
        var merged: [(value: Double, multiplicity: Double)] = []
        for eigenvalue in result.eigenvalues {
            let value = eigenvalue.value.value.doubleValue
            if let last = merged.last, abs(last.value - value) < 1e-9 {
                merged[merged.count - 1].multiplicity += eigenvalue.multiplicityValue
            } else {
                merged.append((value, eigenvalue.multiplicityValue))
            }
        }
        XCTAssertEqual(merged.count, bruteForce.count)
        for (ours, theirs) in zip(merged, bruteForce) {
            XCTAssertEqual(ours.value, theirs.value, accuracy: 1e-9)
            XCTAssertEqual(ours.multiplicity, Double(theirs.multiplicity))
        }
    }

    func testEveryFixedSpaceThroughTheGlobalMinimumGivesOneSpectrum() throws {
        let embeddings: [(partition: String, seed: [String])] = [
            ("d", ["1", "0"]),
            ("d-1,1", ["1", "0", "0", "0", "1"]),
            ("d-2,2", ["1", "0", "0", "0", "1", "0"]),
        ]
        for d in ["7.5", "12.25"] {
            var spectra: [[(Double, Double)]] = []
            for embedding in embeddings {
                let partition = try Partition(parsing: embedding.partition)
                XCTAssertEqual(SpectrumModel(partition).loss.space.dimension, embedding.seed.count, embedding.partition)
                let result = try SpectrumJob.run(SpectrumRequest(
                    partition: partition, seed: try embedding.seed.map(DecimalLiteral.init), d: try DecimalLiteral(d), digits: 20))
                XCTAssertEqual(result.loss.decimal, "0", "\(embedding.partition) at d = \(d)")
                XCTAssertEqual(result.index, 0, "\(embedding.partition) at d = \(d)")
                spectra.append(Self.merged(result))
            }
            for other in spectra.dropFirst() {
                XCTAssertEqual(other.count, spectra[0].count, "d = \(d)")
                for (a, b) in zip(spectra[0], other) {
                    XCTAssertEqual(a.0, b.0, accuracy: 1e-15, "d = \(d)")
                    XCTAssertEqual(a.1, b.1, accuracy: 1e-9, "d = \(d)")
                }
            }
        }
    }

    /// Distinct eigenvalues with their total multiplicity at this d.
    static func merged(_ result: SpectrumResult) -> [(Double, Double)] {
        var merged: [(Double, Double)] = []
        for eigenvalue in result.eigenvalues {
            let value = eigenvalue.value.value.doubleValue
            if let last = merged.last, abs(last.0 - value) < 1e-12 {
                merged[merged.count - 1].1 += eigenvalue.multiplicityValue
            } else {
                merged.append((value, eigenvalue.multiplicityValue))
            }
        }
        return merged
    }
}

/// `spectrum --certify` at the global minimum: the fit is exact, the loss is 0, and every
/// eigenvalue enclosure contains the eigenvalue computed in MPFR at four times the precision.
final class GlobalMinimumCertificateTests: XCTestCase {
    func testEnclosuresContainTheMPFRValuesAtFourTimesThePrecision() throws {
        for (partition, seed) in [("d", ["1", "0"]), ("d-2,2", ["1", "0", "0", "0", "1", "0"])] {
            let request = SpectrumRequest(
                partition: try Partition(parsing: partition), seed: try seed.map(DecimalLiteral.init), d: try DecimalLiteral("7.5"), digits: 20)
            let certificate = try SpectrumJob.certify(request)
            XCTAssertEqual(certificate.exactFit, .teacher, partition)
            XCTAssertTrue(certificate.loss.lower.signum == 0 && certificate.loss.upper.signum == 0, partition)
            XCTAssertEqual(certificate.index, 0, partition)
            var fine = request
            fine.digits = 4 * certificate.precision * 3 / 10
            let values = try SpectrumJob.run(fine)
            XCTAssertGreaterThanOrEqual(values.workingBits, 4 * certificate.precision, partition)
            for part in certificate.parts where !part.isAbsent {
                let mine = values.eigenvalues.filter { $0.part == part.part }.map(\.value.value)
                XCTAssertEqual(mine.count, part.clusters.reduce(0) { $0 + $1.count }, "\(partition) \(part.name)")
                for value in mine {
                    XCTAssertTrue(part.clusters.contains { $0.enclosure.contains(value) }, "\(partition) \(part.name): \(value)")
                }
            }
        }
    }
}

/// `spectrum --seed-d`: the one-flipped point carried from d = 10 far up its family, where
/// the gradient is a difference of terms of size d^2 (issue 12: d = 1e5 failed with a
/// singular Hessian, d = 1e8 with Newton's absolute tolerance).
final class FarSeedSpectrumTests: XCTestCase {
    let seed = ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"]

    func run(_ seed: [String], from seedD: String, to d: String) throws -> SpectrumResult {
        try SpectrumJob.run(SpectrumRequest(
            partition: try Partition(parsing: "d-1,1"), seed: try seed.map(DecimalLiteral.init), d: try DecimalLiteral(d),
            seedD: try DecimalLiteral(seedD), digits: 15))
    }

    /// The MPFR ladder and Double pseudo-arclength continuation (another algorithm) reach the
    /// same point at d = 300.
    func testCarriedSeedIsTheContinuedFamilysPoint() throws {
        let family = Family(name: "one-flipped", partition: try Partition(parsing: "d-1,1"), seed: try seed.map(DecimalLiteral.init), seedD: try DecimalLiteral("10"))
        var settings = FollowSettings(lower: nil, upper: 300, maxSteps: 5000)
        settings.followsDown = false
        let trace = try family.follow(settings)
        let last = try XCTUnwrap(trace.points.max { $0.d < $1.d })
        XCTAssertGreaterThan(last.d, 250)
        let carried = try run(seed, from: "10", to: "\(last.d)")
        for (a, b) in zip(carried.coordinates.map(\.approximate), last.x) {
            XCTAssertEqual(a, b, accuracy: 1e-9)
        }
    }

    /// Carried straight to 1e8, or to 1e5 first and from there (its printed digits as the
    /// seed): one point, one spectrum.
    func testTheCarriedPointDoesNotDependOnThePath() throws {
        let direct = try run(seed, from: "10", to: "1e8")
        let halfway = try run(seed, from: "10", to: "1e5")
        let twoLegs = try run(halfway.coordinates.compactMap(\.decimal), from: "1e5", to: "1e8")
        XCTAssertEqual(direct.index, 0)
        XCTAssertEqual(direct.coordinates.map(\.decimal), twoLegs.coordinates.map(\.decimal))
        XCTAssertEqual(direct.eigenvalues.map(\.value.decimal), twoLegs.eigenvalues.map(\.value.decimal))
    }
}
