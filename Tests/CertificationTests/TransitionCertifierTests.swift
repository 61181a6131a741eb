import Certification
import Families
import LossModel
import MultiPrecision
import XCTest

/// Certified transitions: the interval must hold the transition located without certification
/// (at more digits), prove the digits it claims, and never claim anything where a step fails.
final class TransitionCertifierTests: XCTestCase {
    func oneFlipped() throws -> (FamilyTrace, FamilyEvent) {
        let trace = try TestFamilies.builtIn("d-1,1 one-flipped").follow(FollowSettings(lower: 5, upper: nil))
        return (trace, try XCTUnwrap(TestFamilies.transitions(trace).first))
    }

    /// d of the continuation issue, 5.58550524742588000694117627762..., located again without
    /// certification to `digits` digits.
    func uncertified(_ trace: FamilyTrace, _ event: FamilyEvent, digits: Int) throws -> BigFloat {
        let located = try trace.locate(event, digits: digits)
        XCTAssertTrue(located.verified)
        return try XCTUnwrap(located.d.rounded(precision: 4 * digits + 64))
    }

    func testOneFlippedTransitionToThirtyDigits() throws {
        let (trace, event) = try oneFlipped()
        let certificate = try TransitionCertifier.certify(try trace.locate(event, digits: 30), of: trace, digits: 30)
        XCTAssertTrue(certificate.failedAttempts.isEmpty, "\(certificate.failedAttempts)")
        XCTAssertEqual(certificate.provedD, "5.58550524742588000694117627762")
        XCTAssertTrue(certificate.interval.contains(try uncertified(trace, event, digits: 60)))
        XCTAssertLessThanOrEqual(certificate.interval.width, try BigFloat(parsing: "1.01e-30", precision: 200))
        XCTAssertEqual(certificate.irrep, "standard of S_{d-1}")
        XCTAssertEqual(certificate.crossingAtLower?.sign, -1)
        XCTAssertEqual(certificate.crossingAtUpper?.sign, 1)
        // Index d - 2 below (the standard part has multiplicity d - 2), 0 above: saddle -> minimum.
        XCTAssertEqual(certificate.indexAtLower, 5.5855052474258800 - 2, accuracy: 1e-12)
        XCTAssertEqual(certificate.indexAtUpper, 0)
        // The curve over the interval lies in its uniqueness box and holds the located point.
        for (curve, box) in zip(certificate.curve, certificate.uniquenessBox) { XCTAssertTrue(box.containsInInterior(curve)) }
    }

    func testOneFlippedTransitionToAHundredDigits() throws {
        let (trace, event) = try oneFlipped()
        let certificate = try TransitionCertifier.certify(try trace.locate(event, digits: 100), of: trace, digits: 100)
        let proved = try XCTUnwrap(certificate.provedD)
        XCTAssertTrue(proved.hasPrefix("5.58550524742588000694117627762339183468033439076962448533983827145142874746434452085707444461949516"))
        XCTAssertGreaterThanOrEqual(proved.count, 100)
        XCTAssertTrue(certificate.interval.contains(try uncertified(trace, event, digits: 110)))
        XCTAssertLessThanOrEqual(certificate.interval.width, try BigFloat(parsing: "1.01e-100", precision: 500))
    }

    func testEveryTransitionOfTheTwoFlippedFamily() throws {
        let trace = try TestFamilies.builtIn("d-2,2 two-flipped").follow(FollowSettings(lower: nil, upper: 8))
        let events = TestFamilies.transitions(trace)
        XCTAssertEqual(events.count, 3)
        for event in events {
            let certificate = try TransitionCertifier.certify(try trace.locate(event, digits: 30), of: trace, digits: 30)
            let reference = try uncertified(trace, event, digits: 40)
            XCTAssertTrue(certificate.interval.contains(reference), "\(certificate.irrep): \(reference) in [\(certificate.dLower), \(certificate.dUpper)]")
            XCTAssertEqual(certificate.provedD?.count ?? 0, 31, "\(certificate.irrep): 30 digits and the point")
            XCTAssertNotEqual(certificate.crossingAtLower?.sign, certificate.crossingAtUpper?.sign)
        }
    }

    /// The (d-1)-flipped family's transition has two eigenvalues 0.0022 apart in one pencil (the
    /// trivial 1.83689 and the standard 1.83466). Asked for 3 digits, the first interval is too
    /// wide to tell many eigenvalues apart: the certifier must either certify correctly or say
    /// which step failed, and it retries on narrower intervals at higher precisions. At 30
    /// digits it certifies on the first attempt.
    func testCloseEigenvaluesAreCertifiedOrHonestlyRefused() throws {
        let trace = try TestFamilies.dMinusOneFlipped().follow(FollowSettings(lower: 6.5, upper: nil))
        let event = try XCTUnwrap(TestFamilies.transitions(trace).first)
        let reference = try uncertified(trace, event, digits: 40)
        do {
            let coarse = try TransitionCertifier.certify(try trace.locate(event, digits: 3), of: trace, digits: 3)
            XCTAssertTrue(coarse.interval.contains(reference))
            XCTAssertFalse(coarse.failedAttempts.isEmpty, "the first, wide interval is expected to fail")
            for failure in coarse.failedAttempts {
                XCTAssertFalse(failure.reason.isEmpty)
                XCTAssertTrue(failure.description.contains(failure.step.rawValue))
            }
            let steps = Set(coarse.failedAttempts.map(\.step))
            XCTAssertFalse(steps.isDisjoint(with: [.krawczyk, .attribution, .signs, .enclosure]), "\(coarse.failedAttempts)")
        } catch let error as CertificationGaveUp {
            XCTAssertEqual(error.attempts.count, 3)
        }
        let fine = try TransitionCertifier.certify(try trace.locate(event, digits: 30), of: trace, digits: 30)
        XCTAssertTrue(fine.failedAttempts.isEmpty)
        XCTAssertTrue(fine.interval.contains(reference))
        XCTAssertEqual(fine.irrep, "(d-3,1,1) of S_{d-1}")
    }
}
