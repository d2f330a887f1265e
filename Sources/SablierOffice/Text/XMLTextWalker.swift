import SablierXML
import CLibXML2
import Foundation

/// How one XML vocabulary's elements become text.
enum TextVocabulary {
    /// WordprocessingML (`.docx` parts): text inside `w:t` and `w:delText`; `w:p` ends a line,
    /// `w:tab` is a tab, `w:br`/`w:cr` a line break; properties and field codes skipped.
    case wordprocessing
    /// OpenDocument (`content.xml`, `styles.xml`): text inside `text:p`/`text:h`; `text:s` is
    /// `text:c` spaces, `text:tab` a tab, `text:line-break` a line break.
    case openDocument
    /// Any other XML: each element's own text on a line as `name: text`, each attribute as
    /// `name: value`, so the names travel with the values (a `<guardianPhone>` says whose
    /// number it is, as a form's label would).
    case labelled

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
}

/// Walks libxml2's streaming reader (`xmlTextReader`, no tree) and writes the text a vocabulary
/// defines. libxml2 is used as everywhere in Sablier: no network, no DTD, no entity
/// substitution; a DOCTYPE stops the walk; errors are collected, never printed.
struct XMLTextWalker {
    enum Role { case paragraph, tab, lineBreak, spaces, textContainer, skip, other }

    let reader: xmlTextReaderPtr
    let vocabulary: TextVocabulary
    let output: TextBuffer
    let part: String
    private var roles: [NameKey: Role] = [:]
    /// For `.openDocument`: paragraphs open; for `.wordprocessing`: text containers open.
    private var textDepth = 0
    /// For `.labelled`: the open elements' names and whether each has written its label.
    private var open: [(name: String, labelled: Bool)] = []
    private(set) var stop: DocumentTextError?

    private struct NameKey: Hashable {
        let name: UnsafePointer<xmlChar>?
        let namespace: UnsafePointer<xmlChar>?
    }

    init(reader: xmlTextReaderPtr, vocabulary: TextVocabulary, output: TextBuffer, part: String) {
        self.reader = reader
        self.vocabulary = vocabulary
        self.output = output
        self.part = part
    }

    private static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    private static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    private static let doctype = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
    private static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    private static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    private static let whitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)

    /// Reads to the end; returns the reader's last status (-1 on an error).
    mutating func run() -> Int32 {
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            let type = xmlTextReaderNodeType(reader)
            var skip = false
            switch type {
            case Self.element: skip = start()
            case Self.endElement: end()
            case Self.text, Self.cdata, Self.whitespace: content(significantOnly: type == Self.whitespace)
            case Self.doctype:
                stop = DocumentTextError("'\(part)' has a DOCTYPE declaration (its entities could be expanded): it is not read")
            default: break
            }
            if stop != nil { return status }
            if xmlTextReaderDepth(reader) > 200 {
                stop = DocumentTextError("'\(part)' nests elements more than 200 deep: it is not read")
                return status
            }
            status = skip ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        }
        return status
    }

    private mutating func role() -> Role {
        let key = NameKey(name: xmlTextReaderConstLocalName(reader), namespace: xmlTextReaderConstNamespaceUri(reader))
        if let known = roles[key] { return known }
        let namespace = key.namespace.map { String(cString: $0) }
        let name = key.name.map { String(cString: $0) } ?? ""
        let role: Role
        switch vocabulary {
        case .wordprocessing where namespace == TextVocabulary.wordNamespace:
            switch name {
            case "p": role = .paragraph
            case "t", "delText": role = .textContainer
            case "tab": role = .tab
            case "br", "cr": role = .lineBreak
            case "rPr", "pPr", "tblPr", "sectPr", "instrText", "tabs", "numPr": role = .skip
            default: role = .other
            }
        case .openDocument where namespace == TextVocabulary.textNamespace:
            switch name {
            case "p", "h": role = .paragraph
            case "s": role = .spaces
            case "tab": role = .tab
            case "line-break": role = .lineBreak
            default: role = .other
            }
        default:
            role = .other
        }
        roles[key] = role
        return role
    }

    /// An element starts; returns true to skip its subtree.
    private mutating func start() -> Bool {
        let empty = xmlTextReaderIsEmptyElement(reader) == 1
        if vocabulary == .labelled {
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            writeAttributes()
            if !empty { open.append((name, false)) }
            return false
        }
        switch role() {
        case .skip:
            return true
        case .paragraph:
            if vocabulary == .openDocument, !empty { textDepth += 1 }
            if empty { output.newline() }
        case .textContainer:
            if !empty { textDepth += 1 }
        case .tab:
            output.append(0x09)
        case .lineBreak:
            output.append(0x0A)
        case .spaces:
            let count = attribute("c").flatMap { Int($0) } ?? 1
            for _ in 0..<min(max(count, 1), 1000) { output.append(0x20) }
        case .other:
            break
        }
        return false
    }

    private mutating func end() {
        if vocabulary == .labelled {
            if let last = open.popLast(), last.labelled { output.newline() }
            return
        }
        switch role() {
        case .paragraph:
            if vocabulary == .openDocument { textDepth = max(0, textDepth - 1) }
            output.newline()
        case .textContainer:
            textDepth = max(0, textDepth - 1)
        default:
            break
        }
    }

    private mutating func content(significantOnly: Bool) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        let length = Int(xmlStrlen(value))
        switch vocabulary {
        case .wordprocessing, .openDocument:
            guard textDepth > 0 else { return }
            output.append(value, count: length)
        case .labelled:
            guard !significantOnly, !open.isEmpty else { return }
            let bytes = UnsafeBufferPointer(start: value, count: length)
            guard let first = bytes.firstIndex(where: { $0 > 0x20 }), let last = bytes.lastIndex(where: { $0 > 0x20 }) else { return }
            if !open[open.count - 1].labelled {
                output.newline()
                output.append(open[open.count - 1].name + ": ")
                open[open.count - 1].labelled = true
            } else {
                output.append(0x20)
            }
            for byte in bytes[first...last] { output.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
        }
    }

    private func writeAttributes() {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        var status = xmlTextReaderMoveToFirstAttribute(reader)
        while status == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) != 1, let name = xmlTextReaderConstLocalName(reader),
               let value = xmlTextReaderConstValue(reader) {
                let text = String(cString: value)
                if text.contains(where: { $0.isLetter || $0.isNumber }) {
                    output.newline()
                    output.append("\(String(cString: name)): \(text)")
                    output.append(0x0A)
                }
            }
            status = xmlTextReaderMoveToNextAttribute(reader)
        }
        xmlTextReaderMoveToElement(reader)
    }

    private func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttributeNs(reader, name, TextVocabulary.textNamespace) else { return nil }
        return String(xmlOwned: value)
    }
}

