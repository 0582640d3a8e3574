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
    // Cover cuts are deliberately absent: GLPK 5.0 keeps their state in static variables, which
    // races when two problems are solved on two threads (see shared/design/glpk-notes.md).

    public init(mirCuts: Bool = false, gomoryCuts: Bool = false, cliqueCuts: Bool = false, feasibilityPump: Bool = false) {
        self.mirCuts = mirCuts
        self.gomoryCuts = gomoryCuts
        self.cliqueCuts = cliqueCuts
        self.feasibilityPump = feasibilityPump
    }
}
