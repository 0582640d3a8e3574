/// Spec 4.7: a train entering a border section from station X at time `dep` uses exactly one slot
/// of that border whose `from_station` is X or unset and whose window holds `dep`
/// (`opens <= dep <= closes`); a slot takes at most `capacity` trains. A train lists no slot of a
/// border it does not cross.
enum BorderRules {
    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        var uses: [SlotUse: [TrainID]] = [:]
        for run in runs {
            var crossed: Set<BorderID> = []
            for k in 0..<run.lastIndex {
                let from = run.train.route[k], to = run.train.route[k + 1]
                guard let border = instance.border(between: from, to) else { continue }
                crossed.insert(border.id)
                let listed = run.run.borderSlots.filter { $0.border == border.id }
                guard listed.count == 1, let use = listed.first else {
                    found.append(Violation(.borderSlot, trains: [run.train.id], place: border.id.rawValue,
                                           "\(run.train.id) crosses border \(border.id) from \(from) but lists \(listed.count) slots of it; exactly one is needed"))
                    continue
                }
                guard let slot = border.slots.first(where: { $0.id == use.slot }) else {
                    found.append(Violation(.borderSlot, trains: [run.train.id], place: border.id.rawValue,
                                           "\(run.train.id) uses slot \(use.slot), which border \(border.id) does not have"))
                    continue
                }
                uses[use, default: []].append(run.train.id)
                let departure = run.dep(k)
                if let direction = slot.fromStation, direction != from {
                    found.append(Violation(.borderSlot, trains: [run.train.id], place: "\(border.id)/\(slot.id)",
                                           "\(run.train.id) enters border section \(border.id) from \(from) in slot \(slot.id), which is only for trains from \(direction)"))
                }
                if departure < slot.opens || departure > slot.closes {
                    found.append(Violation(.borderSlot, trains: [run.train.id], place: "\(border.id)/\(slot.id)", minutes: [departure, slot.opens, slot.closes],
                                           "\(run.train.id) enters border section \(border.id) at \(instance.clock(departure, at: from)) \(instance.offsetLabel(at: from)), outside slot \(slot.id) (\(instance.clock(slot.opens, at: from))–\(instance.clock(slot.closes, at: from)))"))
                }
            }
            for use in run.run.borderSlots where !crossed.contains(use.border) {
                found.append(Violation(.borderSlot, trains: [run.train.id], place: use.border.rawValue,
                                       "\(run.train.id) lists slot \(use.slot) of border \(use.border), which it does not cross"))
            }
        }
        for border in instance.borders {
            for slot in border.slots {
                let users = uses[SlotUse(border: border.id, slot: slot.id)] ?? []
                if users.count > slot.capacity {
                    found.append(Violation(.slotCapacity, trains: users, place: "\(border.id)/\(slot.id)",
                                           "slot \(slot.id) of border \(border.id) takes \(slot.capacity) train\(slot.capacity == 1 ? "" : "s") but \(users.count) use it: \(users.map(\.rawValue).joined(separator: ", "))"))
                }
            }
        }
    }
}
