import Foundation
import MIP
import RailDomain

/// Branch and price on the path formulation, after column generation has converged at the root:
/// each node restricts some trains (`BranchingRestriction`), its master keeps only the runs they
/// admit, and the same exact single-train search prices new runs inside the restrictions, so a
/// node's converged LP value bounds every timetable of its branch. Nodes go best bound first.
///
/// The master leaves out some of the spec's rules (the order of two trains inside a section, part
/// of the same-way headway on single track): an integral LP that the validator rejects for a
/// headway or meet between two trains splits on their entry minutes into that section (`entrySplit`:
/// the first earlier / later, or at its minute with the second earlier / later); both at their
/// minutes is left out, since those rules depend on the minutes alone. The tree's bound is valid
/// for the spec's problem: the least bound of its open nodes, or the best cost once no node is left.
struct BranchAndPrice {
    let setting: RelaxationSetting
    let lazyRows: Bool
    private(set) var pool: [PathColumn]
    private var seen: Set<TrainRun>
    /// The best timetable the tree found (every run validated together) and its cost.
    private(set) var best: (runs: [TrainRun], cost: Int)?
    private(set) var nodes = 0
    /// Nodes left open because no split here decides them (the LP fractional only in tracks, or a
    /// broken rule other than headway and meet): while one is left the tree cannot close.
    var unresolvedNodes: Int { unresolved.count }
    private var unresolved: [Double] = []
    /// Whether every node was pruned: then no timetable costs less than `upperBound`.
    private(set) var exhausted = false
    /// A bound for the spec's problem, as far as the tree got.
    private(set) var bound: Double

    private struct Node {
        var restrictions: [Int: BranchingRestriction]
        var bound: Double
        var depth: Int
        /// The parent's last basis: best bound first jumps across the tree, and from the last
        /// node's basis the dual simplex took about 1,500 iterations per node on the Pingxiang day
        /// (from the parent's about 170: 7.4 s of its tree's LP time became 1.4 s).
        var basis: LPBasis?
    }

    private enum Outcome {
        case pruned
        case split([[Int: BranchingRestriction]], bound: Double, basis: LPBasis?)
        /// The LP is fractional only where no split decides, or broke a rule the minutes do not
        /// decide: the node stays open with its bound.
        case unresolved(bound: Double)
        case interrupted(bound: Double)
    }

    /// `setting` may be tighter than the generation's (fewer runs priced): its pool stays valid.
    init(_ generation: ColumnGeneration, setting: RelaxationSetting, rootBound: Double) {
        self.setting = setting
        lazyRows = generation.lazyRows
        pool = generation.pool
        seen = generation.seen
        bound = rootBound
    }

    /// Explores the tree until it is exhausted, `deadline` or `stop`; `report` hears every better
    /// bound. `upperBound` is a timetable's cost: only cheaper ones are sought.
    /// `known` tells the cost of the best timetable found elsewhere meanwhile (the planner's);
    /// `found` hears each cheaper timetable the tree finds, when it finds it.
    mutating func run(_ lp: any IncrementalLP, upperBound: Int, until deadline: ContinuousClock.Instant, stop: CancellationToken?,
                      incumbent known: (@Sendable () -> Int)? = nil, found: (([TrainRun]) -> Void)? = nil,
                      report: (@Sendable (Double) -> Void)?) {
        let instance = setting.instance
        guard let master = try? IncrementalMaster(lp: lp, instance: instance, lazyRows: lazyRows),
              (try? master.add(0..<pool.count, of: pool)) != nil,
              // Dear stand-ins: at the best cost + 1 the LP used them in part and the Pingxiang
              // tree's bound after 10 nodes was 39364 instead of 122950.
              let standIns = try? master.addStandIns(for: setting.movable, cost: 10 * Double(max(upperBound, 1)) + 1000) else { return }
        var state = NodeState(master: master, standIns: standIns)
        var incumbent = upperBound
        var open = [Node(restrictions: [:], bound: bound, depth: 0, basis: nil)]
        unresolved = []
        func treeBound(_ current: Double) -> Double {
            min(Double(incumbent), (open.map(\.bound) + unresolved + [current]).min()!)
        }
        while !open.isEmpty {
            if ContinuousClock.now >= deadline || stop?.isCancelled == true { break }
            // Best bound first; the deepest among equals, to reach timetables sooner.
            let pick = open.indices.min { (open[$0].bound, -open[$0].depth) < (open[$1].bound, -open[$1].depth) }!
            let node = open.remove(at: pick)
            incumbent = min(incumbent, known?() ?? .max)
            if node.bound > Double(incumbent - 1) + 1e-6 { continue }
            nodes += 1
            let before = incumbent
            switch solve(node, state: &state, lp: lp, incumbent: &incumbent, until: deadline, stop: stop) {
            case .pruned:
                if incumbent < before, let best { found?(best.runs) }
            case .split(let children, let value, let basis):
                open += children.map { Node(restrictions: $0, bound: max(node.bound, value), depth: node.depth + 1, basis: basis) }
            case .unresolved(let value):
                unresolved.append(max(node.bound, value))
            case .interrupted(let value):
                open.append(Node(restrictions: node.restrictions, bound: max(node.bound, value), depth: node.depth, basis: node.basis))
            }
            let now = treeBound(.infinity)
            if now > bound + 1e-9 {
                bound = now
                report?(bound)
            }
        }
        open.removeAll { $0.bound > Double(incumbent - 1) + 1e-6 }
        exhausted = open.isEmpty && unresolved.isEmpty
        bound = max(bound, exhausted ? Double(incumbent) : treeBound(.infinity))
        report?(bound)
    }

