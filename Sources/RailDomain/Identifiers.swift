@_exported import Tagged

// Typed identifiers: a station id cannot be passed where a track id is expected.
public enum StationTag {}
public enum TrackTag {}
public enum TrainTag {}
public enum BorderTag {}
public enum SlotTag {}
public enum TrainClassTag {}
public enum CargoTag {}

public typealias StationID = Tagged<StationTag, String>
public typealias TrackID = Tagged<TrackTag, String>
public typealias TrainID = Tagged<TrainTag, String>
public typealias BorderID = Tagged<BorderTag, String>
public typealias SlotID = Tagged<SlotTag, String>
/// A train class such as `freight` or `passenger`: the key of a section's running times.
public typealias TrainClass = Tagged<TrainClassTag, String>
/// A cargo kind such as `container`, `bulk` or `reefer`.
public typealias CargoKind = Tagged<CargoTag, String>
