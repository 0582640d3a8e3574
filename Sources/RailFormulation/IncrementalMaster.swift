import MIP
import RailDomain

/// The master LP of column generation (the path formulation of `MasterProblem`), kept in the
/// backend between rounds so that each solve starts from the last basis.
///
/// Its rows stay put as columns arrive: a line's rows sit at the first minute of each use on it
/// (its "anchors"). The uses covering any minute also cover the latest anchor at or before it (the
/// use starting last among them), so rows at anchors imply the rows at every minute — the maximal
/// cliques of intervals. An anchor whose uses all still run at the next anchor is implied by it
/// and gets no row. A row is written once more trains than the line's capacity meet at its
/// anchor; a direction variable `y` once both ways meet there.
final class IncrementalMaster {
    private let lp: any IncrementalLP
    private let instance: Instance
    private let capacities: [String: Int]
    /// Per pool column: its LP column. Per train: its convexity row and (optional trains) leave-out column.
    private(set) var lpColumn: [Int] = []
    private var convexity: [Int: Int] = [:]
    private(set) var leaveOut: [Int: Int] = [:]

    private struct Use {
        var column: Int
        var from: Minute
        var to: Minute
        var forward: Bool
    }

    private struct Anchor {
        /// Capacity lines: the row, once written.
        var row: Int?
        /// Hold lines: the direction variable and each train's row.
        var direction: Int?
        var trainRows: [Int: Int] = [:]
    }

    private var uses: [ResourceLine: [Use]] = [:]
    private var anchors: [ResourceLine: [Minute: Anchor]] = [:]
    /// What each row means, for turning duals into prices.
    private(set) var rows: [MasterProblem.RowMeaning] = []

    init(lp: any IncrementalLP, instance: Instance) throws(MIPError) {
        self.lp = lp
        self.instance = instance
        var capacities: [String: Int] = [:]
        for border in instance.borders {
            for slot in border.slots { capacities["\(border.id)/\(slot.id)"] = slot.capacity }
        }
        self.capacities = capacities
        // One convexity row per train: Σ λ + ℓ = 1.
        let first = try lp.addRows(instance.trains.map { _ in SparseRow(terms: [], bounds: .equal(1)) }).lowerBound
        for index in instance.trains.indices {
            convexity[index] = first + index
            rows.append(.convexity(train: index))
        }
        let optional = instance.trains.indices.filter { instance.trains[$0].isOptional && !instance.trains[$0].isFixed }
        let columns = optional.map { index in
            SparseColumn(cost: Double(instance.trains[index].weight * instance.objective.unscheduledPenalty), lowerBound: 0, upperBound: 1,
                         terms: [(first + index, 1)])
        }
        let added = try lp.addColumns(columns)
        for (k, index) in optional.enumerated() { leaveOut[index] = added.lowerBound + k }
    }

    private func capacity(of line: ResourceLine) -> Int {
        if case .slot(let key) = line { return capacities[key] ?? 1 }
        return 1
    }

