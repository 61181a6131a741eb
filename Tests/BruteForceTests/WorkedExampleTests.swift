import BruteForce
import LinearAlgebra
import MultiPrecision
import XCTest

/// docs/design.md section 3: the one-flipped critical point at d = 10, partition (9, 1).
final class WorkedExampleTests: XCTestCase {
    static let values = [
        1.0043548232623239, -0.015811925805753115, 0.18236775578871976,
        0.12604236084341795, -0.69903681749379454,
    ]

    /// (value, multiplicity), ascending, as printed there to 10 digits.
    static let spectrum: [(Double, Int)] = [
        (0.0319640276, 8), (0.0628535926, 28), (0.0790933061, 1), (0.0851862571, 8),
        (0.2161655617, 1), (0.2392150843, 8), (0.3637405953, 8), (0.3801751454, 27),
        (1.4540878174, 1), (2.6579457544, 1), (2.6995430778, 8), (3.0963561786, 1),
    ]

    func network() throws -> FullSpaceNetwork {
        try FullSpaceNetwork(weights: FixedSpaceLayout.parse("d-1,1", d: 10).weights(Self.values))
    }

    func testLossAndGradient() throws {
        let network = try network()
        XCTAssertEqual(network.loss, 0.018702194585606973, accuracy: 1e-12)
        XCTAssertLessThan(maxAbs(network.gradient.elements), 1e-9)
        let layout = try FixedSpaceLayout.parse("d-1,1", d: 10)
        XCTAssertLessThan(maxAbs(layout.reducedGradient(Self.values)), 1e-9)
    }

    func testSpectrum() throws {
        let spectrum = try network().spectrum()
        XCTAssertEqual(spectrum.map(\.multiplicity), Self.spectrum.map(\.1))
        XCTAssertEqual(spectrum.reduce(0) { $0 + $1.multiplicity }, 100)
        for (computed, listed) in zip(spectrum, Self.spectrum) {
            XCTAssertEqual(computed.value, listed.0, accuracy: 6e-11)
        }
    }

    /// The trivial part is the pencil (E^T H E, M): M^(-1/2) E^T H E M^(-1/2) has exactly the
    /// five eigenvalues listed with multiplicity 1.
    func testTrivialPartFromReducedHessianPencil() throws {
        let layout = try FixedSpaceLayout.parse("d-1,1", d: 10)
        var reduced = try layout.reducedHessian(Self.values)
        let scale = layout.counts.map { 1 / $0.squareRoot() }
        for a in 0..<reduced.rows {
            for b in 0..<reduced.columns { reduced[a, b] *= scale[a] * scale[b] }
        }
        let eigenvalues = try SymmetricEigendecomposition<Double>.eigenvalues(ofSymmetric: reduced).sorted()
        let trivial = Self.spectrum.filter { $0.1 == 1 }.map(\.0)
        XCTAssertEqual(eigenvalues.count, trivial.count)
        for (computed, listed) in zip(eigenvalues, trivial) {
            XCTAssertEqual(computed, listed, accuracy: 6e-11)
        }
    }
}
