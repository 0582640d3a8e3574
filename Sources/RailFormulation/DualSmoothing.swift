import RailDomain

/// Wentges' dual smoothing for column generation: price at a point between the best dual point
/// so far (by Lagrangian bound) and the master LP's duals, which damps the duals' swings and
/// cuts the rounds; every evaluated point still gives a valid bound.
struct DualPoint {
    var multipliers: Multipliers
    var directions: SingleTrackDirections

    /// `weight × self + (1 − weight) × other`, row by row (a row missing on one side is 0 there).
    func blended(with other: DualPoint, weight: Double) -> DualPoint {
        func mix(_ a: [Double], _ b: [Double]) -> [Double] {
            if a.isEmpty && b.isEmpty { return [] }
            let count = max(a.count, b.count)
            return (0..<count).map { m in weight * (m < a.count ? a[m] : 0) + (1 - weight) * (m < b.count ? b[m] : 0) }
        }
        var result = other
        for key in Set(multipliers.tracks.keys).union(other.multipliers.tracks.keys) {
            result.multipliers.tracks[key] = mix(multipliers.tracks[key] ?? [], other.multipliers.tracks[key] ?? [])
        }
        for s in multipliers.entries.indices {
            for d in multipliers.entries[s].indices {
                result.multipliers.entries[s][d] = mix(multipliers.entries[s][d], other.multipliers.entries[s][d])
                result.multipliers.exits[s][d] = mix(multipliers.exits[s][d], other.multipliers.exits[s][d])
            }
        }
        for key in Set(multipliers.slots.keys).union(other.multipliers.slots.keys) {
            result.multipliers.slots[key] = weight * (multipliers.slots[key] ?? 0) + (1 - weight) * (other.multipliers.slots[key] ?? 0)
        }
        for (train, list) in directions.trains {
            guard var mixed = result.directions.trains[train] else { continue }
            for position in mixed.indices where position < list.count {
                mixed[position].values = mix(list[position].values, mixed[position].values)
            }
            result.directions.trains[train] = mixed
        }
        return result
    }

    /// What `column` pays at these prices on the rows it uses (its cost not included).
    func price(of column: PathColumn) -> Double {
        var total = 0.0
        func sum(_ row: [Double]?, _ from: Minute, _ to: Minute) -> Double {
            guard let row else { return 0 }
            let low = max(0, from), high = min(to, row.count)
            return high > low ? row[low..<high].reduce(0, +) : 0
        }
        for use in column.uses {
            switch use.line {
            case .track(let track): total += sum(multipliers.tracks[track], use.from, use.to)
            case .entry(let section, let group): total += sum(multipliers.entries[section][group], use.from, use.to)
            case .exit(let section, let direction): total += sum(multipliers.exits[section][direction], use.from, use.to)
            case .slot(let key): total += multipliers.slots[key] ?? 0
            case .hold(let section):
                guard let entry = directions.trains[column.train]?.first(where: { $0.section == section }) else { continue }
                total += sum(entry.values, use.from - entry.base, use.to - entry.base)
            }
        }
        return total
    }
}
