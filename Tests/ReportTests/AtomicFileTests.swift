import Foundation
import XCTest
@testable import Report

final class AtomicFileTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "atomic-file-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: directory)
    }

    private func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func testWritesAndReplaces() throws {
        let path = directory + "/diagram.csv"
        try AtomicFile.write("first\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "first\n")
        try AtomicFile.write("second, longer ∂ content\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second, longer ∂ content\n")
        try AtomicFile.write("", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "")
        XCTAssertEqual(try contents(), ["diagram.csv"], "no temporary file left behind")
    }

    func testKeepsThePermissionsOfAReplacedFile() throws {
        let path = directory + "/kept.txt"
        try AtomicFile.write("a", to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write("b", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testMissingDirectoryIsNamed() throws {
        let path = "/nonexistent-dir/x.csv"
        XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(path), message)
            XCTAssertTrue(message.contains("does not exist"), message)
        }
    }

    func testDirectoryAsPathFailsAndLeavesNoTemporaryFile() throws {
        let path = directory + "/sub"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(path), message)
            XCTAssertTrue(message.contains("is a directory"), message)
        }
        XCTAssertEqual(try contents(), ["sub"], "the temporary file is removed after the failed rename")
        XCTAssertThrowsError(try AtomicFile.write("x", to: path + "/")) { error in
            XCTAssertTrue("\(error)".contains(path + "/"))
        }
        XCTAssertEqual(try contents(), ["sub"])
    }

    func testFileInPlaceOfADirectoryIsNamed() throws {
        let file = directory + "/plain"
        try AtomicFile.write("x", to: file)
        XCTAssertThrowsError(try AtomicFile.write("y", to: file + "/inner.csv")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(file + "/inner.csv"), message)
            XCTAssertTrue(message.contains("not a directory"), message)
        }
        XCTAssertThrowsError(try AtomicFile.write("y", to: "")) { error in
            XCTAssertTrue("\(error)".contains("empty"))
        }
    }

    func testRelativePathWritesInTheWorkingDirectory() {
        XCTAssertEqual(AtomicFile.split("x.csv").directory, ".")
        XCTAssertEqual(AtomicFile.split("/x.csv").directory, "/")
        XCTAssertEqual(AtomicFile.split("a/b/x.csv").directory, "a/b")
        XCTAssertEqual(AtomicFile.split("a/b/x.csv").name, "x.csv")
    }
}
