import LossModel
import Spurious

/// `spurious spectrum` as text and JSON: the critical point, its loss and every eigenvalue of
/// the full Hessian with its isotypic part and multiplicity, each to its proved digits.
public struct SpectrumReport: Sendable {
    public let result: SpectrumResult

    public init(_ result: SpectrumResult) {
        self.result = result
    }

    /// Which global minimum, in words.
    static func words(_ minimum: ExactFit.Kind) -> String {
        switch minimum {
        case .teacher:
            return "yes: every student row is a teacher row of its own (W = V up to the order of rows); loss exactly 0"
        case let .zeroRows(blocks):
            let which = blocks.map { "block \($0)" }.joined(separator: ", ")
            return "yes: the rows of \(which) are zero (students switched off) and the others are the teacher's; loss exactly 0"
        case let .sharedTeacher(nullity):
            return "yes: parallel student rows share a teacher row and add up to it; the split between them is free, a kernel of dimension \(nullity); loss exactly 0"
        }
    }

    /// Which global minimum, for programs: its kind, and the zero rows or the kernel.
    static func json(_ minimum: ExactFit.Kind) -> JSONValue {
        switch minimum {
        case .teacher:
            return .object([("kind", .string("teacher"))])
        case let .zeroRows(blocks):
            return .object([("kind", .string("zero_rows")), ("blocks", .array(blocks.map { .number(Double($0)) }))])
        case let .sharedTeacher(nullity):
            return .object([("kind", .string("shared_teacher")), ("nullity", .string(nullity.description))])
        }
    }

    /// A readable report for a terminal.
    public func table() -> String {
        let r = result
        var out = "partition \(r.partition)   k = \(r.partition.k) = \(JSONValue.number(r.k))   d = \(r.d)\n"
        out += "digits: \(r.digits) asked; printed digits agree at \(r.workingBits) and \(r.checkBits) bits\n"
        if let split = r.split {
            out += "split: a row w of block \(split.block) of \(split.partition) (k = \(split.partition.k)) made into alpha w and (1 - alpha) w, alpha = \(split.alpha): the same network with one student more\n"
            out += "       before the split: index \(split.index.map(JSONValue.number) ?? "undetermined")\n"
        }
        out += "\n"
        out += "loss           \(Words.proved(r.loss))\n"
        out += "gradient norm  \(r.gradientNorm.map { $0.formatted(significantDigits: 2) } ?? "none (a zero row)")\n"
        if let minimum = r.globalMinimum { out += "global minimum \(SpectrumReport.words(minimum))\n" }
        if let singular = r.singular {
            out += "singular       yes: \(singular)\n"
            out += "               (the loss is not differentiable at a zero row: no gradient, no spectrum)\n"
        } else {
            let zero = r.nullity > 0 ? " (+\(JSONValue.number(r.nullity)) zero)" : ""
            out += "index          \(r.index.map { JSONValue.number($0) + zero } ?? "undetermined")\n"
        }
        var coordinates = TextTable(headers: ["coordinate", "value"])
        for (name, value) in zip(r.names, r.coordinates) { coordinates.append([name, Words.proved(value)]) }
        out += "\n" + coordinates.rendered()
        guard r.singular == nil else { return out }
        var spectrum = TextTable(headers: ["eigenvalue", "irrep", "multiplicity"])
        for e in r.eigenvalues {
            spectrum.append([
                Words.proved(e.value), e.irrep,
                e.multiplicity.factors.isEmpty ? "\(e.multiplicity)" : "\(e.multiplicity) = \(JSONValue.number(e.multiplicityValue))",
            ])
        }
        out += "\n" + spectrum.rendered()
        let notes = r.parts.compactMap { part -> String? in
            switch part.state {
            case .present: return nil
            case .absent: return "  \(part.irrep): absent (multiplicity \(part.multiplicity) = \(JSONValue.number(part.multiplicityValue)))"
            case let .undefined(reason): return "  \(part.irrep): \(reason)"
            }
        }
        if !notes.isEmpty { out += "\nparts without eigenvalues at this d:\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }

    /// The JSON document of `spurious spectrum --format json`.
    public func json() -> JSONValue {
        let r = result
        return .object([
            ("partition", .string(r.partition.description)),
            ("k", .number(r.k)),
            ("d", .string(r.d.text)),
            ("digits", .number(Double(r.digits))),
            ("loss", .string(Words.proved(r.loss))),
            ("coordinates", .object(zip(r.names, r.coordinates).map { ($0, .string(Words.proved($1))) })),
            ("gradient_norm", r.gradientNorm.map { .string($0.formatted(significantDigits: 2)) } ?? .null),
            ("global_minimum", r.globalMinimum.map(SpectrumReport.json) ?? .null),
            ("split", r.split.map { split in
                .object([
                    ("from_partition", .string(split.partition.description)),
                    ("block", .number(Double(split.block))),
                    ("alpha", .string(split.alpha.text)),
                    ("index_before", split.index.map { .number($0) } ?? .null),
                ])
            } ?? .null),
            ("index", r.index.map { .number($0) } ?? .null),
            ("nullity", .number(r.nullity)),
            ("singular", .bool(r.singular != nil)),
            ("singular_reason", r.singular.map { .string($0) } ?? .null),
            ("eigenvalues", .array(r.eigenvalues.map { e in
                .object([
                    ("value", e.value.decimal.map { .string($0) } ?? .null),
                    ("irrep", .string(e.irrep)),
                    ("multiplicity", .string(e.multiplicity.description)),
                    ("multiplicity_value", .number(e.multiplicityValue)),
                ])
            })),
        ])
    }
}
