import Foundation
import RailDomain
import RailFormats
import Testing

/// Each class of bad instance in spec sections 3 and 7 is rejected with its place named.
@Suite("instance loading")
struct InstanceLoaderTests {
    struct BadCase: Sendable, CustomTestStringConvertible {
        let old: String
        let new: String
        let place: String
        let fragment: String
        var testDescription: String { "\(place): \(fragment)" }
    }

    static let badCases: [BadCase] = [
        BadCase(old: "name: basics-line", new: "name: basics line", place: "name", fragment: "is not a valid id"),
        BadCase(old: "name: basics-line\n", new: "", place: "name", fragment: "is required"),
        BadCase(old: "start: \"2026-12-01T00:00+08:00\"", new: "start: \"2026-12-01T00:00\"", place: "start", fragment: "has no UTC offset"),
        BadCase(old: "start: \"2026-12-01T00:00+08:00\"", new: "start: \"2026-12-01T00:00:30+08:00\"", place: "start", fragment: "seconds other than 00"),
        BadCase(old: "start: \"2026-12-01T00:00+08:00\"", new: "start: \"2026-02-30T00:00+08:00\"", place: "start", fragment: "impossible day"),
        BadCase(old: "horizon_minutes: 1440", new: "horizon_minutes: 0", place: "horizon_minutes", fragment: "out of range"),
        BadCase(old: "horizon_minutes: 1440", new: "horizon_minutes: \"1440\"", place: "horizon_minutes", fragment: "expected a whole number"),
        BadCase(old: "horizon_minutes: 1440", new: "horizon_minutes: 1440\nobjective: { lateness_per_minute: -1 }", place: "objective.lateness_per_minute", fragment: "out of range"),
        BadCase(old: "horizon_minutes: 1440", new: "horizon_minutes: 1440\nhorizon_hours: 24", place: "horizon_hours", fragment: "unknown key"),
        BadCase(old: "  - id: B\n", new: "  - id: A\n", place: "stations[1].id", fragment: "used twice"),
        BadCase(old: "utc_offset: \"+07:00\"\n    clearance_minutes: 3", new: "utc_offset: \"GMT+7\"\n    clearance_minutes: 3", place: "stations[3].utc_offset", fragment: "not a UTC offset"),
        BadCase(old: "{ id: B2, length_m: 500 }", new: "{ id: B1, length_m: 500 }", place: "stations[1].tracks[1].id", fragment: "used twice"),
        BadCase(old: "{ id: B2, length_m: 500 }", new: "{ id: B2, length_m: 0 }", place: "stations[1].tracks[1].length_m", fragment: "above 0"),
        BadCase(old: "{ id: B2, length_m: 500 }", new: "{ id: B2, length_m: 500, kind: loop }", place: "stations[1].tracks[1].kind", fragment: "unknown track kind"),
        BadCase(old: "{ id: B2, length_m: 500 }", new: "{ id: B2, length_m: 500, cargo: [bulk] }", place: "stations[1].tracks[1].cargo", fragment: "only customs lanes"),
        BadCase(old: "kind: customs, cargo: [container, bulk] }", new: "kind: customs }", place: "stations[3].tracks[1].cargo", fragment: "required on a customs lane"),
        BadCase(old: "open: [\"06:00-20:00\"]", new: "open: [\"06:00-06:00\"]", place: "stations[2].tracks[1].open[0]", fragment: "empty window"),
        BadCase(old: "open: [\"06:00-20:00\"]", new: "open: [\"6-20\"]", place: "stations[2].tracks[1].open[0]", fragment: "not a daily window"),
        BadCase(old: "open: [\"06:00-20:00\"]", new: "open: [\"24:00-06:00\"]", place: "stations[2].tracks[1].open[0]", fragment: "not a daily window"),
        BadCase(old: "{ from: A, to: B, tracks: 2", new: "{ from: A, to: X, tracks: 2", place: "sections[0].to", fragment: "unknown station \"X\""),
        BadCase(old: "{ from: A, to: B, tracks: 2", new: "{ from: A, to: B, tracks: 3", place: "sections[0].tracks", fragment: "out of range"),
        BadCase(old: "running_minutes: { freight: 30, passenger: 20 }", new: "running_minutes: { freight: 0, passenger: 20 }", place: "sections[0].running_minutes.freight", fragment: "out of range"),
        BadCase(old: "{ from: D, to: E, tracks: 1", new: "{ from: B, to: A, tracks: 1", place: "sections[3]", fragment: "already joins"),
        BadCase(old: "section: [C, D]", new: "section: [B, D]", place: "borders[0].section", fragment: "no section joins B and D"),
        BadCase(old: "{ id: S1, from_station: C,", new: "{ id: S1, from_station: B,", place: "borders[0].slots[0].from_station", fragment: "not an end of the border section"),
        BadCase(old: "closes: \"2026-12-01T08:30+08:00\"", new: "closes: \"2026-12-01T07:30+08:00\"", place: "borders[0].slots[0].closes", fragment: "closes before it opens"),
        BadCase(old: "{ id: S2, from_station: D,", new: "{ id: S1, from_station: D,", place: "borders[0].slots[1].id", fragment: "used twice"),
        BadCase(old: "capacity: 2 }", new: "capacity: 0 }", place: "borders[0].slots[2].capacity", fragment: "out of range"),
        BadCase(old: "  - id: F3\n", new: "  - id: F1\n", place: "trains[4].id", fragment: "used twice"),
        BadCase(old: "route: [A, B, C, D, E]", new: "route: [A, B, PXX, D, E]", place: "trains[0].route[2]", fragment: "unknown station \"PXX\""),
        BadCase(old: "route: [A, B, C, D, E]", new: "route: [A, C, D, E]", place: "trains[0].route[1]", fragment: "no section joins A and C"),
        BadCase(old: "route: [A, B, C, D, E]", new: "route: [A, B, A]", place: "trains[0].route[2]", fragment: "appears twice"),
        BadCase(old: "route: [A, B]", new: "route: [A]", place: "trains[3].route", fragment: "at least two stations"),
        BadCase(old: "class: passenger", new: "class: express", place: "trains[2].route[1]", fragment: "no running time for class \"express\""),
        BadCase(old: "    cargo: bulk\n", new: "", place: "trains[1].cargo", fragment: "required because the train has customs stops"),
        BadCase(old: "    earliest_departure: \"2026-12-01T09:00+07:00\"\n", new: "", place: "trains[1].earliest_departure", fragment: "is required"),
        BadCase(old: "min_dwell: { B: 2 }", new: "min_dwell: { A: 2 }", place: "trains[0].min_dwell.A", fragment: "not an intermediate station"),
        BadCase(old: "customs: { C: 30, D: 20 }", new: "customs: { C: 30, D: -5 }", place: "trains[0].customs.D", fragment: "out of range"),
        BadCase(old: "optional: true", new: "optional: yes", place: "trains[3].optional", fragment: "expected true or false"),
        BadCase(old: "length_m: 600", new: "length_m: 600\n    weight: 0", place: "trains[3].weight", fragment: "out of range"),
        BadCase(old: "track: B2 }", new: "track: C1 }", place: "trains[2].fixed[1].track", fragment: "not a track of B"),
        BadCase(old: "departure: \"2026-12-01T08:22+08:00\", track: B2 }", new: "departure: \"2026-12-01T08:22+08:00\" }", place: "trains[2].fixed[1].track", fragment: "is required"),
        BadCase(old: "- { station: C, arrival: \"2026-12-01T08:37+08:00\" }", new: "- { station: C, departure: \"2026-12-01T08:37+08:00\" }", place: "trains[2].fixed[2].departure", fragment: "last station has no departure"),
        BadCase(old: "      - { station: C, arrival: \"2026-12-01T08:37+08:00\" }\n", new: "", place: "trains[2].fixed", fragment: "every station of its route"),
        BadCase(old: "    fixed:\n", new: "    earliest_departure: \"2026-12-01T08:00+08:00\"\n    fixed:\n", place: "trains[2].earliest_departure", fragment: "a fixed train has no earliest_departure"),
    ]

