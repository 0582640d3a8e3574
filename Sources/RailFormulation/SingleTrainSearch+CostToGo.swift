import RailDomain

extension SingleTrainSearch {
    /// The single-train search run backwards: `costs[k][t − frame.start]` is the least priced
    /// cost from departing route position k at minute t to the destination — passages, slots,
    /// stands, dwell and lateness after that departure — or infinity where no run goes on from
    /// there. It admits exactly the moves the forward search admits (slot capacities not
    /// counted, as in pricing), so forward cost plus cost to go at (k, t) is the least priced
    /// value of any run departing k at t.
    static func costsToGo(_ train: Train, instance: Instance, holding: Occupancy, prices: ResourcePrices,
                          frame: SearchFrame) -> [[Double]] {
        let weights = instance.objective, w = Double(train.weight)
        let route = train.route, n = frame.n
        let start = frame.start, last = frame.last, o = start, size = frame.size
        let infinity = Double.infinity
        // Arriving at the destination at minute a: lateness decides.
        var arriveCost = [Double](repeating: infinity, count: size)
        for a in start...last {
            let late = train.dueArrival.map { max(0, a - $0) } ?? 0
            arriveCost[a - o] = w * Double(weights.latenessPerMinute * late)
        }
        var costs = [[Double]](repeating: [], count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            let border = instance.border(between: route[k], route[k + 1])
            var departCost = [Double](repeating: infinity, count: size)
            let passages = SectionPassages(holding, section: frame.sections[k], from: route[k], instance: instance)
            let candidates = border.map { SlotCandidates($0, from: route[k], countSlots: false, holding: holding, prices: prices, slotFilter: nil) }
            let passagePrices = prices.passagePrices(section: frame.sections[k], from: route[k])
            let free = passages.freeEntries(running: frame.runs[k], from: start, through: last)
            for t in start...last where t + frame.runs[k] <= last && arriveCost[t + frame.runs[k] - o] < infinity {
                guard free[t - o] else { continue }
                var price = passagePrices.price(enter: t, exit: t + frame.runs[k])
                if let candidates {
                    guard let slot = candidates.best(at: t) else { continue }
                    price += slot.price
                }
                departCost[t - o] = price + arriveCost[t + frame.runs[k] - o]
            }
            costs[k] = departCost
            guard k > 0 else { break }
            arriveCost = arrivalCostsToGo(train, stop: k, instance: instance, holding: holding, prices: prices, frame: frame, departCost: departCost)
        }
        return costs
    }

    /// Least cost to go from arriving at intermediate stop k at each minute: pass through (where
    /// no dwell is required) or stand on a free, open track the train may use, then depart.
    private static func arrivalCostsToGo(_ train: Train, stop k: Int, instance: Instance, holding: Occupancy, prices: ResourcePrices,
                                         frame: SearchFrame, departCost: [Double]) -> [Double] {
        let o = frame.start, infinity = Double.infinity
        let station = instance.station(train.route[k])!
        let required = train.requiredDwell(atStop: k)
        var arriveCost = required == 0 ? departCost : [Double](repeating: infinity, count: frame.size)
        let shortest = max(required, 1), price = Double(train.weight * instance.objective.dwellPerMinute)
        let clearance = station.clearanceMinutes
        for track in usableTracks(at: station, for: train) {
            let occupied = prices.trackPrefix(track.id)
            func held(_ m: Minute) -> Double { occupied.map { $0[min(m, $0.count - 1)] } ?? 0 }
            // A stand [a, e] costs price × (e − a − required) + held(e + clearance) − held(a): sweep
            // each stretch from its end, keeping the cheapest departure at least `shortest` later.
            for (low, high) in stretches(of: track, busy: holding.tracks[track.id] ?? [], clearance: clearance, from: frame.start, to: frame.last) {
                guard low + shortest <= high else { continue }
                var best = infinity
                for a in stride(from: high - shortest, through: low, by: -1) {
                    let e = a + shortest
                    if departCost[e - o] < infinity {
                        best = min(best, departCost[e - o] + price * Double(e) + held(e + clearance))
                    }
                    guard best < infinity else { continue }
                    arriveCost[a - o] = min(arriveCost[a - o], best - price * Double(a + required) - held(a))
                }
            }
        }
        return arriveCost
    }
}
