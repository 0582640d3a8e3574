import RailDomain

/// The path formulation solved by column generation (`ColumnGeneration`, `IncrementalMaster`):
///
///     min Σ_p c_p λ_p + Σ_i w_i P ℓ_i
///     Σ_{p of i} λ_p + ℓ_i = 1                      each train i (ℓ_i only for optional trains)
///     Σ_{p covering r} λ_p ≤ cap_r                  each track, entry, exit and slot row r
///     Σ_{p of i holding s at t} λ_p − y_{s,t} ≤ 0   each train going the `from` way on single track s
///     Σ_{p of j holding s at t} λ_p + y_{s,t} ≤ 1   each train going the other way
///     λ, ℓ, y ∈ [0, 1]
///
/// with one column per generated run of a train (its cost c_p and the rows of `CapacityRows` it
/// uses). Its LP value equals the best Lagrangian bound of those rows; a row not written has dual
/// 0, which keeps the Lagrangian evaluation of any duals a valid bound.
enum MasterProblem {
    enum RowMeaning {
        case convexity(train: Int)
        case capacity(line: ResourceLine, minute: Minute)
        case hold(train: Int, section: Int, minute: Minute)
    }

    /// The LP duals as prices of the relaxation (`λ = −dual ≥ 0` on `≤` rows of a minimisation),
    /// each placed on the first minute of its segment, and the trains' convexity duals.
    static func prices(rows: [RowMeaning], duals: [Double], setting: RelaxationSetting) -> (multipliers: Multipliers, directions: SingleTrackDirections, convexity: [Int: Double]) {
        var multipliers = Multipliers(setting.instance, layout: setting.layout)
        var directions = SingleTrackDirections(setting)
        var convexity: [Int: Double] = [:]
        let minutes = setting.layout.minutes
        func bump(_ row: inout [Double], _ minute: Minute, _ price: Double) {
            if row.isEmpty { row = [Double](repeating: 0, count: minutes) }
            if minute >= 0 && minute < minutes { row[minute] += price }
        }
        for (r, meaning) in rows.enumerated() where r < duals.count {
            let price = max(0, -duals[r])
            switch meaning {
            case .convexity(let train):
                convexity[train] = duals[r]
            case .capacity(let line, let minute):
                guard price > 0 else { continue }
                switch line {
                case .track(let track): bump(&multipliers.tracks[track, default: []], minute, price)
                case .entry(let section, let group): bump(&multipliers.entries[section][group], minute, price)
                case .exit(let section, let direction): bump(&multipliers.exits[section][direction], minute, price)
                case .slot(let key): multipliers.slots[key, default: 0] += price
                case .hold: break
                }
            case .hold(let train, let section, let minute):
                guard price > 0, var list = directions.trains[train],
                      let position = list.firstIndex(where: { $0.section == section }) else { continue }
                let offset = minute - list[position].base
                guard offset >= 0, offset < list[position].values.count else { continue }
                list[position].values[offset] += price
                directions.trains[train] = list
            }
        }
        return (multipliers, directions, convexity)
    }
}
