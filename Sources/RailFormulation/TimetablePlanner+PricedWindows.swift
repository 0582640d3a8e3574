import MIP
import RailDomain

extension PlanRun {
    /// Windows grow with the gap: beyond a quarter of the best cost they are far too wide to
    /// build (20 bench trains at a gap of 8% already give 21,000 columns), so computing them is
    /// not worth it.
    var pricedWindowsPromising: Bool {
        guard let best, best.cost > 0 else { return false }
        return (Double(best.cost) - knownBound) / Double(best.cost) < 0.25
    }

    /// Column generation has ended but is not settled yet: its timetables and bound are waiting,
    /// and then perhaps a model inside priced windows.
    var columnGenerationUnsettled: Bool {
        background?.hasEnded(waiting: 0) == true
    }

    /// With the best bound's prices: the model inside `PricedWindows`, which holds every timetable
    /// cheaper than the best, solved with the time left. True when that proves the best timetable
    /// optimal (no model needed, the model infeasible, or solved to optimality — a better
    /// timetable it finds becomes the best first); otherwise its bound, if any, is kept.
    mutating func solveInsidePricedWindows(room: [Int]) throws(PlanError) -> Bool {
        guard pricedWindowsPromising, let best, best.cost != pricedWindowsTried, let point = lagrangian?.point, let relaxationUpperBound, !proves(knownBound),
              !withinGap(knownBound), options.cancellation?.isCancelled != true, (remaining ?? 60) > 1 else { return false }
        pricedWindowsTried = best.cost
        let setting = RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: relaxationUpperBound)
        let upperBound = best.cost
        // Each train's cost budget bounds its waiting too (`safeExtra`): both restrictions are safe.
        let extra = safeExtra(budget: upperBound, totalLowerBound: lowerBounds.reduce(0, +), room: room)
        switch PricedWindows.compute(setting: setting, point: point, upperBound: upperBound, room: extra) {
        case .noBetterTimetable:
            return true
        case .windows(let limits):
            // The estimate counts every stop option over both windows: about four times the columns
            // built. Priced windows hold a model that may prove optimality: worth twice the usual size.
            guard TimetableModel.estimatedColumns(instance, extra: extra, limits: limits) <= 8 * options.maximumColumns else { return false }
            let outcome = try solveRound(rounds.count + 1, extra: extra, limits: limits)
            switch outcome.termination {
            case .optimal, .infeasible:
                return true
            default:
                // Timetables outside the windows cost at least `upperBound`.
                if let bound = outcome.bound { pricedModelBound = max(pricedModelBound ?? 0, min(bound, Double(upperBound))) }
                return proves(knownBound)
            }
        }
    }
}
