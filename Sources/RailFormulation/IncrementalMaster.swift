import MIP
import RailDomain

/// The master LP of column generation (the path formulation of `MasterProblem`), kept in the
/// backend between rounds so that each solve starts from the last basis.
///
/// Its rows stay put as columns arrive: a line's rows sit at the first minute of each use on it
/// (its "anchors"). The uses covering any minute also cover the latest anchor at or before it (the
/// use starting last among them), so rows at anchors imply the rows at every minute — the maximal
/// cliques of intervals. An anchor whose uses all still run at the next anchor is implied by it
/// and gets no row. A row binds once more trains than the line's capacity meet at its anchor; a
/// direction variable `y` once both ways meet there.
///
/// With `lazyRows` a binding row is written only once an LP solution breaks it (`separate`): the
/// LP without the rows no solution has broken yet is a relaxation, and when its optimum breaks
/// none it is the optimum with them. Most rows never bind: on the Pingxiang day the tree's master
/// kept 2,000 rows instead of 5,600.
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

    private struct AnchorKey: Hashable {
        var line: ResourceLine
        var minute: Minute
    }

    private var uses: [ResourceLine: [Use]] = [:]
    /// Anchors whose rows bind but are not written yet (`lazyRows`), by line.
    private var waiting: [ResourceLine: Set<Minute>] = [:]
    /// The lines in the order first used: rows are written in a repeatable order.
    private var lineOrder: [ResourceLine] = []
    /// Whether binding rows wait for an LP solution that breaks them.
    let lazyRows: Bool
    private var anchors: [ResourceLine: [Minute: Anchor]] = [:]
    /// What each row means, for turning duals into prices.
    private(set) var rows: [MasterProblem.RowMeaning] = []

    init(lp: any IncrementalLP, instance: Instance, lazyRows: Bool = false) throws(MIPError) {
        self.lp = lp
        self.lazyRows = lazyRows
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
    /// first the rows they make bind, then the columns themselves. With `lazyRows`, a row not yet
    /// written waits until an LP solution breaks it (`separate`).
    func add(_ newColumns: Range<Int>, of pool: [PathColumn]) throws(MIPError) {
        guard !newColumns.isEmpty else { return }
        var touched: Set<ResourceLine> = []
        for p in newColumns {
            for use in pool[p].uses {
                if uses[use.line] == nil { lineOrder.append(use.line) }
                uses[use.line, default: []].append(Use(column: p, from: use.from, to: use.to, forward: use.forward))
                if anchors[use.line]?[use.from] == nil { anchors[use.line, default: [:]][use.from] = Anchor() }
                touched.insert(use.line)
            }
        }
        let old = { (p: Int) in p < newColumns.lowerBound }
        var batch = RowBatch(firstRow: lp.rowCount)
        for line in lineOrder where touched.contains(line) {
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
                if case .hold = line, anchor.direction != nil {
                    // New trains at an anchor with its variable: their rows, with y already there.
                    write(line, minute, covering: covering, pool: pool, includes: old, into: &batch)
                    continue
                }
                guard anchor.row == nil, binds(line, covering: covering, pool: pool) else { continue }
                if lazyRows {
                    waiting[line, default: []].insert(minute)
                } else {
                    write(line, minute, covering: covering, pool: pool, includes: old, into: &batch)
                }
            }
        }
        try commit(batch)
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

    /// Writes the waiting rows that `values` (an LP solution: per LP column) breaks, or every
    /// waiting row when `values` is nil; returns how many anchors got rows. A solution that breaks
    /// none is feasible for every row: the LP without the waiting rows has the same optimum.
    @discardableResult
    func separate(_ values: [Double]?, of pool: [PathColumn]) throws(MIPError) -> Int {
        guard !waiting.isEmpty else { return 0 }
        // LP solutions are sparse: only the uses of columns with a positive value can break a row.
        var positive: [ResourceLine: [Use]] = [:]
        if let values {
            for (p, column) in lpColumn.enumerated() where values[column] > 1e-9 {
                for use in pool[p].uses where waiting[use.line] != nil {
                    positive[use.line, default: []].append(Use(column: p, from: use.from, to: use.to, forward: use.forward))
                }
            }
        }
        var batch = RowBatch(firstRow: lp.rowCount)
        var written = 0
        for line in lineOrder {
            guard let minutes = waiting[line] else { continue }
            for minute in minutes.sorted() {
                if let values {
                    let live = positive[line, default: []].filter { $0.from <= minute && minute < $0.to }
                    guard breaks(line, covering: live, values: values, pool: pool) else { continue }
                }
                let covering = uses[line]!.filter { $0.from <= minute && minute < $0.to }
                waiting[line]!.remove(minute)
                write(line, minute, covering: covering, pool: pool, includes: { _ in true }, into: &batch)
                written += 1
            }
            if waiting[line]!.isEmpty { waiting[line] = nil }
        }
        try commit(batch)
        return written
    }

    /// Whether an anchor needs rows at all: more trains than the line's capacity (or both ways on a
    /// single-track hold) can meet there.
    private func binds(_ line: ResourceLine, covering: [Use], pool: [PathColumn]) -> Bool {
        if case .hold = line { return Set(covering.map(\.forward)).count == 2 }
        return Set(covering.map { pool[$0.column].train }).count > capacity(of: line)
    }

    /// Whether LP values break an anchor's rows: more than its capacity there; on a hold, one
    /// train's share one way plus another's the other way above 1 (what the rows with y forbid).
    private func breaks(_ line: ResourceLine, covering: [Use], values: [Double], pool: [PathColumn]) -> Bool {
        let tolerance = 1e-6
        if case .hold = line {
            var share: [Bool: [Int: Double]] = [:]
            for use in covering { share[use.forward, default: [:]][pool[use.column].train, default: 0] += values[lpColumn[use.column]] }
            return (share[true]?.values.max() ?? 0) + (share[false]?.values.max() ?? 0) > 1 + tolerance
        }
        return covering.reduce(0) { $0 + values[lpColumn[$1.column]] } > Double(capacity(of: line)) + tolerance
    }

    /// Rows on their way into the LP, with the direction variables of holds getting theirs now.
    private struct RowBatch {
        let firstRow: Int
        var rows: [SparseRow] = []
        var meanings: [MasterProblem.RowMeaning] = []
        var directions: [(key: AnchorKey, rows: [(offset: Int, forward: Bool)])] = []
    }

    /// Adds an anchor's rows to `batch`, with the terms of the columns `includes` admits (those
    /// already in the LP): a capacity row, or on a hold one row per train not yet with one (and the
    /// direction variable when the anchor has none).
    private func write(_ line: ResourceLine, _ minute: Minute, covering: [Use], pool: [PathColumn], includes: (Int) -> Bool,
                       into batch: inout RowBatch) {
        guard case .hold(let section) = line else {
            anchors[line]![minute]!.row = batch.firstRow + batch.rows.count
            batch.rows.append(SparseRow(terms: covering.filter { includes($0.column) }.map { (lpColumn[$0.column], 1.0) },
                                        bounds: .lessOrEqual(Double(capacity(of: line)))))
            batch.meanings.append(.capacity(line: line, minute: minute))
            return
        }
        let direction = anchors[line]![minute]!.direction
        var pending: [(offset: Int, forward: Bool)] = []
        for (train, group) in Dictionary(grouping: covering, by: { pool[$0.column].train }).sorted(by: { $0.key < $1.key })
            where anchors[line]![minute]!.trainRows[train] == nil {
            let forward = group[0].forward
            var terms = group.filter { includes($0.column) }.map { (lpColumn[$0.column], 1.0) }
            if let direction { terms.append((direction, forward ? -1 : 1)) } else { pending.append((batch.rows.count, forward)) }
            anchors[line]![minute]!.trainRows[train] = batch.firstRow + batch.rows.count
            batch.rows.append(SparseRow(terms: terms, bounds: .lessOrEqual(forward ? 0 : 1)))
            batch.meanings.append(.hold(train: train, section: section, minute: minute))
        }
        if direction == nil { batch.directions.append((AnchorKey(line: line, minute: minute), pending)) }
    }

    /// Puts a batch's rows into the LP, then the direction variables over them.
    private func commit(_ batch: RowBatch) throws(MIPError) {
        guard !batch.rows.isEmpty else { return }
        try lp.addRows(batch.rows)
        rows += batch.meanings
        guard !batch.directions.isEmpty else { return }
        let added = try lp.addColumns(batch.directions.map { pending in
            SparseColumn(cost: 0, lowerBound: 0, upperBound: 1,
                         terms: pending.rows.map { (batch.firstRow + $0.offset, $0.forward ? -1.0 : 1.0) })
        })
        for (k, pending) in batch.directions.enumerated() { anchors[pending.key.line]![pending.key.minute]!.direction = added.lowerBound + k }
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
