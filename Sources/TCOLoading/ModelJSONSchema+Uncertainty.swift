import TCOCore

extension ModelJSONSchema {
    /// The `uncertainty` block (uncertainty.md): its runs, its seed, and dotted key paths to ranges.
    /// The schema checks the shape an editor can help with; the loader checks each path and unit.
    static func writeUncertainty(to out: JSONWriter) {
        out.key("type")
        out.string("object")
        out.key("properties")
        out.object {
            out.key("runs")
            out.object {
                out.key("description")
                out.string("Runs of the Monte Carlo simulation. Default: 10000. Allowed: 1 to 1000000. Example: 10000.")
                out.key("type")
                out.string("integer")
                out.key("minimum")
                out.integer(1)
                out.key("maximum")
                out.integer(1_000_000)
            }
            out.key("seed")
            out.object {
                out.key("description")
                out.string("Seed of the draws: the same seed and runs give the same results. Default: 1. "
                    + "Allowed: 0 to 2^63-1. Example: 7.")
                out.key("type")
                out.string("integer")
                out.key("minimum")
                out.integer(0)
            }
            out.key("inputs")
            out.object {
                out.key("description")
                out.string("Dotted key paths (as in scenarios) to ranges: 'A to B' (a 90 % interval), "
                    + "'triangular(low, mode, high)' or 'uniform(low, high)', in the key's unit. "
                    + "Example: {workloads.chat.requests: 8M/month to 16M/month}.")
                out.key("type")
                out.string("object")
                out.key("propertyNames")
                out.object {
                    out.key("pattern")
                    out.string("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$")
                }
                out.key("additionalProperties")
                out.object {
                    out.key("type")
                    out.string("string")
                    out.key("pattern")
                    out.string("^ *(.+ to .+|triangular *\\(.+\\)|uniform *\\(.+\\)) *$")
                }
            }
        }
        out.key("additionalProperties")
        out.bool(false)
    }
}
