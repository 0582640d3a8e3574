extension Duration {
    /// The duration as floating-point seconds, for reports and GLPK's millisecond limits.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
