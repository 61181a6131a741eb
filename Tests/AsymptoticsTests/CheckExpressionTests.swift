import Asymptotics
import MultiPrecision
import XCTest

/// The expression syntax of `--check` and of closed forms.
final class CheckExpressionTests: XCTestCase {
    let bits = 200

    func value(_ text: String, d: Double? = nil) throws -> BigFloat {
        try CheckExpression(parsing: text).evaluate(d: d.map { BigFloat($0, precision: bits) }, precision: bits)
    }

    func assertClose(_ a: BigFloat, _ b: BigFloat, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertLessThan((a - b).magnitude, try BigFloat(parsing: "1e-55", precision: 64), message, file: file, line: line)
    }

    func testValues() throws {
        let pi = BigFloat.pi(precision: bits)
        let d = BigFloat(10, precision: bits)
        try assertClose(try value("(1/2 - 2/pi^2)/d", d: 10), (BigFloat(1, precision: bits) / 2 - 2 / (pi * pi)) / d, "loss")
        try assertClose(try value("-2^2"), BigFloat(-4, precision: bits), "minus binds looser than ^")
        try assertClose(try value("2^3^2"), BigFloat(512, precision: bits), "^ is right associative")
        try assertClose(try value("2**3 * 2"), BigFloat(16, precision: bits), "** is ^")
        try assertClose(try value("2^-1"), BigFloat(1, precision: bits) / 2, "negative exponent")
        try assertClose(try value("1e-3*d + .5", d: 10), try BigFloat(parsing: "0.51", precision: bits), "numbers")
        try assertClose(try value("sqrt(2)/pi^(3/2)"), try BigFloat.sqrt(BigFloat(2, precision: bits)) / (pi * (try BigFloat.sqrt(pi))), "powers")
        try assertClose(try value("exp(log(3)) + sin(0) + cos(0) + 4*atan(1) - π"), BigFloat(4, precision: bits), "functions")
        try assertClose(try value("d^(-3/2)", d: 4), BigFloat(1, precision: bits) / 8, "d")
    }

    func testPrintingKeepsTheValue() throws {
        for text in ["(1/2 - 2/pi^2)/d", "-32/(3*pi^4)/d^(3/2)", "1 - (2 - d)", "2^(1/2)^2", "(-2)^2", "-(1 + d)*3", "d/(2*pi)/(3/d)"] {
            let parsed = try CheckExpression(parsing: text)
            let printed = parsed.description
            try assertClose(try value(printed, d: 7), try value(text, d: 7), "\(text) printed as \(printed)")
        }
        XCTAssertEqual(try CheckExpression(parsing: " ( 1/2  - 2 / pi ^ 2 ) / d ").description, "(1/2 - 2/pi^2)/d")
    }

    func testUsesD() throws {
        XCTAssertTrue(try CheckExpression(parsing: "1/sqrt(d)").usesD)
        XCTAssertFalse(try CheckExpression(parsing: "1/sqrt(pi)").usesD)
    }

    func testSyntaxErrorsNameTheCharacter() throws {
        let cases: [(String, Int, String)] = [
            ("2d", 1, "operator"),
            ("sqrt 2", 5, "'(' expected"),
            ("foo(1)", 0, "unknown name 'foo'"),
            ("", 0, "empty"),
            ("(1 + 2", 6, "')' expected"),
            ("1 + ", 4, "ends"),
            ("3 $ 4", 2, "unexpected '$'"),
        ]
        for (text, position, fragment) in cases {
            XCTAssertThrowsError(try CheckExpression(parsing: text), text) { error in
                guard case let AsymptoticsError.syntax(_, at, problem) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(at, position, "\(text): \(problem)")
                XCTAssertTrue("\(error)".contains(fragment), "\(text): \(error)")
            }
        }
    }

    func testValuesOutsideTheReals() throws {
        for text in ["1/0", "log(-1)", "sqrt(-2)", "(-8)^(1/3)"] {
            XCTAssertThrowsError(try value(text), text) { error in
                guard case AsymptoticsError.evaluation = error else { return XCTFail("\(text): \(error)") }
            }
        }
        XCTAssertThrowsError(try value("d + 1")) { XCTAssertTrue("\($0)".contains("d has no value"), "\($0)") }
    }
}
