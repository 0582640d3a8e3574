import RailDomain

/// Gives each stand on a class of identical tracks its own track, so that stands on one track do
/// not overlap (each stand already includes the station's clearance). With no pre-assigned
/// stands, taking the first free track in order of arrival always succeeds when the model's
/// per-minute count holds (interval graphs are perfect); fixed trains' given tracks are placed
/// first and the rest found by a depth-first search.
enum TrackAssignment {
    struct Stand {
        let from: Minute
        /// Exclusive: the next stand on the track may start here.
        let to: Minute
        let given: TrackID?
    }

    static func assign(_ stands: [Stand], tracks: [TrackID], nodeLimit: Int = 100_000) -> [TrackID]? {
        var busy = [[(Minute, Minute)]](repeating: [], count: tracks.count)
        var result = [TrackID?](repeating: nil, count: stands.count)
        for (index, stand) in stands.enumerated() {
            guard let given = stand.given else { continue }
            guard let track = tracks.firstIndex(of: given), isFree(busy[track], stand) else { return nil }
            busy[track].append((stand.from, stand.to))
            result[index] = given
        }
        let order = stands.indices.filter { stands[$0].given == nil }.sorted { (stands[$0].from, stands[$0].to, $0) < (stands[$1].from, stands[$1].to, $1) }
        var nodes = 0
        func place(_ position: Int) -> Bool {
            guard position < order.count else { return true }
            nodes += 1
            guard nodes <= nodeLimit else { return false }
            let index = order[position], stand = stands[index]
            for track in tracks.indices where isFree(busy[track], stand) {
                busy[track].append((stand.from, stand.to))
                result[index] = tracks[track]
                if place(position + 1) { return true }
                busy[track].removeLast()
            }
            return false
        }
        guard place(0) else { return nil }
        return result.map { $0! }
    }

    private static func isFree(_ intervals: [(Minute, Minute)], _ stand: Stand) -> Bool {
        intervals.allSatisfy { stand.to <= $0.0 || $0.1 <= stand.from }
    }
}
