/// The `tco solve --json` document (outputs.md), written by hand so that keys keep their fixed order.
public enum JSONReport {
    /// The JSON text for `results` (one per scenario, `base` first) of `model`; the scenarios are
    /// written as separate jobs run by `perform` and put together in order (the same text either way).
    public static func render(model: Model, results: [ScenarioResult], perform: Jobs.Perform = Jobs.inOrder)
        -> String
    {
        let out = JSONWriter()
        out.object {
            out.key("model"); out.string(model.title)
            out.key("currency"); out.string(model.currency)
            out.key("start"); out.string(model.start.description)
            out.key("months"); out.integer(model.horizonMonths)
            out.key("baseline"); out.string(model.baseline)
            out.key("scenarios")
            out.object {
                let depth = out.currentDepth
                let texts = Jobs.map(results.count, perform) { index in
                    let value = JSONWriter(valueAtDepth: depth)
                    scenario(results[index], into: value)
                    return value.text
                }
                for (result, text) in zip(results, texts) {
                    out.key(result.name)
                    out.value(written: text)
                }
            }
        }
        return out.text
    }

    private static func scenario(_ result: ScenarioResult, into out: JSONWriter) {
        out.object {
            out.key("tokens"); out.numbers(result.tokens)
            out.key("strategies")
            out.object {
                for strategy in result.strategies {
                    out.key(strategy.name)
                    out.object {
                        out.key("npv_cost"); out.number(strategy.npvCost)
                        out.key("total_cost"); out.number(strategy.totalCost)
                        out.key("total_pnl_cost"); out.number(strategy.totalPnLCost)
                        out.key("capex"); out.number(strategy.capex)
                        out.key("terminal_value"); out.number(strategy.terminalValue)
                        out.key("levelized_cost_per_mtok"); out.number(strategy.levelizedCostPerMillionTokens)
                        out.key("servers_max"); out.integer(strategy.serversMax)
                        out.key("npv_cost_after_tax"); out.number(strategy.npvCostAfterTax)
                        out.key("energy_kwh"); out.number(strategy.energyKilowattHours)
                        out.key("kwh_per_mtok_self_hosted")
                        out.number(strategy.kilowattHoursPerMillionTokensSelfHosted)
                        out.key("monthly")
                        let m = strategy.monthly
                        out.object {
                            out.key("cost"); out.numbers(m.cost)
                            for line in CostLine.allCases where !line.isVersion2 {
                                out.key(line.jsonKey); out.numbers(m[line])
                            }
                            out.key("servers"); out.integers(m.servers)
                            for line in CostLine.allCases where line.isVersion2 {
                                out.key(line.jsonKey); out.numbers(m[line])
                            }
                            out.key("tax_shield"); out.numbers(m.taxShield)
                            out.key("after_tax_cost"); out.numbers(m.afterTaxCost)
                            out.key("energy_kwh"); out.numbers(m.energyKilowattHours)
                        }
                    }
                }
            }
            out.key("comparisons")
            out.object {
                for comparison in result.comparisons {
                    out.key(comparison.strategy)
                    out.object {
                        out.key("npv_savings"); out.number(comparison.npvSavings)
                        out.key("payback_month"); out.integer(comparison.paybackMonth)
                        out.key("break_even_volume_multiplier"); out.number(comparison.breakEvenVolume.multiplier)
                        out.key("break_even_volume_side"); out.string(comparison.breakEvenVolume.side.rawValue)
                        out.key("break_even_price_multiplier"); out.number(comparison.breakEvenPrice.multiplier)
                        out.key("break_even_price_side"); out.string(comparison.breakEvenPrice.side.rawValue)
                    }
                }
            }
        }
    }
}
