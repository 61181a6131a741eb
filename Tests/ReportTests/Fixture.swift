import Continuation
import Families
import LossModel
import MultiPrecision
import Report
import Spurious

/// A followed family built by hand, with no continuation run: thirteen points of the
/// one-flipped family between d = 5.4 and 10 and its transition, copied from
/// data/diagrams/d-1-1-one-flipped.csv (every eighth point, and the transition to 20 of its 50
/// digits), plus a touch on the (d-3,1,1) part made up for the writers to mark. The writers
/// only format what they are given, so these are their inputs and every expected text below
/// can be read off this file.
enum Fixture {
    struct Data: Sendable {
        let run: FamilyRun
        var trace: FamilyTrace { run.trace }
        var located: [LocatedFamilyEvent] { run.located }
    }

    /// (s, d, loss, x, smallest eigenvalue, index, stability, smallest eigenvalue per part).
    typealias Row = (s: Double, d: Double, loss: Double, x: [Double], smallest: Double, index: Double, stability: Stability, parts: [Double])

    static let rows: [Row] = [
        (-4.599999999999992, 5.407879036857385, 0.026224574389052294, [0.9747653627264184, -0.06494834243286753, 0.3448015666510949, 0.2575396010068914, -0.5786779006047862], -0.0021949290019391277, 3.407879036857385, .saddle, [0.05814931984482496, -0.0021949290019391277, 0.3595511906877777, 0.04195339609144734]),
        (-4.199999999999993, 5.805823666244504, 0.025457501269206918, [0.9834767903848133, -0.05457669111350476, 0.3191277373079937, 0.23425003353148932, -0.5944903332148964], 0.002568090073374494, 0.0, .minimum, [0.06110277076837972, 0.002568090073374494, 0.36249730318616913, 0.045026029952803207]),
        (-3.7999999999999945, 6.20438907335574, 0.024685977193246153, [0.9895513111428058, -0.0465357585982104, 0.2971644819278916, 0.21520987062109226, -0.6085045204461047], 0.006822510114884159, 0.0, .minimum, [0.06378063087110389, 0.006822510114884159, 0.3650908824657976, 0.04771008022896998]),
        (-3.399999999999996, 6.603346109218458, 0.023929433251696594, [0.9938539674267735, -0.04017365779894264, 0.27817386044588754, 0.1993465915800311, -0.6211701186364255], 0.010639377448162155, 0.0, .minimum, [0.06619344969084953, 0.010639377448162155, 0.36739815981123486, 0.050078775071020584]),
        (-2.9999999999999973, 7.002561716013665, 0.023198116275515233, [0.996939562112215, -0.03505053832508178, 0.26159139181299046, 0.18591137414066983, -0.632775423933], 0.014080001017505417, 0.0, .minimum, [0.06836229445239325, 0.014080001017505417, 0.36946786603428966, 0.05218734250147372]),
        (-2.5999999999999988, 7.401954908980618, 0.02249703939196719, [0.9991726455061309, -0.030861758141244377, 0.2469826888172545, 0.1743703447738986, -0.6435142634494163], 0.017196133007979248, 0.0, .minimum, [0.07031140229345385, 0.017196133007979248, 0.3713371917998005, 0.05407832881946192]),
        (-2.2, 7.801474282997481, 0.02182820765279017, [1.0007982561989146, -0.02739114562839933, 0.23401012628227721, 0.1643346780435253, -0.6535230728081822], 0.020031142739047648, 0.0, .minimum, [0.07206477332959867, 0.020031142739047648, 0.3730353185974722, 0.055785133891571]),
        (-1.800000000000001, 8.201085976396932, 0.02119189671338181, [1.0019845355961907, -0.024481905881387305, 0.22240828631002701, 0.15551536963304866, -0.6629020679831071], 0.02262135920773456, 0.0, .minimum, [0.07364469974687447, 0.02262135920773456, 0.3745856418361796, 0.057334412481537644]),
        (-1.4000000000000006, 8.600766944183013, 0.02058740057455636, [1.0028490154512208, -0.022018052713137216, 0.21196608864354152, 0.14769352049921058, -0.6717277277459489], 0.024997301165205908, 0.0, .minimum, [0.0750712390441237, 0.024997301165205908, 0.37600724232579014, 0.058747743659189826]),
        (-1.0000000000000002, 9.000501045787036, 0.02001347498149846, [1.0034752188182938, -0.019912264327526987, 0.20251377583994967, 0.14070044607741636, -0.6800603936400829], 0.0271847200983753, 0.0, .minimum, [0.07636213810440094, 0.0271847200983753, 0.3773159009324559, 0.0600428177039594]),
        (-0.6, 9.400276686230725, 0.019468602719141744, [1.0039233791354358, -0.018097754849889063, 0.19391337012449758, 0.1344041022058311, -0.6879490455413616], 0.029205456366537326, 0.0, .minimum, [0.07753296160862379, 0.029205456366537326, 0.37852482207842997, 0.061234297633664614]),
        (-0.2, 9.800085346953638, 0.018951152765708447, [1.0042375053393715, -0.01652271638348571, 0.18605160928474956, 0.12869964475799253, -0.6954343958367303], 0.031078132530659542, 0.0, .minimum, [0.07859730190790318, 0.031078132530659542, 0.3796451640921581, 0.06233445640800402]),
        (-0.0, 10.0, 0.01870219458560494, [1.004354823262324, -0.015811925805753153, 0.1823677557887197, 0.12604236084341808, -0.6990368174937939], 0.0319640276464619, 0.0, .minimum, [0.07909330608905338, 0.0319640276464619, 0.38017514536804853, 0.06285359255632789]),
    ]

