import TCOCore

extension ModelDecoder {
    /// An api option's prices: each price one value or a schedule; cached and cache-write prices
    /// default to the option's `price_input` (its schedule, if it has one); batch and long-context prices.
    func apiPricing(_ map: ConfigNode.Mapping, _ path: String) -> APIPricing? {
        let input = amounts(map, "price_input", path, at: .api)
        let output = amounts(map, "price_output", path, at: .api)
        let cached = amounts(map, "price_cached_input", path, at: .api)
        let cacheWrite = amounts(map, "price_cache_write", path, at: .api)
        let change = rates(map, "price_change", path)
        let isPrivate = boolean(map, "private", path)
        let batchDiscount = number(map, "batch_discount", path, at: .api)
        var longContext: LongContextPricing?
        if let node = map["long_context"] {
            longContext = longContextPricing(node, "\(path).long_context")
            if longContext == nil { return nil }
        }
        guard let input, let output else { return nil }
        return APIPricing(
            priceInput: input, priceOutput: output, priceCachedInput: cached, priceCacheWrite: cacheWrite,
            priceChange: change ?? .zero, isPrivate: isPrivate ?? false, batchDiscount: batchDiscount ?? 0,
            longContext: longContext)
    }

    /// `long_context`: the threshold and single-valued prices (its cached and cache-write prices
    /// default to its own `price_input`).
    func longContextPricing(_ node: ConfigNode, _ path: String) -> LongContextPricing? {
        let example = "'{above: 200k, price_input: 6 \(currency)/Mtok, price_output: 22.5 \(currency)/Mtok}'"
        guard let map = mapping(node, path, example: example) else { return nil }
        checkKeys(map, path, allowed: ModelSchema.longContext, required: ModelSchema.longContextRequired,
                  what: "the long-context prices", place: .longContext)
        let above = number(map, "above", path, at: .longContext)
        let input = number(map, "price_input", path, at: .longContext)
        let output = number(map, "price_output", path, at: .longContext)
        let cached = number(map, "price_cached_input", path, at: .longContext)
        let cacheWrite = number(map, "price_cache_write", path, at: .longContext)
        guard let above, let input, let output else { return nil }
        return LongContextPricing(
            above: above, priceInput: input, priceOutput: output, priceCachedInput: cached, priceCacheWrite: cacheWrite)
    }

    /// A rented option's GPU-hour price (one value or a schedule), price change, scaling and commitments.
    func rentedPricing(_ map: ConfigNode.Mapping, _ path: String) -> RentedPricing? {
        let gpuHour = amounts(map, "gpu_hour", path, at: .rented)
        let change = rates(map, "price_change", path)
        let scaling = word(map, "scaling", path, ["peak", "hourly"]).flatMap(RentedPricing.Scaling.init(rawValue:))
        var commitments: [Commitment] = []
        if let node = map["commitments"] {
            guard let decoded = self.commitments(node, "\(path).commitments") else { return nil }
            commitments = decoded
        }
        guard let gpuHour, map["scaling"] == nil || scaling != nil else { return nil }
        return RentedPricing(
            gpuHour: gpuHour, priceChange: change ?? .zero, scaling: scaling ?? .peak, commitments: commitments)
    }

    /// `commitments`: a list of `{gpus, gpu_hour, from, term}` (`[]` is none). Entries are named
    /// `commitments[1]`, `commitments[2]`, … in key paths.
    func commitments(_ node: ConfigNode, _ path: String) -> [Commitment]? {
        locations[path] = node.location
        let example = "'- {gpus: 16, gpu_hour: 1.90 \(currency)/GPU-hour, from: 2027-01, term: 1 year}'"
        guard let list = node.sequence else {
            let none = node.scalar?.text == "none"
            error(.expectedList, node.location, path, "expected a list of commitments, got \(describe(node))",
                  hint: none ? "write 'commitments: []' for none, or leave the key out"
                      : "write one entry per reservation, e.g. \(example)")
            return nil
        }
        var result: [Commitment] = []
        var valid = true
        for (index, item) in list.items.enumerated() {
            let itemPath = "\(path)[\(index + 1)]"
            locations[itemPath] = item.location
            guard let map = mapping(item, itemPath, example: example) else {
                valid = false
                continue
            }
            checkKeys(map, itemPath, allowed: ModelSchema.commitment, required: ModelSchema.commitment,
                      what: "a commitment", place: .commitment)
            let gpus = checked(quantity(map, "gpus", itemPath, [.number], place: .commitment)?.value,
                               "\(itemPath).gpus", { $0 >= 1 && $0 == $0.rounded() && $0 <= 1e9 },
                               "reserved GPUs must be a whole number of at least 1", example: "16",
                               code: .notWholeNumber)
            let gpuHour = number(map, "gpu_hour", itemPath, at: .commitment)
            let from = map["from"].flatMap { month($0, "\(itemPath).from") }
            let term = checked(quantity(map, "term", itemPath, [.duration], place: .commitment)?.value,
                               "\(itemPath).term", { $0 >= 1 && $0 <= Self.longestDuration },
                               "a commitment's term must be at least 1 month and at most 1,000 years",
                               example: "1 year")
            guard let gpus, let gpuHour, let from, let term else {
                valid = false
                continue
            }
            let first = start.map { from.monthOfHorizon(startingIn: $0) } ?? 1
            result.append(Commitment(gpus: Int(gpus), gpuHour: gpuHour, firstMonth: first, termMonths: Int(term)))
        }
        return valid ? result : nil
    }
}
