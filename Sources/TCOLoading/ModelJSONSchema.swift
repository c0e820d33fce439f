import TCOCore

/// The model format as a JSON Schema (draft 2020-12), built from the one list of keys
/// (`ModelKey.all`), for the YAML language server in editors (`tco schema`).
///
/// The schema checks shape, key names, required keys and how each value is written (unit
/// patterns); rules across sections (route shares adding up, names that must exist, sensitive
/// data) are the loader's, reported by `tco check`.
public enum ModelJSONSchema {
    /// The schema as indented JSON text.
    public static func text() -> String {
        let out = JSONWriter()
        out.object {
            out.key("$schema")
            out.string("https://json-schema.org/draft/2020-12/schema")
            out.key("title")
            out.string("TokenTCO model file")
            out.key("description")
            out.string("A build-vs-buy decision for AI workloads: workloads, serving options, hardware, "
                + "strategies and scenarios. Reference: docs/model-format.md.")
            // A file that extends a base writes only what it changes: its keys are checked, but
            // no key is required (the base provides them).
            out.key("if")
            out.object {
                out.key("required")
                out.strings(["extends"])
            }
            out.key("then")
            out.object { reference("partial_top", out) }
            out.key("else")
            out.object { reference("top", out) }
            out.key("$defs")
            out.object {
                writeDefinitions(prefix: "", to: out)
                writeDefinitions(prefix: "partial_", to: out)
            }
        }
        return out.text + "\n"
    }

    /// The definitions of every map; with the `partial_` prefix, the same without required keys.
    private static func writeDefinitions(prefix: String, to out: JSONWriter) {
        let partial = !prefix.isEmpty
        if !partial {
            out.key("name")
            out.object {
            out.key("type")
            out.string("string")
            out.key("pattern")
            out.string("^[A-Za-z0-9_-]+$")
            out.key("description")
                out.string("A name: letters, digits, '-' and '_'.")
            }
        }
        let places: [(String, ModelKey.Place)] = [
            ("top", .top), ("workload", .workload), ("api", .api), ("selfHosted", .selfHosted), ("rented", .rented),
            ("hardware", .hardware), ("facility", .facility), ("staffRole", .staffRole), ("strategy", .strategy),
            ("strategyWorkload", .strategyWorkload), ("escalationMap", .escalation), ("longContext", .longContext),
            ("commitment", .commitment), ("oneTime", .oneTime), ("finance", .finance), ("loan", .loan),
        ]
        for (name, place) in places {
            out.key(prefix + name)
            out.object { writeObject(place, prefix: prefix, to: out) }
        }
        out.key(prefix + "servingOption")
        out.object {
            out.key("type")
            out.string("object")
            if !partial {
                out.key("required")
                out.strings(["kind"])
            }
            out.key("properties")
            out.object {
                out.key("kind")
                out.object {
                    out.key("enum")
                    out.strings(ModelSchema.kinds)
                }
            }
            out.key("allOf")
            out.array {
                for (kind, definition) in [("api", "api"), ("self_hosted", "selfHosted"), ("rented", "rented")] {
                    out.object {
                        // `required` keeps an option without `kind` (in a partial file) from
                        // matching every branch.
                        out.key("if")
                        out.object {
                            out.key("required")
                            out.strings(["kind"])
                            out.key("properties")
                            out.object {
                                out.key("kind")
                                out.object { constant(kind, out) }
                            }
                        }
                        out.key("then")
                        out.object { reference(prefix + definition, out) }
                    }
                }
            }
        }
        out.key(prefix + "route")
        out.object {
            out.key("type")
            out.string("object")
            out.key("description")
            out.string("Share of requests per serving option; the shares add up to 100%.")
            out.key("propertyNames")
            out.object { reference("name", out) }
            out.key("additionalProperties")
            out.object { pattern(for: [.percent], out) }
        }
        out.key(prefix + "escalation")
        out.object {
            out.key("oneOf")
            out.array {
                out.object { constant("none", out) }
                out.object { reference(prefix + "escalationMap", out) }
            }
        }
    }

    /// `type`, `properties`, `required` and `additionalProperties: false` of the map at `place`.
    private static func writeObject(_ place: ModelKey.Place, prefix: String, to out: JSONWriter) {
        out.key("type")
        out.string("object")
        out.key("properties")
        out.object {
            for key in ModelKey.keys(at: place) {
                out.key(key.name)
                out.object { writeValue(key, prefix: prefix, to: out) }
            }
        }
        let required = ModelKey.requiredNames(at: place)
        if !required.isEmpty, prefix.isEmpty {
            out.key("required")
            out.strings(required)
        }
        out.key("additionalProperties")
        out.bool(false)
    }

    private static func writeValue(_ key: ModelKey, prefix: String, to out: JSONWriter) {
        out.key("description")
        out.string(describe(key))
        switch key.form {
        case .quantity(let dimensions):
            pattern(for: dimensions, out)
        case .schedulable(let dimensions):
            schedulable(dimensions, out)
        case .list(let place):
            out.key("type")
            out.string("array")
            out.key("items")
            out.object { reference(prefix + definitionName(place), out) }
        case .wordOrNames(let words):
            out.key("anyOf")
            out.array {
                out.object {
                    out.key("enum")
                    out.strings(words)
                }
                out.object {
                    out.key("type")
                    out.string("array")
                    out.key("items")
                    out.object { reference("name", out) }
                }
            }
        case .text:
            out.key("type")
            out.string("string")
        case .month:
            out.key("type")
            out.string("string")
            out.key("pattern")
            out.string("^[0-9]{4}-(0[1-9]|1[0-2])$")
        case .currencyCode:
            out.key("type")
            out.string("string")
            out.key("pattern")
            out.string("^[A-Z]{3}$")
        case .boolean:
            out.key("type")
            out.string("boolean")
        case .word(let words):
            out.key("enum")
            out.strings(words)
        case .reference:
            reference("name", out)
        case .route:
            reference(prefix + "route", out)
        case .escalation:
            reference(prefix + "escalation", out)
        case .map:
            writeMap(key, prefix: prefix, to: out)
        }
    }