    @Test func basicsLoads() throws {
        let instance = try Fixtures.basics()
        #expect(instance.stations.map(\.id) == ["A", "B", "C", "D", "E"])
        #expect(instance.trains.count == 5)
        #expect(instance.trains[0].earliestDeparture == 420)
        #expect(instance.trains[0].dueArrival == 620)  // 09:20+07:00 is 10:20+08:00
        #expect(instance.borders[0].slots[1].opens == 660)
        #expect(instance.station("D")?.utcOffset == UTCOffset(minutes: 420))
        #expect(instance.trains[2].fixed?[1] == FixedStop(station: "B", arrival: 500, departure: 502, track: "B2"))
    }

    @Test(arguments: badCases)
    func badInstanceNamesThePlace(_ bad: BadCase) throws {
        let yaml = try Fixtures.text("examples/basics/line.yaml")
        #expect(yaml.contains(bad.old), "fixture lacks \(bad.old)")
        let changed = yaml.replacingOccurrences(of: bad.old, with: bad.new)
        do {
            _ = try InstanceLoader.load(bytes: Array(changed.utf8), format: .yaml)
            Issue.record("accepted: \(bad.place)")
        } catch {
            let match = error.problems.contains { $0.place == bad.place && $0.description.contains(bad.fragment) }
            #expect(match, "got \(error.problems.map(\.description))")
        }
    }

