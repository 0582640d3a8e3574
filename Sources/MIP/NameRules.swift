/// Names that every LP reader and GLPK accept: 1–255 characters, letters, digits and a few symbols
/// (the symbols both CPLEX's and GLPK's LP readers accept, less `~`, which the LP writer reserves for
/// its own helper columns, and less quotes); not starting with a digit or a period, nor with `e`/`E` followed by a digit or `e`
/// (read as an exponent); and not an LP keyword (`end`, `free`, `inf`, ...).
public enum NameRules {
    public static let maximumLength = 255

    static let allowedSymbols: Set<Character> = ["!", "#", "$", "%", "&", "(", ")", ",", ".", ";", "?", "@", "_", "{", "}"]

    static let reservedWords: Set<String> = [
        "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
        "subject", "such", "st", "s.t.", "st.", "bound", "bounds", "general", "generals", "gen",
        "integer", "integers", "int", "binary", "binaries", "bin", "free", "inf", "infinity", "end",
    ]

    /// Why `name` is not acceptable, or nil if it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.utf8.count > maximumLength { return "is longer than \(maximumLength) bytes (\(name.utf8.count))" }
        if let bad = name.first(where: { !isAllowed($0) }) {
            return "contains \(String(reflecting: String(bad))); allowed are ASCII letters, digits and !#$%&(),.;?@_{}"
        }
        let chars = Array(name)
        if chars[0].isNumber || chars[0] == "." { return "starts with a digit or a period" }
        if (chars[0] == "e" || chars[0] == "E"), chars.count > 1, chars[1].isNumber || chars[1] == "e" || chars[1] == "E" {
            return "starts like an exponent (e followed by a digit or e)"
        }
        if reservedWords.contains(name.lowercased()) { return "is an LP file keyword" }
        return nil
    }

    static func isAllowed(_ character: Character) -> Bool {
        guard character.isASCII, let scalar = character.unicodeScalars.first else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || allowedSymbols.contains(character)
    }
}
