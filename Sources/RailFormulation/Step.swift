import MIP
import RailDomain

/// A nondecreasing 0/1 sequence over the minutes `lo...hi`: `at(t)` is 1 once the event (a
/// departure, an arrival on a track) has happened by minute `t`. This "step" form of a
/// time-indexed model keeps every time-coupling row at two or a few non-zeros; it has the same
/// LP relaxation as the pulse form (one variable per event and minute).
struct Step {
    let lo: Minute
    let hi: Minute
    /// One binary per minute `lo...hi`; the last is the final value (the event happens at all).
    let variables: [Variable]

    var final: Variable { variables[variables.count - 1] }

    /// 0 before the window, the final value after it.
    func at(_ t: Minute) -> LinearExpression {
        if t < lo { return LinearExpression() }
        return LinearExpression(variables[min(t, hi) - lo])
    }

    /// Adds the binaries and the rows `x[t] <= x[t+1]`.
    static func add(to model: inout Model, lo: Minute, hi: Minute, name: String) -> Step {
        precondition(hi >= lo)
        var variables: [Variable] = []
        variables.reserveCapacity(hi - lo + 1)
        for t in lo...hi { variables.append(model.addBinary("\(name)_t\(t)")) }
        for index in 0..<(variables.count - 1) {
            model.addConstraint(LinearExpression(terms: [Term(variables[index], 1), Term(variables[index + 1], -1)]), .lessOrEqual(0),
                                name: "step_\(model.constraintCount + 1)")
        }
        return Step(lo: lo, hi: hi, variables: variables)
    }

    /// The minute the event happens, read from a solution: the first minute whose value is 1.
    func minute(in values: [Double]) -> Minute? {
        for (offset, variable) in variables.enumerated() where values[variable.index] > 0.5 { return lo + offset }
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
