import MIP
import RailDomain

/// A nondecreasing 0/1 sequence over some minutes (ascending; all of `lo...hi`, or fewer when a
/// limit leaves gaps): `at(t)` is 1 once the event (a departure, an arrival on a track) has
/// happened by minute `t`, and the event can happen only at those minutes. This "step" form of
/// a time-indexed model keeps every time-coupling row at two or a few non-zeros; it has the same
/// LP relaxation as the pulse form (one variable per event and minute).
struct Step {
    /// The minutes the event may happen at, ascending; one binary each.
    let minutes: [Minute]
    /// The last is the final value (the event happens at all).
    let variables: [Variable]
    /// True when `minutes` is every minute from the first to the last.
    private let isContiguous: Bool

    var lo: Minute { minutes[0] }
    var hi: Minute { minutes[minutes.count - 1] }
    var final: Variable { variables[variables.count - 1] }

    /// 0 before the first minute, then the value at the last minute up to `t`.
    func at(_ t: Minute) -> LinearExpression {
        guard let position = position(atOrBefore: t) else { return LinearExpression() }
        return LinearExpression(variables[position])
    }

    /// Index of the last minute at or before `t`; nil before the first.
    private func position(atOrBefore t: Minute) -> Int? {
        if t < lo { return nil }
        if t >= hi { return minutes.count - 1 }
        if isContiguous { return t - lo }
        var low = 0, high = minutes.count - 1  // minutes[low] <= t < minutes[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if minutes[middle] <= t { low = middle } else { high = middle }
        }
        return low
    }

    /// Adds the binaries and the rows `x[t] <= x[t']` for consecutive minutes t < t'.
    static func add(to model: inout Model, minutes: [Minute], name: String) -> Step {
        precondition(!minutes.isEmpty && zip(minutes, minutes.dropFirst()).allSatisfy { $0 < $1 })
        var variables: [Variable] = []
        variables.reserveCapacity(minutes.count)
        for t in minutes { variables.append(model.addBinary("\(name)_t\(t)")) }
        for index in 0..<(variables.count - 1) {
            model.addConstraint(LinearExpression(terms: [Term(variables[index], 1), Term(variables[index + 1], -1)]), .lessOrEqual(0),
                                name: "step_\(model.constraintCount + 1)")
        }
        return Step(minutes: minutes, variables: variables, isContiguous: minutes[minutes.count - 1] - minutes[0] == minutes.count - 1)
    }

    /// The index of `minute` among the step's minutes; nil if the event cannot happen then.
    func index(of minute: Minute) -> Int? {
        guard minute >= lo, minute <= hi, let position = position(atOrBefore: minute), minutes[position] == minute else { return nil }
        return position
    }

    /// The minute the event happens, read from a solution: the first minute whose value is 1.
    func minute(in values: [Double]) -> Minute? {
        for (offset, variable) in variables.enumerated() where values[variable.index] > 0.5 { return minutes[offset] }
        return nil
    }
}

/// Names of model variables and rows: built here only, from the train's index (unique) and id
/// (readable), with characters LP files do not allow replaced.
enum ModelNames {
    static func sanitize(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }.prefix(60))
    }

    static func train(_ index: Int, _ id: String) -> String { "t\(index)_\(sanitize(id))" }
}