    /// The transition's d, loss and coordinates to 50 digits (data/transitions.csv).
    static let transition = (
        d: "5.5855052474258800069411762776233918346803343907696",
        loss: "0.025884340014647687449773834949659947555320498973661",
        x: ["0.97905494435011262821627206761825864428901546841455", "-0.059974704332226578349496541909326517288086184990087",
            "0.33282124724378292651063162674705705701576300131206", "0.24652708233718156251201596311635108524392548299592",
            "-0.58600037886067294671556035845589910479262629671774"])

    /// Digits the located values are proved to.
    static let digits = 20

    static func load() throws -> Data {
        let partition = try Partition(parsing: "d-1,1")
        let problem = FamilyProblem(partition)
        let family = Family(
            name: "d-1,1 one-flipped", partition: partition,
            seed: try ["1.00435", "-0.01581", "0.18237", "0.12604", "-0.69904"].map(DecimalLiteral.init), seedD: try DecimalLiteral("10"))
        let points = rows.enumerated().map { step, row in
            FamilyPoint(
                step: step, arclength: row.s, d: row.d, x: row.x, loss: row.loss, minEigenvalue: row.smallest, index: row.index,
                stability: row.stability, newtonIterations: 3, residual: 1e-15, partMinima: row.parts)
        }
        let standard = try XCTUnwrapped(problem.testFunctionParts.firstIndex { $0.part == .standard(block: 0) && $0.rank == 0 })
        let crossing = FamilyEvent(
            event: ContinuationEvent(kind: .testFunction(index: standard), name: "standard of S_{d-1} #1", bracket: 0...1),
            branch: 0, points: 0...1)
        let touch = FamilyEvent(
            event: ContinuationEvent(kind: .touch(index: 0), name: "(d-3,1,1) of S_{d-1}", bracket: 3...5), branch: 0, points: 3...5)
        let trace = FamilyTrace(
            family: family, problem: problem, points: points, events: [crossing, touch],
            lowerStop: .reachedRangeEnd(d: 5.4), upperStop: nil)
        return Data(run: FamilyRun(trace: trace, events: [FamilyRun.Event(located: try located(crossing, problem: problem), certification: nil)]))
    }

    /// The transition as location reports it: each value at 200 bits, its check 1e-40 away, so
    /// that exactly the first `digits` digits are proved.
    static func located(_ event: FamilyEvent, problem: FamilyProblem) throws -> LocatedFamilyEvent {
        func proved(_ text: String) throws -> ProvedValue {
            let value = try BigFloat(parsing: text, precision: 200)
            return ProvedValue(value, check: value * (1 + (try BigFloat(parsing: "1e-40", precision: 200))), upTo: digits)
        }
        let d = try BigFloat(parsing: transition.d, precision: 200)
        let x = try transition.x.map { try BigFloat(parsing: $0, precision: 200) }
        let end = BracketEnd(sigma: BigFloat(0), x: x, parameter: d, value: BigFloat(0))
        let location = LocatedEvent(
            event: event.event, x: x, parameter: d, value: BigFloat(0), lowerEnd: end, upperEnd: end,
            criterion: .exactZero, precision: 200, digits: digits, coarseIterations: 0, fineIterations: 0)
        let multiplicity = CountPolynomial.product(.d - 2)
        return LocatedFamilyEvent(
            family: "d-1,1 one-flipped", partition: problem.partition, kind: .transition, sweepEvent: event,
            d: try proved(transition.d), loss: try proved(transition.loss), names: problem.model.loss.space.names,
            coordinates: try transition.x.map(proved), part: .standard(block: 0), irrep: "standard of S_{d-1}",
            multiplicity: multiplicity, multiplicityValue: multiplicity.value(at: d.doubleValue),
            signCheck: .init(
                indexBelow: d.doubleValue - 2, indexAbove: 0, eigenvalueBelow: try BigFloat(parsing: "-1.70e-21", precision: 64),
                eigenvalueAbove: try BigFloat(parsing: "7.08e-22", precision: 64)),
            foldSide: nil, verified: true, location: location)
    }

    struct Missing: Error {}

    static func XCTUnwrapped<T>(_ value: T?) throws -> T {
        guard let value else { throw Missing() }
        return value
    }
}
/// A CSV reader for the tests only (RFC 4180: quoted fields, doubled quotes, line breaks
/// inside quotes), so that the writers are checked by an independent parser.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed(description: "stray quote in record \(records.count + 1)") }
                quoted = true
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n":
                record.append(field)
                records.append(record)
                (record, field, afterQuote) = ([], "", false)
            default:
                guard !afterQuote else { throw Malformed(description: "text after a closing quote in record \(records.count + 1)") }
                field.append(character)
            }
        }
        guard !quoted else { throw Malformed(description: "unterminated quote") }
        guard record.isEmpty, field.isEmpty else { throw Malformed(description: "no newline after the last record") }
        return records
    }
}