    /// Adds pool columns `newColumns` (indices into `pool`, in order, after those already added):
    /// first the rows they make bind, then the columns themselves.
    func add(_ newColumns: Range<Int>, of pool: [PathColumn]) throws(MIPError) {
        guard !newColumns.isEmpty else { return }
        var touched: Set<ResourceLine> = []
        for p in newColumns {
            for use in pool[p].uses {
                uses[use.line, default: []].append(Use(column: p, from: use.from, to: use.to, forward: use.forward))
                if anchors[use.line]?[use.from] == nil { anchors[use.line, default: [:]][use.from] = Anchor() }
                touched.insert(use.line)
            }
        }
        let old = { (p: Int) in p < newColumns.lowerBound }
        var newRows: [SparseRow] = []
        var meanings: [MasterProblem.RowMeaning] = []
        // Hold anchors getting their direction variable now: their rows, then the variable.
        var pendingDirections: [(line: ResourceLine, minute: Minute, rows: [(offset: Int, forward: Bool)])] = []
        for line in touched.sorted(by: { "\($0)" < "\($1)" }) {
            let list = uses[line]!
            let sorted = anchors[line]!.sorted(by: { $0.key < $1.key })
            // Only anchors a new use covers can change: finding them among the few new uses first
            // keeps a round that adds a handful of runs from scanning every use at every anchor.
            let fresh = list.filter { !old($0.column) }
            for (k, (minute, anchor)) in sorted.enumerated() {
                guard fresh.contains(where: { $0.from <= minute && minute < $0.to }) else { continue }
                let covering = list.filter { $0.from <= minute && minute < $0.to }
                // Every use here still runs at the next anchor: that anchor's rows imply these.
                if k + 1 < sorted.count, anchor.row == nil, anchor.direction == nil,
                   covering.allSatisfy({ $0.to > sorted[k + 1].key }) { continue }
                if case .hold(let section) = line {
                    let trainsByWay = Dictionary(grouping: covering, by: { pool[$0.column].train })
                    let ways = Set(covering.map(\.forward))
                    if let direction = anchor.direction {
                        // New trains at an anchor with its variable: their rows, with y already there.
                        for (train, group) in trainsByWay.sorted(by: { $0.key < $1.key }) where anchor.trainRows[train] == nil {
                            let forward = group[0].forward
                            var terms = group.filter { old($0.column) }.map { (lpColumn[$0.column], 1.0) }
                            terms.append((direction, forward ? -1 : 1))
                            anchors[line]![minute]!.trainRows[train] = lp.rowCount + newRows.count
                            newRows.append(SparseRow(terms: terms, bounds: .lessOrEqual(forward ? 0 : 1)))
                            meanings.append(.hold(train: train, section: section, minute: minute))
                        }
                    } else if ways.count == 2 {
                        var pending: [(offset: Int, forward: Bool)] = []
                        for (train, group) in trainsByWay.sorted(by: { $0.key < $1.key }) {
                            let forward = group[0].forward
                            anchors[line]![minute]!.trainRows[train] = lp.rowCount + newRows.count
                            pending.append((newRows.count, forward))
                            newRows.append(SparseRow(terms: group.filter { old($0.column) }.map { (lpColumn[$0.column], 1.0) },
                                                     bounds: .lessOrEqual(forward ? 0 : 1)))
                            meanings.append(.hold(train: train, section: section, minute: minute))
                        }
                        pendingDirections.append((line, minute, pending))
                    }
                } else if anchor.row == nil {
                    let trains = Set(covering.map { pool[$0.column].train })
                    guard trains.count > capacity(of: line) else { continue }
                    anchors[line]![minute]!.row = lp.rowCount + newRows.count
                    newRows.append(SparseRow(terms: covering.filter { old($0.column) }.map { (lpColumn[$0.column], 1.0) },
                                             bounds: .lessOrEqual(Double(capacity(of: line)))))
                    meanings.append(.capacity(line: line, minute: minute))
                }
            }
        }
        let firstNewRow = lp.rowCount
        try lp.addRows(newRows)
        rows += meanings
        if !pendingDirections.isEmpty {
            let added = try lp.addColumns(pendingDirections.map { pending in
                SparseColumn(cost: 0, lowerBound: 0, upperBound: 1,
                             terms: pending.rows.map { (firstNewRow + $0.offset, $0.forward ? -1.0 : 1.0) })
            })
            for (k, pending) in pendingDirections.enumerated() { anchors[pending.line]![pending.minute]!.direction = added.lowerBound + k }
        }
        // The columns, with every row over their minutes.
        var columns: [SparseColumn] = []
        for p in newColumns {
            let column = pool[p]
            var terms: [Int: Double] = [convexity[column.train]!: 1]
            for use in column.uses {
                for (minute, anchor) in anchors[use.line]! where use.from <= minute && minute < use.to {
                    if let row = anchor.row { terms[row] = 1 }
                    if let row = anchor.trainRows[column.train] { terms[row] = 1 }
                }
            }
            columns.append(SparseColumn(cost: Double(column.cost), lowerBound: 0, upperBound: 1,
                                        terms: terms.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }))
        }
        let added = try lp.addColumns(columns)
        lpColumn += Array(added)
    }

    /// One column per train in `trains` at `cost`, standing in for its runs in its convexity row:
    /// a branch whose runs cannot place the train keeps a feasible LP, at a cost that prunes it.
    /// Any cost keeps the LP a relaxation (a timetable sets every stand-in to 0).
    func addStandIns(for trains: [Int], cost: Double) throws(MIPError) -> [Int: Int] {
        let added = try lp.addColumns(trains.map { SparseColumn(cost: cost, lowerBound: 0, upperBound: 1, terms: [(convexity[$0]!, 1)]) })
        return Dictionary(uniqueKeysWithValues: zip(trains, added))
    }

    /// The LP values of each pool column, from a solution.
    func poolValues(_ solution: LPSolution) -> [Double] { lpColumn.map { solution.values[$0] } }
}
