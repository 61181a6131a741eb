import XCTest

import Spurious

/// The part of `doctor` that finds a wrong digit: the happy path of the real command never
/// reaches it, so it is tested here on strings whose first difference is known.
final class DigitComparisonTests: XCTestCase {
    func testEqualStringsHaveNoDifference() {
        XCTAssertNil(DigitComparison(computed: "3.14159", expected: "3.14159").firstDifference)
    }

    func testFirstDifferenceCountsSignificantDigitsNotThePoint() {
        let difference = DigitComparison(computed: "3.14169", expected: "3.14159").firstDifference
        XCTAssertEqual(difference?.digit, 5)
        XCTAssertEqual(difference?.computedContext, "3.14169")
        XCTAssertEqual(difference?.expectedContext, "3.14159")
        XCTAssertEqual(DigitComparison(computed: "4.1", expected: "3.1").firstDifference?.digit, 1)
    }

    func testContextIsLocal() {
        let expected = "3." + String(repeating: "1", count: 100)
        let computed = "3." + String(repeating: "1", count: 60) + "2" + String(repeating: "1", count: 39)
        let difference = DigitComparison(computed: computed, expected: expected).firstDifference
        XCTAssertEqual(difference?.digit, 62)
        XCTAssertEqual(difference?.computedContext, String(repeating: "1", count: 20) + "2" + String(repeating: "1", count: 9))
    }

    func testShorterStringDiffersAtTheFirstMissingDigit() {
        XCTAssertEqual(DigitComparison(computed: "3.14", expected: "3.141").firstDifference?.digit, 4)
    }

    func testExcerpt() {
        XCTAssertEqual(DigitComparison.excerpt("3.14"), "3.14")
        XCTAssertEqual(DigitComparison.excerpt(String(repeating: "1", count: 60), length: 5), "11111...")
    }
}
