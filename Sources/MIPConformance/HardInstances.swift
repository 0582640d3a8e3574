import MIP

/// Market split instances (Cornuéjols and Dawande): a few equality rows over binaries with
/// random coefficients. Tiny, yet branch and bound takes a very long time on them, which makes
/// them the standard way to test limits and interruption. Deterministic: a fixed LCG.
enum MarketSplit {
    struct Instance {
        var coefficients: [[Double]]
        var targets: [Double]
    }

    static func instance(rows: Int, columns: Int, seed: UInt64) -> Instance {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 100)
        }
        let coefficients = (0..<rows).map { _ in (0..<columns).map { _ in next() } }
        return Instance(coefficients: coefficients, targets: coefficients.map { ($0.reduce(0, +) / 2).rounded(.down) })
    }

    /// `min Σ (over_i + under_i)` with `Σ_j a_ij x_j + under_i - over_i = d_i`: all-zero `x` is feasible.
    static func withSlacks(rows: Int = 4, columns: Int = 30, seed: UInt64 = 7) -> (Model, allZero: [Double]) {
        let data = instance(rows: rows, columns: columns, seed: seed)
        var m = Model(name: "market_split_slack")
        let x = (0..<columns).map { m.addBinary("x\($0)") }
        var deviation = LinearExpression()
        var start = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            let under = m.addVariable("under\(i)"), over = m.addVariable("over\(i)")
            var row = LinearExpression.sum(zip(x, data.coefficients[i]).map { ($0, $1) })
            row += under
            row -= over
            m.add(row == LinearExpression(constant: data.targets[i]), name: "split\(i)")
            deviation += under
            deviation += over
            start += [data.targets[i], 0]
        }
        m.minimize(deviation)
        return (m, start)
    }

    /// The pure feasibility version: exact splits only, so no easy point exists.
    static func exact(rows: Int = 4, columns: Int = 30, seed: UInt64 = 7) -> Model {
        let data = instance(rows: rows, columns: columns, seed: seed)
        var m = Model(name: "market_split")
        let x = (0..<columns).map { m.addBinary("x\($0)") }
        for i in 0..<rows {
            m.add(.sum(zip(x, data.coefficients[i]).map { ($0, $1) }) == LinearExpression(constant: data.targets[i]), name: "split\(i)")
        }
        m.minimize(LinearExpression())
        return m
    }
}
