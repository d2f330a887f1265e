internal import Foundation
internal import SablierCore

/// A libxml2 schema-validation message, taken apart and said again in plain language.
///
/// libxml2 writes `Element '{ns}name', attribute 'a': <what>`; the element (without its
/// namespace) goes to the diagnostic's field, and `<what>` is rephrased for the common cases.
struct SchemaMessage {
    /// The element's local name ("" when the message names none).
    var element: String
    var attribute: String?
    /// What libxml2 says after the element prefix, on one line.
    var body: String

    init(_ raw: String) {
        var text = Substring(raw.split(whereSeparator: { $0.isNewline }).map { $0.trimmingSpaces() }.joined(separator: " "))
        element = ""
        attribute = nil
        if text.hasPrefix("Element '"), let close = text.dropFirst(9).firstIndex(of: "'") {
            element = SchemaMessage.localName(text[text.index(text.startIndex, offsetBy: 9)..<close])
            text = text[text.index(after: close)...]
            if text.hasPrefix(", attribute '"), let end = text.dropFirst(13).firstIndex(of: "'") {
                attribute = SchemaMessage.localName(text[text.index(text.startIndex, offsetBy: 13)..<end])
                text = text[text.index(after: end)...]
            }
            if text.hasPrefix(":") { text = text.dropFirst() }
        }
        body = text.trimmingSpaces()
    }

    /// True for a value rejected by a facet or a type.
    var isInvalidValue: Bool {
        body.contains("[facet '") || isTypeRestatement || body.contains("does not match the fixed value constraint")
    }

    /// True for libxml2's second message about a value ("'x' is not a valid value of the … type").
    var isTypeRestatement: Bool {
        body.contains("is not a valid value of the")
    }

    /// The message in plain language.
    func plainText(hints: [String: String], constraints: [String: String]) -> String {
        let subject = attribute.map { "attribute '\($0)' of <\(element)>" } ?? "<\(element)>"
        if body.hasPrefix("This element is not expected.") {
            if let list = expectedList() {
                return "unexpected element <\(element)> here; expected \(list)"
            }
            return "unexpected element <\(element)> here"
        }
        if body.hasPrefix("Missing child element(s).") {
            if let list = expectedList() { return "<\(element)> is incomplete: \(list) is missing" }
            return "<\(element)> is incomplete: a required child element is missing"
        }
        if body.contains("[facet 'maxLength']"), let numbers = quoted(afterFacet), numbers.count >= 2 {
            return "\(subject) is too long: \(numbers[0]) characters, at most \(numbers[1]) allowed"
        }
        if body.contains("[facet 'minLength']"), let numbers = quoted(afterFacet), numbers.count >= 2 {
            return "\(subject) is too short: \(numbers[0]) characters, at least \(numbers[1]) required"
        }
        if isInvalidValue {
            let value = invalidValue() ?? ""
            let shown = value.isEmpty ? "an empty value" : "invalid value '\(SchemaMessage.shorten(value))'"
            if let hint = attribute.flatMap({ hints["\(element)@\($0)"] }) ?? hints[attribute ?? element] {
                return "\(shown) in \(subject): expected \(hint)"
            }
            if body.contains("[facet 'enumeration']"), let open = body.firstIndex(of: "{"), let close = body.lastIndex(of: "}"), open < close {
                let set = body[body.index(after: open)..<close].replacingOccurrences(of: "'", with: "")
                return "\(shown) in \(subject): expected one of \(set)"
            }
            return "\(shown) in \(subject)"
        }
        if body.hasSuffix("is required but missing."), let names = quoted(body), let name = names.first {
            return "<\(element)> lacks its required attribute '\(SchemaMessage.localName(Substring(name)))'"
        }
        if body.contains("is not allowed") && body.contains("attribute") {
            let name = attribute ?? quoted(body)?.first.map { SchemaMessage.localName(Substring($0)) } ?? "?"
            return "attribute '\(name)' is not allowed on <\(element)>"
        }
        if body.hasPrefix("Duplicate key-sequence"), let names = quoted(body) {
            let value = names.first?.trimmingCharacters(in: "[]'") ?? ""
            let constraint = SchemaMessage.localName(Substring(names.last ?? ""))
            if let template = constraints[constraint] {
                return template.replacingOccurrences(of: "{value}", with: value)
            }
            return "the value '\(value)' is used more than once where it must be unique (\(constraint))"
        }
        if body.hasPrefix("No matching global declaration available for the validation root") {
            return "<\(element)> is not the root element this format expects"
        }
        if body.contains("Character content other than whitespace is not allowed") {
            return "<\(element)> holds text where only child elements are allowed"
        }
        if body.contains("Element content is not allowed") {
            return "<\(element)> holds child elements where only text is allowed"
        }
        return element.isEmpty ? body : "<\(element)>: \(body)"
    }

    /// The body after a `[facet '…']` marker.
    private var afterFacet: String {
        guard let marker = body.range(of: "] ") else { return body }
        return String(body[marker.upperBound...])
    }

    /// True for the note libxml2 adds after an invalid value used in an identity constraint,
    /// which says nothing more than the error before it.
    var isNoise: Bool {
        body.contains("No precomputed value available")
    }

    /// `( a, b )` after "Expected is" as `<a>` or `one of <a>, <b>`.
    private func expectedList() -> String? {
        guard let marker = body.range(of: "Expected is") ?? body.range(of: "expected is"),
              let open = body[marker.upperBound...].firstIndex(of: "("),
              let close = body[open...].lastIndex(of: ")") else { return nil }
        let items = body[body.index(after: open)..<close]
            .split(separator: ",")
            .map { item -> String in
                let name = item.trimmingSpaces()
                return name.hasPrefix("##") ? "another element" : "<\(SchemaMessage.localName(Substring(name)))>"
            }
        guard !items.isEmpty else { return nil }
        return items.count == 1 ? items[0] : "one of " + items.joined(separator: ", ")
    }

    /// The rejected value, from the forms libxml2 uses.
    private func invalidValue() -> String? {
        if let range = body.range(of: "The value '") {
            let rest = body[range.upperBound...]
            for terminator in ["' is not", "' does not", "' has"] {
                if let end = rest.range(of: terminator) { return String(rest[..<end.lowerBound]) }
            }
        }
        if body.hasPrefix("'"), let end = body.range(of: "' is not a valid value") {
            return String(body[body.index(after: body.startIndex)..<end.lowerBound])
        }
        return nil
    }

    /// The single-quoted pieces of a text.
    private func quoted(_ text: String) -> [String]? {
        let parts = text.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }

    static func localName(_ name: Substring) -> String {
        if name.hasPrefix("{"), let close = name.firstIndex(of: "}") {
            return String(name[name.index(after: close)...])
        }
        return String(name)
    }

    static func shorten(_ value: String) -> String {
        value.count > 80 ? String(value.prefix(77)) + "…" : value
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
