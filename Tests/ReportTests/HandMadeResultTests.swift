import Asymptotics
import Certification
import Families
import LossModel
import MultiPrecision
import Spurious
import XCTest
@testable import Report

/// The other reports on results built by hand: every expected line is read off the inputs
/// below, so that a change in the writers shows here and not only in a whole run.
final class HandMadeResultTests: XCTestCase {
    func number(_ text: String, _ bits: Int = 128) throws -> BigFloat { try BigFloat(parsing: text, precision: bits) }

    /// Two values that agree on exactly `digits` digits.
    func proved(_ text: String, digits: Int) throws -> ProvedValue {
        let value = try number(text, 256)
        return ProvedValue(value, check: value * (1 + BigFloat.powerOfTen(-digits - 3, precision: 256)), upTo: digits)
    }

    func testSpectrumTableListsEigenvaluesByValueWithTheirParts() throws {
        let partition = try Partition(parsing: "d-1,1")
        let trivial = SpectrumResult.Eigenvalue(
            value: try proved("0.0790933061", digits: 6), part: .trivial, irrep: "trivial", multiplicity: CountPolynomial(1),
            multiplicityValue: 1)
        let standard = SpectrumResult.Eigenvalue(
            value: try proved("-0.0319640276", digits: 6), part: .standard(block: 0), irrep: "standard of S_{d-1}",
            multiplicity: .product(.d - 2), multiplicityValue: 8)
        let undetermined = SpectrumResult.Eigenvalue(
            value: ProvedValue(try number("1e-30"), check: try number("-1e-30"), upTo: 6), part: .oddPair(block: 0),
            irrep: "(d-3,1,1) of S_{d-1}", multiplicity: CountPolynomial(1, over: 2, factors: [.d - 2, .d - 3]), multiplicityValue: 28)
        let result = SpectrumResult(
            partition: partition, d: try DecimalLiteral("10"), k: 10, digits: 6, loss: try proved("0.0187021946", digits: 6),
            names: ["D0", "O0", "C0_1", "C1_0", "D1"], coordinates: try ["1.00435", "-0.0158", "0.182", "0.126", "-0.699"].map { try proved($0, digits: 3) },
            gradientNorm: try number("3.7e-58"), singular: nil, eigenvalues: [standard, trivial, undetermined], parts: [],
            workingBits: 52, checkBits: 104)
        let table = SpectrumReport(result).table()
        XCTAssertTrue(table.hasPrefix("partition d-1,1   k = d = 10   d = 10\ndigits: 6 asked; printed digits agree at 52 and 104 bits\n"), table)
        XCTAssertTrue(table.contains("loss           0.0187022\n"), table)
        XCTAssertTrue(table.contains("index          undetermined\n"), "one sign is not proved: \(table)")
        XCTAssertTrue(table.contains("D0          1.00\n"), table)
        XCTAssertTrue(table.contains("-0.0319640    standard of S_{d-1}   d-2 = 8\n"), table)
        XCTAssertTrue(table.contains("undetermined  (d-3,1,1) of S_{d-1}  (d-2)(d-3)/2 = 28\n"), table)
        let json = SpectrumReport(result).json().rendered()
        XCTAssertTrue(json.contains("\"index\": null"), json)
        XCTAssertTrue(json.contains("\"value\": null"), json)
    }

    func testCertificateSectionStatesWhatIsProved() throws {
        let fixture = try Fixture.load()
        let event = try XCTUnwrap(fixture.located.first)
        let d = Interval(lower: try number("5.58550524742588000694", 200), upper: try number("5.58550524742588000696", 200))
        let box = try ["0.979", "-0.0600", "0.333", "0.247", "-0.586"].map { Interval(try number($0, 200)) }
        let certificate = TransitionCertificate(
            family: event.family, partition: event.partition, part: event.part, irrep: event.irrep,
            dLower: "5.58550524742588000694", dUpper: "5.58550524742588000696", interval: d, provedD: "5.5855052474258800069",
            names: event.names, uniquenessBox: box, curve: box,
            crossingAtLower: Interval(lower: try number("-6.1e-22"), upper: try number("-6.0e-22")),
            crossingAtUpper: Interval(lower: try number("5.9e-22"), upper: try number("6.0e-22")),
            indexAtLower: 3.58550524742588, indexAtUpper: 0, precision: 204, failedAttempts: [])
        let run = FamilyRun(trace: fixture.trace, events: [FamilyRun.Event(located: event, certification: .certified(certificate))])
        let table = TransitionsReport(events: run.events).table()
        XCTAssertTrue(table.contains("#1 d-1,1 one-flipped, transition: certified at 204 bits\n"), table)
        XCTAssertTrue(table.contains("  d_lo  5.58550524742588000694\n"), table)
        XCTAssertTrue(table.contains("  proves d = 5.5855052474258800069: all 20 printed digits\n"), table)
        XCTAssertTrue(table.contains("is negative at d_lo (in [-6.11e-22, -5.99e-22]) and positive at d_hi"), table)
        XCTAssertTrue(table.contains("the index goes from 3.58551 at d_lo to 0 at d_hi"), table)
        let fold = FamilyRun.Event(located: event, certification: .fold)
        XCTAssertTrue(TransitionsReport(events: [fold]).table().contains("not certified: folds are not certified, only transitions"))
        let json = TransitionsReport(events: run.events).json().rendered()
        for key in ["certified", "d_lo", "d_hi", "method", "statement", "proved_d", "certification_bits", "curve", "certification_failure"] {
            XCTAssertTrue(json.contains("\"\(key)\""), key)
        }
    }

