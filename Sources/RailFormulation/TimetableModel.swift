import MIP
import RailDomain

/// A border slot a train may take, with its model variable.
struct SlotChoice {
    let border: Border
    let slot: BorderSlot
    let variable: Variable
}

/// The MIP of spec sections 4–5 for one instance, with each train restricted to some extra
/// waiting (minutes of delay and dwell beyond what it must wait even alone), and the map back
/// from variables to railways.
///
/// Built as a time-indexed step model (see docs/formulation.md): per train, a departure step at
/// its origin and, at every intermediate stop, arrival and departure steps per option (pass, or
/// a track class); capacity is counted per minute: tracks per class, sections per direction,
/// headway windows, border slots.
public struct TimetableModel {
    public let instance: Instance
    public internal(set) var model: Model
    /// Per instance train; nil if the train cannot run inside its window (left out).
    var trains: [TrainVariables?]
    var slotChoices: [[SlotChoice]]
    let classes: [StationID: [TrackClass]]
    /// The direction binary of a single-track section at a minute (1: trains from `from` may hold it).
    let directionVariables: [(section: Int, minute: Minute, variable: Variable)]
    /// The extra waiting each train was given.
    public let extra: [Int]

    /// Builds the model. `extra[i]` is the most minutes train i may wait beyond its forced wait.
    /// `around[i]`, when given, keeps train i within `margin` minutes of those departures;
    /// `limits[i]` keeps it to those departure minutes at each route position.
    public static func build(_ instance: Instance, extra: [Int], around: [Int: [Minute]] = [:], margin: Int = 0,
                             limits: [Int: DepartureLimit] = [:]) -> TimetableModel {
        var builder = TimetableBuilder(instance: instance, extra: extra)
        builder.limits = limits
        builder.around = around
        builder.margin = margin
        builder.buildTrains()
        builder.addTrackOccupancy()
        builder.addHeadways()
        builder.addSingleTrackMeets()
        builder.addBorderSlots()
        builder.setObjective()
        return TimetableModel(instance: instance, model: builder.model, trains: builder.trains, slotChoices: builder.slotChoices,
                              classes: builder.classes, directionVariables: builder.directionVariables, extra: extra)
    }
}

extension TimetableModel {
    /// About how many columns `build(instance, extra:)` would make, without making them: steps of
    /// the origin and of every stop option over the windows. Lets the planner decline a model
    /// before it fills memory (a year-long horizon with wide windows would).
    public static func estimatedColumns(_ instance: Instance, extra: [Int], limits: [Int: DepartureLimit] = [:]) -> Int {
        var total = 0
        for (index, train) in instance.trains.enumerated() {
            guard let windows = TrainWindows.make(for: train, extra: extra[index], limit: limits[index], instance: instance) else { continue }
            let widths = (0..<windows.earliestDeparture.count).map { windows.departureMinutes($0).count }
            total += widths.first ?? 0
            for k in 1..<max(1, widths.count) {
                let options = 1 + (instance.station(train.route[k])?.tracks.count ?? 0)
                total += options * 2 * (widths[k - 1] + widths[k])
            }
        }
        return total
    }
}

/// Assembles a `TimetableModel`; each constraint family is one method in its own file.
struct TimetableBuilder {
    let instance: Instance
    let extra: [Int]
    var model: Model
    var trains: [TrainVariables?] = []
    var slotChoices: [[SlotChoice]] = []
    var directionVariables: [(section: Int, minute: Minute, variable: Variable)] = []
    let classes: [StationID: [TrackClass]]
    /// Trains held near known departures (neighbourhood search), and how near.
    var around: [Int: [Minute]] = [:]
    var margin = 0
    /// Per train, departure minutes per route position that every better timetable keeps to.
    var limits: [Int: DepartureLimit] = [:]
    /// The rows `row(_:_:)` has added, to add none twice.
    private var rowsAdded: Set<RowKey> = []

    init(instance: Instance, extra: [Int]) {
        self.instance = instance
        self.extra = extra
        self.model = Model(name: ModelNames.sanitize(instance.name))
        var classes: [StationID: [TrackClass]] = [:]
        for station in instance.stations { classes[station.id] = TrackClass.classes(of: station) }
        self.classes = classes
    }

    /// Adds a row named after its constraint family (`running_17`), so that a violated row says
    /// which rule of the spec it stands for. A row that repeats one already added, or that holds
    /// whatever the variables are, is left out: where limits leave gaps in the steps, the rows of
    /// neighbouring minutes often come out the same.
    mutating func row(_ family: String, _ constraint: LinearConstraint) {
        let normal = constraint.expression.normalized()
        let bounds = constraint.bounds.shifted(by: normal.constant)
        if normal.terms.isEmpty, bounds.lower <= 0, bounds.upper >= 0 { return }
        guard rowsAdded.insert(RowKey(terms: normal.terms, bounds: bounds)).inserted else { return }
        model.addConstraint(LinearExpression(terms: normal.terms), bounds, name: "\(family)_\(model.constraintCount + 1)")
    }

    /// Ranges of minutes that overlap among at least two of `ranges`.
    static func contested(_ ranges: [ClosedRange<Minute>]) -> [ClosedRange<Minute>] {
        var events: [(Minute, Int)] = []
        for range in ranges {
            events.append((range.lowerBound, 1))
            events.append((range.upperBound + 1, -1))
        }
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var result: [ClosedRange<Minute>] = []
        var depth = 0
        var start: Minute?
        for (time, delta) in events {
            let before = depth
            depth += delta
            if before < 2, depth >= 2 { start = time }
            if before >= 2, depth < 2, let s = start {
                if time - 1 >= s { result.append(s...(time - 1)) }
                start = nil
            }
        }
        return result
    }
}

/// A row's normalized terms and bounds, to recognise a row added before.
private struct RowKey: Hashable {
    let indices: [Int]
    let coefficients: [Double]
    let lower: Double
    let upper: Double

    init(terms: [Term], bounds: RowBounds) {
        indices = terms.map(\.variable.index)
        coefficients = terms.map(\.coefficient)
        lower = bounds.lower
        upper = bounds.upper
    }
}
