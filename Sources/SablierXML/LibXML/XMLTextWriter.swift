internal import CLibXML2
internal import Foundation

/// Why an XML document could not be written (libxml2 ran out of memory or refused a call).
public struct XMLWriteError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public var description: String { message }
}

/// Builds an indented UTF-8 document in memory through libxml2's `xmlTextWriter`, which does
/// the escaping. Not Sendable: one writer serves one call.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// How many characters XML cannot carry (C0 controls other than tab and line breaks) were dropped.
    private(set) var droppedCharacters = 0

    init() throws(XMLWriteError) {
        LibXML.prepare()
        guard let buffer = xmlBufferCreate() else { throw XMLWriteError(message: "libxml2 could not allocate a buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriteError(message: "libxml2 could not create a writer")
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        _ = "  ".withXMLChars { xmlTextWriterSetIndentString(writer, $0) }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ result: Int32, _ what: String) throws(XMLWriteError) {
        if result < 0 { throw XMLWriteError(message: "libxml2 could not write \(what)") }
    }

    func startDocument() throws(XMLWriteError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    func comment(_ text: String) throws(XMLWriteError) {
        // "--" may not appear in a comment.
        let safe = clean(text).replacingOccurrences(of: "--", with: "- -")
        try check(safe.withXMLChars { xmlTextWriterWriteComment(writer, $0) }, "a comment")
    }

    func start(_ name: String) throws(XMLWriteError) {
        try check(name.withXMLChars { xmlTextWriterStartElement(writer, $0) }, "<\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws(XMLWriteError) {
        let text = clean(value)
        let result = name.withXMLChars { n in text.withXMLChars { xmlTextWriterWriteAttribute(writer, n, $0) } }
        try check(result, "attribute \(name)")
    }

    /// Writes an attribute when the value is there.
    func attribute(_ name: String, _ value: String?) throws(XMLWriteError) {
        if let value { try attribute(name, value) }
    }

    func end() throws(XMLWriteError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// Text inside the current element, escaped.
    func text(_ text: String) throws(XMLWriteError) {
        let value = clean(text)
        try check(value.withXMLChars { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    /// `<name>text</name>`, escaped.
    func element(_ name: String, _ text: String) throws(XMLWriteError) {
        let value = clean(text)
        let result = name.withXMLChars { n in value.withXMLChars { xmlTextWriterWriteElement(writer, n, $0) } }
        try check(result, "<\(name)>")
    }

    /// `<name/>`.
    func emptyElement(_ name: String) throws(XMLWriteError) {
        try start(name)
        try end()
    }

    /// Ends the document and returns its bytes.
    func finish() throws(XMLWriteError) -> Data {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        try check(xmlTextWriterFlush(writer), "the document")
        guard let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    /// The text without the characters XML 1.0 cannot carry.
    private func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !Self.isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if Self.isAllowed(scalar) { scalars.append(scalar) } else { droppedCharacters += 1 }
        }
        return String(scalars)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
