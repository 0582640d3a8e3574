extension Duration {
    /// The duration in seconds, fractions included (`components.seconds` alone truncates).
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
