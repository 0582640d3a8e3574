/// One way a point fails a model: used to vet warm starts before a solver sees them and to
/// re-check every solution a backend returns.
public struct PointViolation: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case wrongLength(expected: Int, actual: Int)
        case notFinite(value: Double)
        case belowLowerBound(value: Double, bound: Double)
        case aboveUpperBound(value: Double, bound: Double)
        case notIntegral(value: Double)
    }

    public var place: ModelPlace
    public var kind: Kind

    public init(place: ModelPlace, kind: Kind) {
        self.place = place
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .wrongLength(let expected, let actual):
            "\(place): point has \(actual) values, the model has \(expected) variables"
        case .notFinite(let value):
            "\(place): value \(value) is not finite"
        case .belowLowerBound(let value, let bound):
            "\(place): \(value) is below its lower bound \(bound)"
        case .aboveUpperBound(let value, let bound):
            "\(place): \(value) is above its upper bound \(bound)"
        case .notIntegral(let value):
            "\(place): \(value) is not integral"
        }
    }
}

extension Model {
    /// Every bound, integrality and row that `point` (one value per variable, by index) breaks by
    /// more than `tolerance` (absolute, scaled up for large right-hand sides).
    public func violations(of point: [Double], tolerance: Double = 1e-6) -> [PointViolation] {
        guard point.count == variables.count else {
            return [PointViolation(place: .model, kind: .wrongLength(expected: variables.count, actual: point.count))]
        }
        var found: [PointViolation] = []
        for (index, variable) in variables.enumerated() {
            let place = ModelPlace.variable(index: index, name: variableName(at: index))
            let value = point[index]
            guard value.isFinite else {
                found.append(PointViolation(place: place, kind: .notFinite(value: value)))
                continue
            }
            let (lower, upper) = variable.effectiveBounds
            if value < lower - tolerance * Swift.max(1, abs(lower)) {
                found.append(PointViolation(place: place, kind: .belowLowerBound(value: value, bound: lower)))
            }
            if value > upper + tolerance * Swift.max(1, abs(upper)) {
                found.append(PointViolation(place: place, kind: .aboveUpperBound(value: value, bound: upper)))
            }
            if variable.isIntegral, abs(value - value.rounded()) > tolerance {
                found.append(PointViolation(place: place, kind: .notIntegral(value: value)))
            }
        }
        for (index, row) in constraints.enumerated() {
            let place = ModelPlace.constraint(index: index, name: constraintName(at: index))
            var activity = 0.0
            for term in row.terms where owns(term.variable) { activity += term.coefficient * point[term.variable.index] }
            let lower = row.bounds.lower, upper = row.bounds.upper
            if activity < lower - tolerance * Swift.max(1, abs(lower)) {
                found.append(PointViolation(place: place, kind: .belowLowerBound(value: activity, bound: lower)))
            }
            if activity > upper + tolerance * Swift.max(1, abs(upper)) {
                found.append(PointViolation(place: place, kind: .aboveUpperBound(value: activity, bound: upper)))
            }
        }
        return found
    }

    /// The objective's value (constant included) at `point`.
    public func objectiveValue(at point: [Double]) -> Double {
        objective.expression.value(at: point)
    }
}
