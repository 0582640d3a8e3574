import RailDomain

/// Tracks of one station that no train can tell apart: same kind, length, cargo and opening
/// hours. Within a class the tracks are identical, so "at most `count` trains stand here at once"
/// is exact (interval graphs are perfect): the model counts trains per class and minute, and the
/// decoder picks the individual track by greedy interval colouring.
struct TrackClass {
    let station: StationID
    /// Index among the station's classes.
    let index: Int
    let tracks: [Track]
    var kind: TrackKind { tracks[0].kind }
    var lengthMeters: Double { tracks[0].lengthMeters }
    var hours: OpeningHours { tracks[0].hours }
    var capacity: Int { tracks.count }

    /// `PXG.c0`: a short name for model rows and columns.
    var label: String { "\(station)#\(index)" }

    /// True if `train` may stand here at its stop (customs or not, length, cargo).
    func admits(_ train: Train, customs: Bool) -> Bool {
        guard lengthMeters >= train.lengthMeters else { return false }
        if customs { return kind == .customs && tracks[0].accepts(cargo: train.cargo) }
        return kind == .siding
    }

    /// The classes of a station, in the order their first track is listed.
    static func classes(of station: Station) -> [TrackClass] {
        var groups: [[Track]] = []
        for track in station.tracks {
            if let index = groups.firstIndex(where: { same($0[0], track) }) {
                groups[index].append(track)
            } else {
                groups.append([track])
            }
        }
        return groups.enumerated().map { TrackClass(station: station.id, index: $0.offset, tracks: $0.element) }
    }

    private static func same(_ a: Track, _ b: Track) -> Bool {
        a.kind == b.kind && a.lengthMeters == b.lengthMeters && Set(a.cargo) == Set(b.cargo) && a.hours == b.hours
    }
}
