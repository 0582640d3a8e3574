/// How text output fits where it goes: the terminal's width, and whether colour is wanted (never
/// when the output is not a terminal or `NO_COLOR` is set; the caller decides).
public struct TextStyle: Sendable, Hashable {
    public var width: Int
    public var colour: Bool

    public init(width: Int = 100, colour: Bool = false) {
        self.width = max(40, width)
        self.colour = colour
    }

    /// For files and pipes: no colour, room for every column.
    public static let plain = TextStyle(width: 120, colour: false)

    public enum Colour: String, Sendable {
        case red = "31", green = "32", yellow = "33", cyan = "36", bold = "1"
    }

    /// `text` in a colour when colour is on; the escape codes take no width in the layout.
    func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