    func testCriticalTableMarksUnprovedPoints() throws {
        let partition = try Partition(parsing: "d")
        let found = FoundCriticalPoint(
            x: [-0.8003040344628, 0.1984765224903], loss: 0.0766366620210780, label: .spuriousMinimum, index: 0,
            minEigenvalue: 0.0174883385974122, isotropy: partition)
        let global = FoundCriticalPoint(x: [1, 0], loss: 0, label: .globalMinimum, index: nil, minEigenvalue: nil, isotropy: partition)
        let counts = CriticalPointSearchResult.Counts(tried: 10, converged: 7, singular: 2, diverged: 1)
        let search = CriticalPointSearchResult(partition: partition, d: 10, counts: counts, points: [global, found])
        let exact = PolishedCriticalPoint(
            point: global, proof: .init(
                loss: ProvedValue(exact: BigFloat(0), decimal: "0"),
                coordinates: [ProvedValue(exact: BigFloat(1), decimal: "1"), ProvedValue(exact: BigFloat(0), decimal: "0")],
                minEigenvalue: nil),
            workingBits: 82, checkBits: 164)
        let unproved = PolishedCriticalPoint(point: found, proof: nil, workingBits: 82, checkBits: 164)
        let result = CriticalResult(
            search: search, points: [exact, unproved], names: ["D0", "O0"],
            request: CriticalRequest(partition: partition, d: try DecimalLiteral("10"), digits: 15))
        let table = CriticalReport(result).table()
        XCTAssertTrue(table.contains("starts: 10 tried, 7 converged, 2 singular, 1 diverged; 2 distinct points"), table)
        XCTAssertTrue(table.contains("1  global minimum                 0                -  -               d\n"), table)
        XCTAssertTrue(table.contains("2  spurious minimum (not proved)  0.076636662      0  0.017488339     d\n"), table)
        XCTAssertTrue(table.contains("2  -0.80030403  0.19847652"), table)
    }

    func testSeriesTableShowsZeroCoefficientsWithTheirBound() throws {
        let basis = try ClosedFormBasis.standard()
        let settings = SeriesSettings(terms: 2, digits: 5, topExponent: 8, basis: basis)
        let rungs = try [("10", 1), ("1e8", 8)].map { text, m in
            LadderRung(exactD: try DecimalLiteral(text), d: try number(text), x: [], exponent: m, tangent: [])
        }
        let ladder = Ladder(rungs: rungs, precision: 128)
        let proved = ProvedLadder(low: ladder, high: ladder, lowValues: [try number("0.1"), try number("1e-8")],
                                  highValues: [try number("0.1"), try number("1e-8")], agreement: [.infinity, .infinity])
        let terms = [
            SeriesTerm(halfPower: 2, estimate: try number("1"), coefficient: try self.proved("1", digits: 5), isZero: false, bound: BigFloat(0), closedForm: nil),
            SeriesTerm(halfPower: 3, estimate: try number("1e-9"), coefficient: nil, isZero: true, bound: try number("2e-9"), closedForm: nil),
        ]
        let expansion = SeriesExpansion(
            quantity: "loss", terms: terms, localExponent: -1, nodes: rungs.reversed().map(\.exactD), ladder: proved, settings: settings)
        let family = try XCTUnwrap(try Family.builtIn().first)
        let report = SeriesReport(.expansion(expansion), request: SeriesRequest(family: family, quantity: .loss, settings: settings))
        let table = report.table()
        XCTAssertTrue(table.contains("ladder    2 rungs up to d = 1e8; proved at 128 and 128 bits\n"), table)
        XCTAssertTrue(table.contains("fit       Richardson in d^(-1/2) on 2 nodes, d = 10 ... 1e8\n"), table)
        XCTAssertTrue(table.contains("   -1  1.0000"), table)
        XCTAssertTrue(table.contains(" -3/2  0 (|c| < 2.0e-9)"), table)
        XCTAssertTrue(report.json().rendered().contains("\"coefficient\": \"0\""))
    }

