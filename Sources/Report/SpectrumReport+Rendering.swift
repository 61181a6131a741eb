import LossModel

extension SpectrumReport {
    /// A readable report for a terminal.
    public func table() -> String {
        var out = "partition \(partition)   k = \(partition.k) = \(JSONValue.number(k))   d = \(d)\n"
        out += "digits: \(digits) asked; printed digits agree at \(workingBits) and \(checkBits) bits\n\n"
        out += "loss           \(loss)\n"
        out += "gradient norm  \(gradientNorm)\n"
        if let singular {
            out += "singular       yes: \(singular)\n"
            out += "               (the loss is not twice differentiable here: no spectrum)\n"
        } else {
            out += "index          \(index.map { JSONValue.number($0) } ?? "undetermined")\n"
        }
        var coordinates = TextTable(headers: ["coordinate", "value"])
        for (name, value) in self.coordinates { coordinates.append([name, value]) }
        out += "\n" + coordinates.rendered()
        guard singular == nil else { return out }
        var spectrum = TextTable(headers: ["eigenvalue", "irrep", "multiplicity"])
        for e in eigenvalues {
            spectrum.append([
                e.value ?? "undetermined", e.irrep,
                e.multiplicity.factors.isEmpty ? "\(e.multiplicity)" : "\(e.multiplicity) = \(JSONValue.number(e.multiplicityValue))",
            ])
        }
        out += "\n" + spectrum.rendered()
        let notes = parts.compactMap { part -> String? in
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
        .object([
            ("partition", .string(partition.description)),
            ("k", .number(k)),
            ("d", .string(d)),
            ("digits", .number(Double(digits))),
            ("loss", .string(loss)),
            ("coordinates", .object(coordinates.map { ($0.name, .string($0.value)) })),
            ("gradient_norm", .string(gradientNorm)),
            ("index", index.map { .number($0) } ?? .null),
            ("singular", .bool(singular != nil)),
            ("singular_reason", singular.map { .string($0) } ?? .null),
            ("eigenvalues", .array(eigenvalues.map { e in
                .object([
                    ("value", e.value.map { .string($0) } ?? .null),
                    ("irrep", .string(e.irrep)),
                    ("multiplicity", .string(e.multiplicity.description)),
                    ("multiplicity_value", .number(e.multiplicityValue)),
                ])
            })),
        ])
    }
}