    /// The master's state across nodes: which pool columns are enabled, the stand-ins.
    private struct NodeState {
        let master: IncrementalMaster
        let standIns: [Int: Int]
        var enabled: [Bool] = []
        var leaveOutBounds: [Int: (Double, Double)] = [:]
    }

    /// Sets the master's column bounds to the node's restrictions.
    /// A run costing at least `incumbent` is in no cheaper timetable (costs are ≥ 0): it is left out too.
    private func restrict(_ state: inout NodeState, to restrictions: [Int: BranchingRestriction], incumbent: Int,
                          lp: any IncrementalLP) throws(MIPError) {
        var changes: [(column: Int, lower: Double, upper: Double)] = []
        while state.enabled.count < pool.count { state.enabled.append(true) }
        for (p, column) in pool.enumerated() {
            let admitted = column.cost < incumbent && (restrictions[column.train]?.admits(column.run) ?? true)
            if admitted != state.enabled[p] {
                changes.append((state.master.lpColumn[p], 0, admitted ? 1 : 0))
                state.enabled[p] = admitted
            }
        }
        for (train, column) in state.master.leaveOut {
            let wanted: (Double, Double) = switch restrictions[train]?.scheduled {
            case true: (0, 0)
            case false: (1, 1)
            case nil: (0, 1)
            }
            if let now = state.leaveOutBounds[train], now == wanted { continue }
            changes.append((column, wanted.0, wanted.1))
            state.leaveOutBounds[train] = wanted
        }
        try lp.setColumnBounds(changes)
    }

    /// Column generation inside one node, then what to do with it.
    private mutating func solve(_ node: Node, state: inout NodeState, lp: any IncrementalLP, incumbent: inout Int,
                                until deadline: ContinuousClock.Instant, stop: CancellationToken?) -> Outcome {
        let instance = setting.instance
        guard (try? restrict(&state, to: node.restrictions, incumbent: incumbent, lp: lp)) != nil else { return .interrupted(bound: node.bound) }
        // Without the parent's basis the LP goes on from the last node's: as valid, if slower.
        if let basis = node.basis { try? lp.restore(basis) }
        var nodeBound = node.bound
        let cutoff = Double(incumbent - 1) + 1e-6
        while true {
            if ContinuousClock.now >= deadline || stop?.isCancelled == true { return .interrupted(bound: nodeBound) }
            guard let result = try? lp.solve(timeLimitSeconds: max(0, (deadline - ContinuousClock.now).seconds)) else {
                return .interrupted(bound: nodeBound)
            }
            // The node's LP relaxes its timetables: no LP solution, no timetable.
            if result.termination == .infeasible { return .pruned }
            guard result.termination == .optimal, result.duals.count == state.master.rows.count,
                  let value = result.objective else { return .interrupted(bound: nodeBound) }
            // A row the LP breaks is written and the LP solved again before its duals price runs.
            guard let written = try? state.master.separate(result.values, of: pool) else { return .interrupted(bound: nodeBound) }
            if written > 0 { continue }
            let prices = MasterProblem.prices(rows: state.master.rows, duals: result.duals, setting: setting)
            let evaluation = setting.evaluate(prices.multipliers, prices.directions, restrictions: node.restrictions)
            if evaluation.unplaceable { return .pruned }
            nodeBound = max(nodeBound, evaluation.bound)
            if nodeBound > cutoff { return .pruned }
            let point = DualPoint(multipliers: prices.multipliers, directions: prices.directions)
            let before = pool.count
            for (index, run) in evaluation.runs.sorted(by: { $0.key < $1.key }) {
                let column = PathColumn(train: index, run: run, instance: instance, layout: setting.layout)
                guard Double(column.cost) + point.price(of: column) < (prices.convexity[index] ?? .infinity) - 1e-6 else { continue }
                var key = run
                key.reason = nil
                guard seen.insert(key).inserted else { continue }
                pool.append(column)
            }
            if pool.count > before {
                guard (try? state.master.add(state.master.lpColumn.count..<pool.count, of: pool)) != nil else { return .interrupted(bound: nodeBound) }
                continue
            }
            // Converged: the LP's value bounds the node.
            nodeBound = max(nodeBound, value)
            if nodeBound > cutoff { return .pruned }
            return decide(node, values: result.values, basis: try? lp.basis(), state: state, nodeBound: nodeBound, incumbent: &incumbent)
        }
    }

