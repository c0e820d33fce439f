/// `tco simulate --json` (uncertainty.md): keys in the contract's order, numbers as `tco solve --json` writes them.
public enum SimulationReport {
    public static func render(model: Model, result: SimulationResult) -> String {
        let out = JSONWriter()
        out.object {
            out.key("model")
            out.string(model.title)
            out.key("currency")
            out.string(model.currency)
            out.key("runs")
            out.integer(result.runs)
            out.key("seed")
            // Seeds run to 2^63 − 1, beyond Int on no platform TokenTCO runs on, but not beyond a UInt64.
            out.integer(Int(exactly: result.seed) ?? Int.max)
            out.key("inputs")
            out.strings(result.inputs)
            out.key("scenarios")
            out.object {
                for scenario in result.scenarios {
                    out.key(scenario.name)
                    write(scenario, to: out)
                }
            }
        }
        return out.text
    }

    static func write(_ scenario: ScenarioSimulation, to out: JSONWriter) {
        out.object {
            out.key("strategies")
            out.object {
                for strategy in scenario.strategies {
                    out.key(strategy.name)
                    out.object {
                        out.key("npv_cost")
                        write(strategy.npvCost, to: out)
                        out.key("p_lowest")
                        out.number(strategy.pLowest)
                        out.key("expected_regret")
                        out.number(strategy.expectedRegret)
                    }
                }
            }
            out.key("comparisons")
            out.object {
                for comparison in scenario.comparisons {
                    out.key(comparison.strategy)
                    out.object {
                        out.key("npv_savings")
                        write(comparison.npvSavings, to: out)
                        out.key("p_no_dearer")
                        out.number(comparison.pNoDearer)
                    }
                }
            }
            out.key("tornado")
            guard let tornado = scenario.tornado else {
                out.null()
                return
            }
            out.object {
                out.key("strategy")
                out.string(tornado.strategy)
                out.key("against")
                out.string(tornado.against)
                out.key("inputs")
                out.array {
                    for row in tornado.inputs {
                        out.object {
                            out.key("path")
                            out.string(row.path)
                            out.key("savings_low")
                            out.number(row.savingsLow)
                            out.key("savings_high")
                            out.number(row.savingsHigh)
                            out.key("swing")
                            out.number(row.swing)
                        }
                    }
                }
            }
        }
    }

    static func write(_ spread: Spread, to out: JSONWriter) {
        out.object {
            out.key("mean")
            out.number(spread.mean)
            out.key("p5")
            out.number(spread.p5)
            out.key("p50")
            out.number(spread.p50)
            out.key("p95")
            out.number(spread.p95)
        }
    }
}