extension String {
    /// Decodes and frees a string libxml2 allocated for the caller.
    init(xmlOwned pointer: UnsafeMutablePointer<xmlChar>) {
        self = String(cString: pointer)
        sablier_xmlFree(pointer)
    }
}

/// Text out of XML through `XMLTextWalker`, from memory or from a file, with libxml2's errors
/// collected and turned into one `DocumentTextError`.
enum XMLTextReading {
    static func read(memory bytes: [UInt8], part: String, vocabulary: TextVocabulary, into output: TextBuffer) throws(DocumentTextError) {
        if XMLProlog.hasDoctype(bytes) {
            throw DocumentTextError("'\(part)' has a DOCTYPE declaration (its entities could be expanded): it is not read")
        }
        guard bytes.count <= Int(Int32.max) else { throw DocumentTextError("'\(part)' is \(bytes.count) bytes, more than libxml2 reads") }
        guard !bytes.isEmpty else { return }
        try refuseCrowdedElements(bytes, part: part)
        LibXML2.prepare()
        let outcome: DocumentTextError? = bytes.withUnsafeBufferPointer { buffer in
            let chars = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(chars, Int32(buffer.count), nil, nil, LibXML2.readerOptions) else {
                return DocumentTextError("libxml2 could not create a reader for '\(part)'")
            }
            defer { xmlFreeTextReader(reader) }
            return walk(reader, part: part, vocabulary: vocabulary, output: output)
        }
        if let outcome { throw outcome }
    }

    static func read(file path: String, part: String, into output: TextBuffer) throws(DocumentTextError) {
        // Mapped, not read: the scan looks at each byte once and the file's pages stay the kernel's.
        if let mapped = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) {
            try refuseCrowdedElements(mapped, part: part)
        }
        LibXML2.prepare()
        guard let reader = xmlReaderForFile(path, nil, LibXML2.readerOptions) else {
            throw DocumentTextError("libxml2 cannot open '\(part)'")
        }
        defer { xmlFreeTextReader(reader) }
        if let error = walk(reader, part: part, vocabulary: .labelled, output: output) { throw error }
    }

    /// An element with more attributes than `XMLLimits.defaultMaximumAttributes` refuses the
    /// part before libxml2, whose time grows with the square of their number, sees it.
    private static func refuseCrowdedElements(_ bytes: some ContiguousBytes, part: String) throws(DocumentTextError) {
        let limit = XMLLimits.defaultMaximumAttributes
        if let crowded = XMLAttributeScan.firstCrowdedElement(in: bytes, limit: limit) {
            throw DocumentTextError("'\(part)' has an element with more than \(limit) attributes (line \(crowded.line)): it is not read")
        }
    }

    private static func walk(_ reader: xmlTextReaderPtr, part: String, vocabulary: TextVocabulary, output: TextBuffer) -> DocumentTextError? {
        let errors = FirstXMLError()
        return withExtendedLifetime(errors) { () -> DocumentTextError? in
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                Unmanaged<FirstXMLError>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
            }, Unmanaged.passUnretained(errors).toOpaque())
            var walker = XMLTextWalker(reader: reader, vocabulary: vocabulary, output: output, part: part)
            let status = walker.run()
            output.flush()
            if let stop = walker.stop { return stop }
            if let line = errors.line {
                return DocumentTextError("'\(part)' is not well-formed XML (first error on line \(line))")
            }
            if status < 0 { return DocumentTextError("'\(part)' could not be read as XML") }
            return nil
        }
    }
}

/// The line of libxml2's first error. Its message is not kept: it may quote the document's
/// bytes, which may be personal information.
final class FirstXMLError {
    private(set) var line: Int?

    func add(_ error: xmlError) {
        guard line == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        line = max(0, Int(error.line))
    }
}
