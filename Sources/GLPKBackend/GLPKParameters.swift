/// GLPK-specific tuning, beyond the solver-independent `SolveOptions`.
public struct GLPKParameters: Sendable, Equatable {
    /// Mixed-integer rounding cuts.
    public var mirCuts = false
    /// Gomory mixed-integer cuts.
    public var gomoryCuts = false
    /// Clique cuts (from the conflict graph of binaries).
    public var cliqueCuts = false
    /// Feasibility pump heuristic at the root.
    public var feasibilityPump = false
    /// The simplex method for an LP and for the relaxation before branch and bound. Dual by
    /// default: from GLPK's all-slack start a minimising model with costs ≥ 0 is dual feasible,
    /// and on time-indexed models inside priced windows the dual simplex took 0.9–1.7 s where the
    /// primal took 1.6–3.5 s (glpsol, two bench models; 14.2 against 16.3 s on a larger one).
    /// GLPK falls back to the primal simplex where the dual fails. A MIP whose warm start gives a
    /// basis starts the primal simplex from that instead (no phase 1; see `GLPKSolveRun`).
    public var simplex = SimplexMethod.dual
    // Cover cuts are deliberately absent: GLPK 5.0 keeps their state in static variables, which
    // races when two problems are solved on two threads (see shared/design/glpk-notes.md).

    public init(mirCuts: Bool = false, gomoryCuts: Bool = false, cliqueCuts: Bool = false, feasibilityPump: Bool = false,
                simplex: SimplexMethod = .dual) {
        self.mirCuts = mirCuts
        self.gomoryCuts = gomoryCuts
        self.cliqueCuts = cliqueCuts
        self.feasibilityPump = feasibilityPump
        self.simplex = simplex
    }
}

/// Which simplex method GLPK runs.
public enum SimplexMethod: Sendable, Equatable {
    case primal
    /// The dual simplex, falling back to the primal where it fails.
    case dual
}