    /// The sections whose entries are named: each entry's definition.
    private static func writeMap(_ key: ModelKey, prefix: String, to out: JSONWriter) {
        let entry: String? = switch (key.place, key.name) {
        case (.top, "workloads"): "workload"
        case (.top, "serving"): "servingOption"
        case (.top, "hardware"): "hardware"
        case (.top, "staff"): "staffRole"
        case (.top, "strategies"): "strategy"
        case (.strategy, "workloads"): "strategyWorkload"
        case (.strategy, "one_time"): "oneTime"
        case (.finance, "financing"): "loan"
        default: nil
        }
        let single: String? = switch (key.place, key.name) {
        case (.top, "facility"): "facility"
        case (.top, "finance"): "finance"
        case (.api, "long_context"): "longContext"
        default: nil
        }
        if let entry {
            out.key("type")
            out.string("object")
            out.key("propertyNames")
            out.object { reference("name", out) }
            out.key("additionalProperties")
            out.object { reference(prefix + entry, out) }
        } else if let single {
            reference(prefix + single, out)
        } else if key.name == "scenarios" {
            out.key("type")
            out.string("object")
            out.key("propertyNames")
            out.object { reference("name", out) }
            out.key("additionalProperties")
            out.object {
                out.key("type")
                out.string("object")
                out.key("description")
                out.string("Dotted key paths to the values they take in this scenario, "
                    + "e.g. 'serving.frontier.price_change: -40%/year'.")
                out.key("propertyNames")
                out.object {
                    out.key("pattern")
                    out.string("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$")
                }
            }
        } else if key.name == "uncertainty" {
            writeUncertainty(to: out)
        } else {
            out.key("type")
            out.string("object")
        }
    }

    /// What an editor shows on hover: meaning, default, allowed values, example.
    static func describe(_ key: ModelKey) -> String {
        var text = key.summary
        if key.isRequired { text += " Required." }
        if let value = key.defaultValue { text += " Default: \(value)." }
        if let range = key.range { text += " Allowed: \(range)." }
        return text + " Example: \(key.example)."
    }

    /// The definition that describes the map at `place`.
    private static func definitionName(_ place: ModelKey.Place) -> String {
        switch place {
        case .top: "top"
        case .workload: "workload"
        case .api: "api"
        case .selfHosted: "selfHosted"
        case .rented: "rented"
        case .hardware: "hardware"
        case .facility: "facility"
        case .staffRole: "staffRole"
        case .strategy: "strategy"
        case .strategyWorkload: "strategyWorkload"
        case .escalation: "escalationMap"
        case .longContext: "longContext"
        case .commitment: "commitment"
        case .oneTime: "oneTime"
        case .finance: "finance"
        case .loan: "loan"
        }
    }

    /// One amount, or a schedule: a map from months (`YYYY-MM`) to amounts.
    private static func schedulable(_ dimensions: [Dimension], _ out: JSONWriter) {
        out.key("anyOf")
        out.array {
            out.object { pattern(for: dimensions, out) }
            out.object {
                out.key("type")
                out.string("object")
                out.key("description")
                out.string("A schedule: each month's value holds until the next month written.")
                out.key("minProperties")
                out.integer(1)
                out.key("propertyNames")
                out.object {
                    out.key("pattern")
                    out.string("^[0-9]{4}-(0[1-9]|1[0-2])$")
                }
                out.key("additionalProperties")
                out.object { pattern(for: dimensions, out) }
            }
        }
    }

    private static func reference(_ definition: String, _ out: JSONWriter) {
        out.key("$ref")
        out.string("#/$defs/\(definition)")
    }

    private static func constant(_ value: String, _ out: JSONWriter) {
        out.key("const")
        out.string(value)
    }

    /// A value written as a number with one of the units of `dimensions` (plain numbers may also
    /// be YAML numbers).
    private static func pattern(for dimensions: [Dimension], _ out: JSONWriter) {
        let number = "[-+]?[0-9](_?[0-9])*(\\.[0-9]+)?"
        let units = dimensions.flatMap(unitPatterns)
        let unit = units.isEmpty ? "" : " *(\(units.joined(separator: "|")))"
        let text = "^\(number) *[kMB]?\(unit)$"
        if dimensions.contains(.number) {
            out.key("type")
            out.strings(["number", "string"])
        } else {
            out.key("type")
            out.string("string")
        }
        out.key("pattern")
        out.string(text)
    }

    private static func unitPatterns(_ dimension: Dimension) -> [String] {
        let code = "[A-Z]{3}"
        return switch dimension {
        case .number: []
        case .percent: ["%"]
        case .ratePerYear: ["%/year"]
        case .ratePerMonth: ["%/month"]
        case .money: [code]
        case .moneyPerYear: ["\(code)/year", "\(code)/month"]
        case .pricePerMillionTokens: ["\(code)/Mtok"]
        case .pricePerGPUHour: ["\(code)/GPU-hour"]
        case .pricePerKilowattMonth: ["\(code)/kW/month"]
        case .pricePerKilowattHour: ["\(code)/kWh"]
        case .perMonth: ["/month", "/day"]
        case .power: ["W", "kW", "MW"]
        case .throughput: ["tok/s"]
        case .duration: ["months", "month", "mo", "years", "year", "y"]
        }
    }
}