    /// The spectrum's summary from hand-made expansions: counts add up by power, the bounded
    /// eigenvalues are grouped by limit, and the JSON carries part, multiplicity, terms,
    /// global and difference per eigenvalue.
    func testSpectrumSeriesSummaryAndJSON() throws {
        let basis = try ClosedFormBasis.standard()
        let settings = SeriesSettings(terms: 1, digits: 5, topExponent: 8, basis: basis)
        let rungs = [LadderRung(exactD: try DecimalLiteral("1e8"), d: try number("1e8"), x: [], exponent: 8, tangent: [])]
        let ladder = Ladder(rungs: rungs, precision: 128)
        let proved = ProvedLadder(low: ladder, high: ladder, lowValues: [BigFloat(1)], highValues: [BigFloat(1)], agreement: [.infinity])
        func expansion(_ halfPower: Int, _ value: String, closedForm: String?) throws -> SeriesOutcome {
            let form = try closedForm.map { ClosedForm(expression: try CheckExpression(parsing: $0), residual: BigFloat(0), relation: [], neededDigits: 0) }
            let term = SeriesTerm(halfPower: halfPower, estimate: try number(value), coefficient: try self.proved(value, digits: 5), isZero: false, bound: BigFloat(0), closedForm: form)
            return .expanded(SeriesExpansion(quantity: "q", terms: [term], localExponent: 0, nodes: [], ladder: proved, settings: settings))
        }
        let d1 = AffineSize(slope: 1, offset: -1)
        let eigenvalues = [
            EigenvalueSeries(
                label: EigenvalueLabel(part: .trivial, irrep: "trivial", rank: 1, multiplicity: CountPolynomial(1)),
                family: try expansion(0, "0.25000", closedForm: "1/4"), globalMinimum: try expansion(0, "0.25000", closedForm: "1/4"),
                difference: try expansion(1, "-0.40528", closedForm: nil)),
            EigenvalueSeries(
                label: EigenvalueLabel(part: .standard(block: 0), irrep: "standard of S_{d-1}", rank: 1, multiplicity: .product(d1)),
                family: try expansion(0, "0.25000", closedForm: "1/4"), globalMinimum: try expansion(0, "0.25000", closedForm: "1/4"),
                difference: .failed("difference is zero")),
            EigenvalueSeries(
                label: EigenvalueLabel(part: .standard(block: 0), irrep: "standard of S_{d-1}", rank: 2, multiplicity: .product(d1)),
                family: try expansion(-2, "0.25000", closedForm: "1/4"), globalMinimum: nil, difference: nil),
        ]
        let spectrum = SpectrumExpansion(eigenvalues: eigenvalues, rungs: rungs.map(\.exactD), precisions: (128, 256), settings: settings)
        let family = try XCTUnwrap(try Family.builtIn().first)
        let report = SeriesReport(.spectrum(spectrum), request: SeriesRequest(family: family, quantity: .spectrum, settings: settings))
        let table = report.table()
        XCTAssertTrue(table.contains("  like d^(1)      d - 1\n"), table)
        XCTAssertTrue(table.contains("  like d^(0)      d\n"), table)
        XCTAssertTrue(table.contains("    tending to 1/4                              d\n"), table)
        XCTAssertTrue(table.contains("  like d^(-1/2)   1\n"), table)
        XCTAssertTrue(table.contains("  not expanded    d - 1\n"), table)
        let json = report.json().rendered()
        for field in ["\"part\": \"trivial\"", "\"multiplicity\": \"d-1\"", "\"terms\"", "\"global\"", "\"value\": \"0.25000\"", "\"difference\"", "\"coefficient\": \"-0.40528\"", "\"error\": \"difference is zero\""] {
            XCTAssertTrue(json.contains(field), field)
        }
    }
}
