import MultiPrecision
import XCTest

/// Every way a real-number operation can fail must throw a ``ScalarError`` that says what went
/// wrong, never hand back a NaN.
final class ErrorTests: XCTestCase {
    private let malformed = ["", " ", "abc", "1.2.3", "nan", "NaN", "inf", "-inf", "1e", "1e+", "--1", "+-1", "0x10", ".", "e5", "1 2", "1,5"]

    func testMalformedTextThrowsNamingTheText() {
        for text in malformed {
            XCTAssertThrowsError(try BigFloat(parsing: text, precision: 64), "'\(text)'") { error in
                XCTAssertEqual(error as? ScalarError, .malformedNumber(text))
                XCTAssertTrue(String(describing: error).contains("'\(text)'"), String(describing: error))
            }
            XCTAssertThrowsError(try Double(parsing: text, precision: 53), "Double '\(text)'") { error in
                XCTAssertEqual(error as? ScalarError, .malformedNumber(text))
            }
        }
    }

    /// Text that is a number but not a finite one at any precision.
    func testOverflowingTextThrows() {
        XCTAssertThrowsError(try Double(parsing: "1e400", precision: 53)) { error in
            XCTAssertEqual(error as? ScalarError, .malformedNumber("1e400"))
        }
        XCTAssertThrowsError(try BigFloat(parsing: "1e99999999999999999999", precision: 64)) { error in
            XCTAssertEqual(error as? ScalarError, .malformedNumber("1e99999999999999999999"))
        }
    }

    private func assertDomainError<T>(
        _ expression: @autoclosure () throws -> T, function: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try expression(), "\(function) should throw", file: file, line: line) { error in
            guard case let .domain(name, argument)? = error as? ScalarError else {
                return XCTFail("\(error) is not a domain error", file: file, line: line)
            }
            XCTAssertEqual(name, function, file: file, line: line)
            XCTAssertFalse(argument.isEmpty, file: file, line: line)
            XCTAssertTrue(String(describing: error).hasPrefix("\(function)("), String(describing: error), file: file, line: line)
        }
    }

    func testBigFloatDomainErrors() {
        let p = 256
        assertDomainError(try BigFloat.acos(BigFloat(2, precision: p)), function: "acos")
        assertDomainError(try BigFloat.asin(number("-1.5", p)), function: "asin")
        assertDomainError(try BigFloat.sqrt(BigFloat(-1, precision: p)), function: "sqrt")
        assertDomainError(try BigFloat.log(BigFloat(0, precision: p)), function: "log")
        assertDomainError(try BigFloat.log(BigFloat(-1, precision: p)), function: "log")
        assertDomainError(try BigFloat.pow(BigFloat(-2, precision: p), number("0.5", p)), function: "pow")
        assertDomainError(try BigFloat.pow(BigFloat(0, precision: p), BigFloat(-1, precision: p)), function: "pow")
        assertDomainError(try BigFloat(0, precision: p).dividing(by: BigFloat(0, precision: p)), function: "divide")
        assertDomainError(try BigFloat(1, precision: p).dividing(by: BigFloat(0, precision: p)), function: "divide")
    }

    func testDoubleDomainErrors() {
        assertDomainError(try Double.acos(2), function: "acos")
        assertDomainError(try Double.asin(-1.5), function: "asin")
        assertDomainError(try Double.sqrt(-1), function: "sqrt")
        assertDomainError(try Double.log(0), function: "log")
        assertDomainError(try Double.log(-1), function: "log")
        assertDomainError(try Double.pow(-2, 0.5), function: "pow")
    }

    /// The edges of the domains are inside them.
    func testDomainEdgesDoNotThrow() throws {
        let p = 256
        XCTAssertEqual(try BigFloat.acos(BigFloat(1, precision: p)), BigFloat(0, precision: p))
        XCTAssertEqual(try BigFloat.asin(BigFloat(-1, precision: p)), -(BigFloat.pi(precision: p) / BigFloat(2, precision: p)))
        XCTAssertEqual(try BigFloat.sqrt(BigFloat(0, precision: p)), BigFloat(0, precision: p))
        XCTAssertEqual(try BigFloat.log(BigFloat(1, precision: p)), BigFloat(0, precision: p))
        XCTAssertEqual(try BigFloat.pow(BigFloat(-2, precision: p), BigFloat(3, precision: p)), BigFloat(-8, precision: p))
        XCTAssertEqual(
            try BigFloat(1, precision: p).dividing(by: BigFloat(4, precision: p)), number("0.25", p))
    }

    func testPrecisionValidation() {
        for bits in [Int.min, -1, 0, 1, BigFloat.maximumPrecision + 1, Int.max] {
            XCTAssertThrowsError(try BigFloat.validate(precision: bits), "\(bits) bits") { error in
                XCTAssertEqual(error as? ScalarError, .invalidPrecision(bits))
                XCTAssertTrue(String(describing: error).contains("\(bits)"))
            }
        }
        for bits in [BigFloat.minimumPrecision, 2, 53, 1000, BigFloat.maximumPrecision] {
            XCTAssertNoThrow(try BigFloat.validate(precision: bits), "\(bits) bits")
        }
    }

    func testRequireFinite() {
        let p = 64
        let nan = BigFloat(0, precision: p) / BigFloat(0, precision: p)
        XCTAssertThrowsError(try BigFloat.requireFinite(nan, "the loss")) { error in
            XCTAssertEqual(error as? ScalarError, .notFinite("the loss"))
        }
        XCTAssertThrowsError(try Double.requireFinite(.infinity, "the step"))
        XCTAssertEqual(try BigFloat.requireFinite(BigFloat(3, precision: p), "three"), BigFloat(3, precision: p))
    }
}
