import Foundation

/// Writes a model in CPLEX LP format, as GLPK's `glp_read_lp` / `glpsol --lp` and other solvers read it.
/// Deterministic: the same model gives the same bytes.
///
/// Two things LP format cannot say directly are written as helper columns whose names start with
/// `~` (a character `NameRules` keeps out of model names):
/// - a ranged row `l <= a·x <= u` becomes `a·x - ~r_<n> = l` with `0 <= ~r_<n> <= u - l`
///   (GLPK's own writer does the same);
/// - a free row (no finite bound) becomes `a·x - ~r_<n> = 0` with `~r_<n>` free;
/// - a model without rows gets the row `~no_rows: 0 x1 >= 0` (readers refuse an empty section);
/// - an objective constant `c` becomes `c ~obj_constant` with `~obj_constant = 1` (GLPK's reader
///   rejects constants in the objective, and its writer drops them).
public struct LPWriter {
    public static let objectiveConstantColumn = "~obj_constant"
    static let lineLimit = 78

    private let model: Model
    private var out = ""
    private var line = ""

    private init(model: Model) { self.model = model }

    /// The model in LP format; throws `MIPError.invalidModel` if it does not validate.
    public static func lpText(for model: Model) throws(MIPError) -> String {
        try model.validated()
        var writer = LPWriter(model: model)
        writer.write()
        return writer.out
    }

    /// Writes the LP file atomically (a temporary file renamed into place), so a failure never
    /// leaves a half-written file or replaces a good one.
    public static func write(_ model: Model, to path: String) throws(MIPError) {
        let text = try lpText(for: model)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
    }

    // MARK: Sections

    private mutating func write() {
        out.reserveCapacity(64 + model.nonZeroCount * 16 + model.variableCount * 24)
        emit("\\ Problem: \(model.name.filter { !$0.isNewline })")
        emit(model.objective.sense == .minimize ? "Minimize" : "Maximize")
        writeObjective()
        emit("Subject To")
        var helperBounds: [String] = []
        for (index, row) in model.constraints.enumerated() {
            writeRow(index: index, row: row, helperBounds: &helperBounds)
        }
        if model.constraints.isEmpty {
            // LP readers (GLPK's among them) refuse an empty constraints section.
            emit(" ~no_rows: + 0 \(name(0)) >= 0")
        }
        writeBounds(helperBounds: helperBounds)
        let integral = model.variables.indices.filter { model.variables[$0].isIntegral }
        if !integral.isEmpty {
            emit("General")
            for index in integral { emit(" " + name(index)) }
        }
        emit("End")
    }

    private mutating func writeObjective() {
        let expression = model.objective.expression
        start(" obj:")
        writeTerms(expression.terms)
        if expression.constant != 0 {
            appendTerm(coefficient: expression.constant, name: LPWriter.objectiveConstantColumn)
        } else if expression.terms.isEmpty {
            appendTerm(coefficient: 0, name: name(0))
        }
        finish()
    }

    private mutating func writeRow(index: Int, row: ConstraintDefinition, helperBounds: inout [String]) {
        start(" \(model.constraintName(at: index)):")
        if row.terms.isEmpty {
            appendTerm(coefficient: 0, name: name(0))
        } else {
            writeTerms(row.terms)
        }
        let lower = row.bounds.lower, upper = row.bounds.upper
        switch (lower.isFinite, upper.isFinite) {
        case (true, true) where lower == upper:
            append(" = \(number(lower))")
        case (true, true):
            let helper = "~r_\(index + 1)"
            appendTerm(coefficient: -1, name: helper)
            append(" = \(number(lower))")
            helperBounds.append(" 0 <= \(helper) <= \(number(upper - lower))")
        case (true, false):
            append(" >= \(number(lower))")
        case (false, true):
            append(" <= \(number(upper))")
        case (false, false):
            // A free row constrains nothing, but LP format has no free rows (GLPK rejects `>= -inf`).
            let helper = "~r_\(index + 1)"
            appendTerm(coefficient: -1, name: helper)
            append(" = 0")
            helperBounds.append(" \(helper) free")
        }
        finish()
    }

    private mutating func writeBounds(helperBounds: [String]) {
        emit("Bounds")
        for (index, variable) in model.variables.enumerated() {
            let (lower, upper) = variable.isIntegral ? variable.effectiveBounds : (variable.lowerBound, variable.upperBound)
            let column = name(index)
            switch (lower, upper) {
            case (0, .infinity) where !variable.isIntegral:
                continue  // LP format's default
            case (-.infinity, .infinity):
                emit(" \(column) free")
            case _ where lower == upper:
                emit(" \(column) = \(number(lower))")
            case (-.infinity, _):
                emit(" -inf <= \(column) <= \(number(upper))")
            case (_, .infinity):
                emit(" \(column) >= \(number(lower))")
            default:
                emit(" \(number(lower)) <= \(column) <= \(number(upper))")
            }
        }
        for bound in helperBounds { emit(bound) }
        if model.objective.expression.constant != 0 { emit(" \(LPWriter.objectiveConstantColumn) = 1") }
    }

    // MARK: Lines

    private func name(_ index: Int) -> String { model.variableName(at: index) }

    private mutating func writeTerms(_ terms: [Term]) {
        for term in terms { appendTerm(coefficient: term.coefficient, name: name(term.variable.index)) }
    }

    private mutating func appendTerm(coefficient: Double, name: String) {
        let sign = coefficient < 0 ? "-" : "+"
        let magnitude = abs(coefficient)
        let piece = magnitude == 1 ? " \(sign) \(name)" : " \(sign) \(number(magnitude)) \(name)"
        if line.utf8.count + piece.utf8.count > LPWriter.lineLimit {
            finish()
            line = " "
        }
        line += piece
    }

    private mutating func start(_ text: String) { line = text }
    private mutating func append(_ text: String) { line += text }

    private mutating func finish() {
        emit(line)
        line = ""
    }

    private mutating func emit(_ text: String) {
        out += text
        out += "\n"
    }

    /// Integers without a fraction, everything else in Swift's shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value == .infinity { return "+inf" }
        if value == -.infinity { return "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private func number(_ value: Double) -> String { LPWriter.format(value) }
}