    @Test func everyProblemIsListedAtOnce() throws {
        let yaml = try Fixtures.text("examples/basics/line.yaml")
            .replacingOccurrences(of: "route: [A, B, C, D, E]", with: "route: [A, B, PXX, D, E]")
            .replacingOccurrences(of: "horizon_minutes: 1440", with: "horizon_minutes: -1")
            .replacingOccurrences(of: "length_m: 450", with: "length_m: big")
        do {
            _ = try InstanceLoader.load(bytes: Array(yaml.utf8), format: .yaml)
            Issue.record("accepted")
        } catch {
            #expect(Set(error.problems.map(\.place)) == ["horizon_minutes", "trains[0].route[2]", "trains[1].length_m"])
        }
    }

    @Test func jsonAndYamlReadTheSame() throws {
        let json = """
        {"name": "tiny", "start": "2026-12-01T00:00Z", "horizon_minutes": 600,
         "stations": [{"id": "A", "utc_offset": "+00:00"}, {"id": "B", "utc_offset": "+01:00", "tracks": [{"id": "B1", "length_m": 500.5}]}],
         "sections": [{"from": "A", "to": "B", "tracks": 1, "running_minutes": {"freight": 10}, "headway_minutes": 0}],
         "trains": [{"id": "T1", "class": "freight", "length_m": 400, "route": ["A", "B"], "earliest_departure": "2026-12-01T01:00+01:00"}]}
        """
        let yaml = """
        name: tiny
        start: 2026-12-01T00:00Z
        horizon_minutes: 600
        stations:
          - { id: A, utc_offset: "+00:00" }
          - { id: B, utc_offset: "+01:00", tracks: [ { id: B1, length_m: 500.5 } ] }
        sections:
          - { from: A, to: B, tracks: 1, running_minutes: { freight: 10 }, headway_minutes: 0 }
        trains:
          - { id: T1, class: freight, length_m: 400, route: [A, B], earliest_departure: "2026-12-01T01:00+01:00" }
        """
        let fromJSON = try InstanceLoader.load(bytes: Array(json.utf8), format: .json)
        let fromYAML = try InstanceLoader.load(bytes: Array(yaml.utf8), format: .yaml)
        #expect(fromJSON.trains == fromYAML.trains)
        #expect(fromJSON.stations == fromYAML.stations)
        #expect(fromJSON.sections == fromYAML.sections)
        #expect(fromJSON.trains[0].earliestDeparture == 0)
        #expect(fromJSON.stations[1].tracks[0].lengthMeters == 500.5)
    }

