import Families
import LossModel
import MultiPrecision
import XCTest

/// Shared inputs: families and their transitions. Nothing here computes an expected value.
enum TestFamilies {
    static func builtIn(_ name: String) throws -> Family {
        try XCTUnwrap(try Family.builtIn().first { $0.name == name })
    }

    /// The catalog's (d-1)-flipped family of d-1,1 (its seed at d = 7 is the catalog's minimum
    /// corrected there). At its transition near d = 6.7448 two eigenvalues of the trivial and
    /// standard parts lie 0.0022 apart, in the same pencil.
    static func dMinusOneFlipped() throws -> Family {
        Family(
            name: "d-1,1 (d-1)-flipped", partition: try Partition(parsing: "d-1,1"),
            seed: try ["-0.65796489", "0.32622953", "-0.012028121", "0.018183151", "1.0694246"].map(DecimalLiteral.init),
            seedD: try DecimalLiteral("7"))
    }

    /// The transitions (sign changes of an eigenvalue, not folds) of a followed family.
    static func transitions(_ trace: FamilyTrace) -> [FamilyEvent] {
        trace.events.filter { if case .testFunction = $0.event.kind { true } else { false } }
    }
}
