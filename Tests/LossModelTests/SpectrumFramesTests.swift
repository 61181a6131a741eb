import LossModel
import MultiPrecision
import XCTest

/// ``SpectrumFrames``: the d-only part of a spectrum (live variables, metric, the Gram-Schmidt
/// basis of each part), built once for many points at one d. With frames every point's spectrum
/// must be the brute force's at integer d and bit for bit the one without frames elsewhere;
/// frames of another d must be ignored, not misused.
final class SpectrumFramesTests: XCTestCase {
    /// Shared frames at integer d against the k d x k d Hessian, for several points.
    func testSharedFramesGiveTheFullEigendecomposition() throws {
        var points = TestPoints(seed: 11)
        for (text, d) in [("d-2,2", 7), ("d-1,1,1r", 6), ("d-2,1,1", 7)] {
            let model = SpectrumModel(try Partition(parsing: text))
            let frames: SpectrumFrames<Double> = model.frames(d: Double(d))
            for _ in 0..<3 {
                let x = points.point(names: model.loss.space.names)
                let spectrum = try model.spectrum(at: x, d: Double(d), frames: frames)
                let reduced = spectrum.eigenvalues.flatMap { Array(repeating: $0.value, count: Int($0.multiplicityValue)) }.sorted()
                let full = try bruteForce(text, d: d, x).network.spectrum()
                    .flatMap { Array(repeating: $0.value, count: $0.multiplicity) }.sorted()
                XCTAssertEqual(reduced.count, full.count, "\(text) d=\(d)")
                for (a, b) in zip(reduced, full) { XCTAssertEqual(a, b, accuracy: 1e-8, "\(text) d=\(d)") }
            }
        }
    }

    /// Bit for bit the spectrum without frames, in Double and MPFR, at fractional d and where a
    /// part is absent or undefined (d = 3.5 for d-1,1).
    func testFramesChangeNoBit() throws {
        var points = TestPoints(seed: 12)
        for (text, d) in [("d-1,1", 3.5), ("d-1,1", 7.25), ("d-2,2", 8.5)] {
            let model = SpectrumModel(try Partition(parsing: text))
            let x = points.point(names: model.loss.space.names)
            try assertSameBits(model, x, d: d)
            let precise = x.map { BigFloat($0, precision: 200) }
            try assertSameBits(model, precise, d: BigFloat(d, precision: 200))
        }
    }

    /// The (n-2,2) and (n-2,1,1) parts share their refined space's span at one d: each part's
    /// eigenvalues asked for alone (its own Gram-Schmidt of the span) are the same bits as in the
    /// whole spectrum (the span built once for both), in Double and MPFR.
    func testPartsSharingASpanGetTheirOwnBits() throws {
        var points = TestPoints(seed: 14)
        for (text, d) in [("d-1,1", 7.25), ("d-2,2", 8.5)] {
            let model = SpectrumModel(try Partition(parsing: text))
            let pair = [IsotypicPartID.evenPair(block: 0), .oddPair(block: 0)].compactMap { model.index(of: $0) }
            XCTAssertEqual(pair.count, 2, text)
            let x = points.point(names: model.loss.space.names)
            let precise = x.map { BigFloat($0, precision: 200) }
            for part in pair {
                let whole = try model.spectrum(at: x, d: d).eigenvalues.filter { $0.part == model.partIDs[part] }.map(\.value)
                let alone = try model.spectrum(at: x, d: d, parts: [part]).eigenvalues.map(\.value)
                XCTAssertFalse(alone.isEmpty, text)
                XCTAssertEqual(whole.map(\.bitPattern), alone.map(\.bitPattern), "\(text): \(model.partNames[part])")
                let d = BigFloat(d, precision: 200)
                let wholePrecise = try model.spectrum(at: precise, d: d).eigenvalues.filter { $0.part == model.partIDs[part] }.map(\.value)
                let alonePrecise = try model.spectrum(at: precise, d: d, parts: [part]).eigenvalues.map(\.value)
                XCTAssertEqual(wholePrecise.count, alonePrecise.count, text)
                XCTAssertTrue(zip(wholePrecise, alonePrecise).allSatisfy { $0.isIdentical(to: $1) }, "\(text): \(model.partNames[part])")
            }
        }
    }

    /// Frames of another d, or of the same d at another precision, are not used.
    func testFramesOfAnotherDAreIgnored() throws {
        let model = SpectrumModel(try Partition(parsing: "d-2,2"))
        var points = TestPoints(seed: 13)
        let x = points.point(names: model.loss.space.names)
        let plain = try model.spectrum(at: x, d: 8.5)
        let wrong = try model.spectrum(at: x, d: 8.5, frames: model.frames(d: 9.0))
        XCTAssertEqual(plain.eigenvalues.map(\.value), wrong.eigenvalues.map(\.value))
        let precise = x.map { BigFloat($0, precision: 200) }
        let d = BigFloat(8.5, precision: 200)
        let other = model.frames(d: BigFloat(8.5, precision: 100))
        let exact = try model.spectrum(at: precise, d: d).eigenvalues.map(\.value)
        let ignored = try model.spectrum(at: precise, d: d, frames: other).eigenvalues.map(\.value)
        XCTAssertEqual(exact.count, ignored.count)
        XCTAssertTrue(zip(exact, ignored).allSatisfy { $0 == $1 && $0.precision == $1.precision })
    }

    private func assertSameBits<S: Scalar>(_ model: SpectrumModel, _ x: [S], d: S, file: StaticString = #filePath, line: UInt = #line) throws {
        let plain = try model.spectrum(at: x, d: d)
        let framed = try model.spectrum(at: x, d: d, frames: model.frames(d: d))
        XCTAssertEqual(plain.eigenvalues.count, framed.eigenvalues.count, file: file, line: line)
        for (a, b) in zip(plain.eigenvalues, framed.eigenvalues) {
            XCTAssertTrue(a.value == b.value && a.value.precision == b.value.precision && a.part == b.part, "\(a.value) vs \(b.value)", file: file, line: line)
        }
        XCTAssertEqual(plain.parts.map(\.state), framed.parts.map(\.state), file: file, line: line)
    }
}
