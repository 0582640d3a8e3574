import MIP
import RailDomain

extension TimetableBuilder {
    /// Spec 4.7: a train entering a border section from X uses exactly one slot open to trains
    /// from X (or either way) whose window holds its departure:
    /// `Σ_s use(s) = scheduled`, `use(s) <= entered(closes_s) − entered(opens_s − 1)`,
    /// and per slot `Σ_trains use(s) <= capacity_s`.
    mutating func addBorderSlots() {
        var users: [String: [Variable]] = [:]
        var slotOrder: [(Border, BorderSlot)] = []
        for border in instance.borders { for slot in border.slots { slotOrder.append((border, slot)) } }
        slotChoices = trains.map { _ in [] }
        for case let train? in trains {
            let route = train.train.route
            for k in 0..<(route.count - 1) {
                guard let border = instance.border(between: route[k], route[k + 1]) else { continue }
                let minutes = train.windows.departureMinutes(k)
                var uses = LinearExpression()
                for slot in border.slots where (slot.fromStation == nil || slot.fromStation == route[k])
                    && minutes.contains(where: { slot.opens <= $0 && $0 <= slot.closes }) {
                    let use = model.addBinary("slot_\(train.name)_\(ModelNames.sanitize(border.id.rawValue))_\(ModelNames.sanitize(slot.id.rawValue))")
                    row("slot", LinearExpression(use) - train.departed(k, by: slot.closes) + train.departed(k, by: slot.opens - 1) <= 0)
                    uses += use
                    users["\(border.id)/\(slot.id)", default: []].append(use)
                    slotChoices[train.index].append(SlotChoice(border: border, slot: slot, variable: use))
                }
                row("slot", uses - train.scheduledExpression == 0)
            }
        }
        for (border, slot) in slotOrder {
            guard let list = users["\(border.id)/\(slot.id)"], list.count > slot.capacity else { continue }
            model.addConstraint(.sum(list), .lessOrEqual(Double(slot.capacity)),
                                name: "slots_\(ModelNames.sanitize(border.id.rawValue))_\(ModelNames.sanitize(slot.id.rawValue))")
        }
    }
}