    /// After the node's LP converged below the cutoff: a timetable, a split, or neither.
    private mutating func decide(_ node: Node, values: [Double], basis: LPBasis?, state: NodeState, nodeBound: Double,
                                 incumbent: inout Int) -> Outcome {
        let instance = setting.instance
        var chosen: [(train: Int, run: TrainRun, value: Double)] = []
        for (p, column) in pool.enumerated() where p < state.master.lpColumn.count {
            let value = values[state.master.lpColumn[p]]
            if value > 1e-9 { chosen.append((column.train, column.run, value)) }
        }
        let leaveOut = state.master.leaveOut.mapValues { values[$0] }
        let fixed = Set(instance.trains.indices.filter { instance.trains[$0].isFixed })
        let fractionalLeaveOut = leaveOut.filter { $0.value > 1e-6 && $0.value < 1 - 1e-6 }
        let fractional = Dictionary(grouping: chosen, by: \.train).contains { $0.value.allSatisfy { $0.value < 1 - 1e-6 } }
            || state.standIns.contains { values[$0.value] > 1e-6 }
        if fractional || !fractionalLeaveOut.isEmpty {
            guard let choice = BranchingChoice.mostBalanced(values: chosen, leaveOut: fractionalLeaveOut, restrictions: node.restrictions,
                                                            fixed: fixed) else { return .unresolved(bound: nodeBound) }
            let current = node.restrictions[choice.train] ?? BranchingRestriction()
            return .split(choice.children(of: current).map { child in
                var restrictions = node.restrictions
                restrictions[choice.train] = child
                return restrictions
            }, bound: nodeBound, basis: basis)
        }
        // Integral: one run per train (or left out). The validator decides.
        var runs = instance.trains.map { TrainRun(train: $0.id, scheduled: false) }
        for entry in chosen where entry.value > 1 - 1e-6 { runs[entry.train] = entry.run }
        var candidate = Schedule(instance: instance.name, status: .feasible, trains: runs)
        let cost = ScheduleCost.compute(candidate, for: instance).total
        candidate.objective = cost
        let violations = ScheduleValidator.validate(candidate, against: instance)
        if violations.isEmpty {
            if cost < incumbent {
                incumbent = cost
                best = (runs, cost)
            }
            return .pruned
        }
        // A rule the master leaves out (headway, meet): it depends only on the two trains' entry
        // minutes into the section, so the node splits into: a earlier, a later, a at its minute
        // with b earlier, a at its minute with b later. Where both are pinned there, no child is left.
        guard let violation = violations.first(where: { [.headway, .meet].contains($0.rule) && $0.trains.count == 2 }),
              let split = entrySplit(violation, runs: runs, node: node) else { return .unresolved(bound: nodeBound) }
        return split.isEmpty ? .pruned : .split(split, bound: nodeBound, basis: basis)
    }

    /// The children of a headway or meet violation between two trains' runs, from the entry
    /// minutes the validator names; nil if the places cannot be found.
    private func entrySplit(_ violation: Violation, runs: [TrainRun], node: Node) -> [[Int: BranchingRestriction]]? {
        let instance = setting.instance
        guard violation.minutes.count >= 2, let place = violation.place else { return nil }
        let entries = violation.rule == .meet && violation.minutes.count >= 4 ? [violation.minutes[0], violation.minutes[2]]
                                                                              : [violation.minutes[0], violation.minutes[1]]
        var sides: [(train: Int, position: Int, minute: Minute)] = []
        for (id, minute) in zip(violation.trains, entries) {
            guard let train = instance.trains.firstIndex(where: { $0.id == id }), !instance.trains[train].isFixed else { continue }
            let route = instance.trains[train].route
            guard let k = runs[train].stops.indices.dropLast().first(where: { k in
                runs[train].stops[k].departure == minute
                    && instance.sections.first(where: { $0.joins(route[k], route[k + 1]) })?.label == place
            }) else { return nil }
            sides.append((train, k, minute))
        }
        guard !sides.isEmpty else { return nil }
        var children: [[Int: BranchingRestriction]] = []
        var base = node.restrictions
        for side in sides {
            let restriction = base[side.train] ?? BranchingRestriction()
            let parts = BranchingChoice.split(restriction, position: side.position, around: side.minute, keepingMinute: true)
            // Before and after become children; "at" carries on to the other train.
            var pinned: BranchingRestriction?
            for part in parts {
                if part.windows[side.position] == side.minute...side.minute {
                    pinned = part
                } else {
                    var child = base
                    child[side.train] = part
                    children.append(child)
                }
            }
            guard let pinned else { return children }
            base[side.train] = pinned
        }
        return children
    }
}