    @Test func yamlUsesTheCoreSchema() throws {
        // YAML 1.1 would read `no` as false and 22:00 as a number; the core schema keeps them strings.
        let tree = try YAMLReader.parse(Array("a: no\nb: 22:00\nc: 0o17\nd: 0x1F\ne: 1.5e3\nf: ~\ng: \"true\"\nh: True\n".utf8))
        #expect(tree == .object([
            ("a", .string("no")), ("b", .string("22:00")), ("c", .integer(15)), ("d", .integer(31)),
            ("e", .number(1500)), ("f", .null), ("g", .string("true")), ("h", .bool(true)),
        ]))
    }

    static let hostile: [(String, [UInt8])] = [
        ("empty.json", []),
        ("empty.yaml", []),
        ("spaces.yaml", Array("   \n\n".utf8)),
        ("invalid-utf8.json", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]),
        ("invalid-utf8.yaml", [0x61, 0x3A, 0x20, 0xC3, 0x28]),
        ("deep.json", Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)),
        ("deep-objects.json", Array((String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)).utf8)),
        ("deep.yaml", Array(("a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)),
        ("deep-block.yaml", Array((0..<3000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n").utf8)),
        ("huge-numbers.json", Array("{\"name\": \"x\", \"start\": \"2026-12-01T00:00Z\", \"horizon_minutes\": 1e999, \"stations\": [], \"sections\": [], \"trains\": [{\"id\": \"T\", \"class\": \"f\", \"length_m\": 123456789012345678901234567890, \"route\": [], \"weight\": -99999999999999999999}]}".utf8)),
        ("huge-numbers.yaml", Array("name: x\nstart: \"2026-12-01T00:00Z\"\nhorizon_minutes: 99999999999999999999999\nstations: []\nsections: []\ntrains: []\n".utf8)),
        ("not-a-mapping.json", Array("[1, 2, 3]".utf8)),
        ("scalar.yaml", Array("just a string".utf8)),
        ("alias-bomb.yaml", Array("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n".utf8)),
        ("truncated.json", Array("{\"name\": \"x\", \"stations\": [".utf8)),
        ("nul.json", [0x7B, 0x00, 0x7D]),
    ]

    @Test(arguments: hostile.map(\.0))
    func hostileInputIsRejectedWithoutACrash(_ name: String) {
        let bytes = InstanceLoaderTests.hostile.first { $0.0 == name }!.1
        let format: DocumentFormat = name.hasSuffix(".json") ? .json : .yaml
        #expect(throws: InputError.self) { try InstanceLoader.load(bytes: bytes, format: format, file: name) }
    }

    @Test func fiveMegabytesOfGarbage() {
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<(5 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: InputError.self) { try InstanceLoader.load(bytes: garbage, format: .json) }
        #expect(throws: InputError.self) { try InstanceLoader.load(bytes: garbage, format: .yaml) }
        let printable = garbage.map { 0x20 + $0 % 0x5F }
        #expect(throws: InputError.self) { try InstanceLoader.load(bytes: printable, format: .yaml) }
        #expect(throws: InputError.self) { try InstanceLoader.load(bytes: printable, format: .json) }
    }

    @Test func missingFileAndDirectory() {
        #expect(throws: InputError.self) { try InstanceLoader.load(path: "/nonexistent/instance.yaml") }
        #expect(throws: InputError.self) { try InstanceLoader.load(path: Fixtures.path("examples")) }
    }
}
