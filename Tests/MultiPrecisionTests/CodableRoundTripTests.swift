import Foundation
import MultiPrecision
import XCTest

/// Values written to a partial atlas file and read back (docs/design.md section 10) are the same
/// numbers, bit for bit, at the same precision: checked against MPFR's own comparison, on
/// values built independently of the encoder (quotients, roots, tiny and huge exponents).
final class CodableRoundTripTests: XCTestCase {
    func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
    }

    func testBigFloatsComeBackBitForBit() throws {
        for precision in [2, 53, 64, 296, 1000, 3403] {
            let three = BigFloat(3, precision: precision)
            let values = [
                BigFloat(1, precision: precision) / three, -(try BigFloat.sqrt(BigFloat(2, precision: precision))),
                BigFloat(0, precision: precision), BigFloat.powerOfTen(-300, precision: precision) / three,
                BigFloat.powerOfTen(250, precision: precision) * three, BigFloat(-5.5, precision: precision),
            ]
            for value in values {
                let back = try roundTrip(value)
                XCTAssertEqual(back.precision, value.precision)
                XCTAssertTrue(back == value, "\(value) at \(precision) bits came back as \(back)")
                XCTAssertEqual(back.formatted(significantDigits: 40), value.formatted(significantDigits: 40))
            }
        }
    }

    func testProvedValuesKeepEvidenceAndDigits() throws {
        let working = BigFloat(1, precision: 100) / BigFloat(7, precision: 100)
        let check = BigFloat(1, precision: 200) / BigFloat(7, precision: 200)
        let value = ProvedValue(working, check: check, upTo: 25)
        let back = try roundTrip(value)
        XCTAssertEqual(back.decimal, "0.1428571428571428571428571")
        XCTAssertEqual(back.droppingLastDigit().decimal, value.droppingLastDigit().decimal)
        XCTAssertTrue(back.value == check)
    }

    func testAMalformedNumberIsADecodingError() {
        for text in ["\"53:zz\"", "\"0:0.8@1\"", "\"0.8@1\"", "12"] {
            XCTAssertThrowsError(try JSONDecoder().decode(BigFloat.self, from: Data(text.utf8)), text)
        }
    }
}
