import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document built as an XML tree (escaping is the library's). Attributes keep the order
/// they are given in and numbers have one decimal, so the same picture gives the same bytes.
final class SVGCanvas {
    let root: XMLElement

    init(width: Double, height: Double) {
        root = XMLElement(name: "svg")
        let namespace = XMLNode(kind: .namespace)
        namespace.name = ""
        namespace.stringValue = "http://www.w3.org/2000/svg"
        root.addNamespace(namespace)
        set(root, [("width", Self.number(width)), ("height", Self.number(height)),
                   ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
                   ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"), ("font-size", "11")])
    }

    /// Adds `<name attributes…>text</name>` to `parent` (the root if nil).
    @discardableResult
    func add(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, to parent: XMLElement? = nil) -> XMLElement {
        let element = XMLElement(name: name)
        set(element, attributes)
        if let text { element.stringValue = text }
        (parent ?? root).addChild(element)
        return element
    }

    /// A group with a class, for styling and for tests to find things.
    func group(_ className: String, _ attributes: [(String, String)] = [], to parent: XMLElement? = nil) -> XMLElement {
        add("g", [("class", className)] + attributes, to: parent)
    }

    /// A tooltip for its parent.
    func title(_ text: String, to parent: XMLElement) {
        add("title", text: text, to: parent)
    }

    private func set(_ element: XMLElement, _ attributes: [(String, String)]) {
        for (name, value) in attributes {
            let node = XMLNode(kind: .attribute)
            node.name = name
            node.stringValue = value
            element.addAttribute(node)
        }
    }

    var text: String { root.xmlString(options: [.nodePrettyPrint, .nodeCompactEmptyElement]) + "\n" }

    /// One decimal, no locale, no `-0.0`.
    static func number(_ value: Double) -> String {
        let text = TimetableText.fixed(value, 1)
        let trimmed = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        return trimmed == "-0" ? "0" : trimmed
    }
}
