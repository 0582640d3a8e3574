import RailDomain

/// The border slots a train entering a border section from one end may take, best first: least
/// price, then earliest closing, then the order the border lists them — the same choice as
/// taking the best of those open at each minute, sorted out once per search instead of once
/// per candidate minute.
struct SlotCandidates {
    /// Index into `border.slots`, opening and closing minutes, price; best first.
    private let slots: [(index: Int, opens: Minute, closes: Minute, price: Double)]

    init(_ border: Border, from: StationID, countSlots: Bool, holding: Occupancy, prices: ResourcePrices?,
         slotFilter: ((BorderID, SlotID) -> Bool)?) {
        let usable = border.slots.indices.filter { i in
            let slot = border.slots[i]
            return (slot.fromStation == nil || slot.fromStation == from)
                && (!countSlots || (holding.slots["\(border.id)/\(slot.id)"] ?? 0) < slot.capacity)
                && (slotFilter?(border.id, slot.id) ?? true)
        }
        let price = { (i: Int) in prices?.slot(border.id, border.slots[i].id) ?? 0 }
        slots = usable.sorted { (price($0), border.slots[$0].closes, $0) < (price($1), border.slots[$1].closes, $1) }
            .map { ($0, border.slots[$0].opens, border.slots[$0].closes, price($0)) }
    }

    /// The best slot open for an entry at minute `t`: its index in `border.slots`, and its price.
    func best(at t: Minute) -> (index: Int, price: Double)? {
        slots.first { $0.opens <= t && t <= $0.closes }.map { ($0.index, $0.price) }
    }
}
