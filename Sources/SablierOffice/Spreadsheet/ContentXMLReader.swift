import SablierXML
import CLibXML2
import SablierCore

/// What reading `content.xml` gave: the first sheet, or why there is none.
enum SheetOutcome {
    case success(Sheet)
    case failure([Diagnostic])
}

/// Streams `content.xml` with libxml2's `xmlTextReader` (no tree is built) and reads the first
/// sheet (`table:table`) into a `Sheet` through a `SheetBuilder`; further sheets are counted.
///
/// libxml2 is used safely: no network, no DTD loading, no entity substitution, no `HUGE`; a
/// DOCTYPE is refused before libxml2 sees the bytes (and again if the reader meets one, in a
/// UTF-16 file); errors are collected through the reader's structured handler with a context
/// pointer, and libxml2 prints nothing.
enum ContentXMLReader {
    static func firstSheet(_ content: [UInt8], file: String, limits: OpenDocumentLimits) -> SheetOutcome {
        func failure(_ code: DiagnosticCode, _ values: [String: String] = [:]) -> SheetOutcome {
            .failure([.error(at: SourceLocation(file: file, line: 0), code, values)])
        }
        if XMLProlog.hasDoctype(content) { return failure(.odsDoctype) }
        // libxml2's time grows with the square of an element's attributes: refused before.
        if let crowded = XMLAttributeScan.firstCrowdedElement(in: content, limit: XMLLimits.defaultMaximumAttributes) {
            return failure(.tooManyAttributes, ["element": crowded.element, "limit": String(XMLLimits.defaultMaximumAttributes)])
        }
        guard content.count <= Int(Int32.max) else {
            return failure(.odsContentTooLarge, ["size": String(content.count)])
        }
        LibXML2.prepare()
        let collector = XMLErrorCollector(file: file)
        return content.withUnsafeBufferPointer { buffer -> SheetOutcome in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return failure(.odsContentEmpty) }
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(chars, Int32(buffer.count), nil, nil, LibXML2.readerOptions) else {
                return failure(.odsNoReader)
            }
            defer { xmlFreeTextReader(reader) }
            return withExtendedLifetime(collector) { () -> SheetOutcome in
                xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                    guard let context, let error else { return }
                    Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
                }, Unmanaged.passUnretained(collector).toOpaque())
                var walker = SheetWalker(reader: reader, builder: SheetBuilder(file: file, limits: limits), file: file)
                let status = walker.run()
                if let stop = walker.stop { return .failure([stop]) }
                if collector.hasErrors || status < 0 {
                    var diagnostics = collector.diagnostics
                    if !diagnostics.hasErrors {
                        diagnostics.append(.error(at: SourceLocation(file: file, line: 0), .odsNotXML))
                    }
                    return .failure(diagnostics)
                }
                guard walker.sheets > 0 else {
                    return failure(.odsNoSheet)
                }
                return .success(walker.finish())
            }
        }
    }

}

/// libxml2 set up once for this module: `xmlInitParser`, and the global error channels
/// silenced (errors are collected per reader; libxml2 must print nothing by itself).
enum LibXML2 {
    private static let initialised: Void = {
        xmlInitParser()
        sablier_silenceGlobalErrors()
    }()

    /// Call before any use: initialises once, and silences the calling thread's channels
    /// (libxml2 keeps them per thread, and Swift may run us on any thread).
    static func prepare() {
        _ = initialised
        sablier_silenceThreadErrors()
    }

    /// No network, CDATA as text, line numbers past 65535. Never NOENT (entity substitution),
    /// DTDLOAD, DTDATTR nor HUGE.
    static var readerOptions: Int32 {
        Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
    }
}

/// The errors libxml2 reports for one reader, reached from the C handler through its context
/// pointer. Used by one call on one thread, never shared.
final class XMLErrorCollector {
    let file: String
    /// The first twenty, the others counted (`DiagnosticCollector`): past the first, libxml2's
    /// messages mostly follow from it.
    private var found = DiagnosticCollector(limit: 20)
    var diagnostics: [Diagnostic] { found.diagnostics }

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { found.hasErrors }

    func add(_ error: xmlError) {
        guard !found.isFull else {
            found.countLeftOut(error.level == XML_ERR_WARNING ? .warning : .error)
            return
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown error"
        let text = raw.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
        let place = "'content.xml' line \(max(0, Int(error.line))), column \(max(0, Int(error.int2)))"
        let location = SourceLocation(file: file, line: 0)
        if error.level == XML_ERR_WARNING {
            found.append(.warning(at: location, "\(place): XML warning: \(text)"))
        } else {
            found.append(.error(at: location, "\(place): not well-formed XML: \(text)"))
        }
    }
}

/// The OpenDocument elements the walk acts on.
private enum ODFElement {
    case spreadsheet, table, row, rowGroup, cell
    case paragraph, space, tab, lineBreak, textContent
    case other

    static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    init(namespace: String?, name: String) {
        switch namespace {
        case Self.officeNamespace?:
            self = name == "spreadsheet" ? .spreadsheet : .other
        case Self.tableNamespace?:
            switch name {
            case "table": self = .table
            case "table-row": self = .row
            case "table-header-rows", "table-rows", "table-row-group": self = .rowGroup
            case "table-cell", "covered-table-cell": self = .cell
            default: self = .other
            }
        case Self.textNamespace?:
            switch name {
            case "p", "h": self = .paragraph
            case "s": self = .space
            case "tab": self = .tab
            case "line-break": self = .lineBreak
            // A footnote's body is not the cell's text.
            case "note": self = .other
            default: self = .textContent
            }
        default:
            self = .other
        }
    }
}

/// The walk over the reader's nodes: where it is, and the cell being read.
private struct SheetWalker {
    let reader: xmlTextReaderPtr
    var builder: SheetBuilder
    let file: String

    private enum Place { case beforeSheet, sheet, row, cell, afterSheet }
    private var place = Place.beforeSheet
    /// Sheets met: the first is read, the others counted. A sheet is a `table:table` child of
    /// `office:spreadsheet`; other tables (a DDE link's cached data) are not sheets.
    private(set) var sheets = 0
    private var sheetDepth: Int32?
    private var sheetName: String?
    private var warnings: [Diagnostic] = []
    /// Why reading stopped early: a limit, or a DOCTYPE.
    private(set) var stop: Diagnostic?
    /// Names are interned by the reader's dictionary: the same pointers for the same names.
    private var kinds: [NameKey: ODFElement] = [:]

    // The cell being read.
    private var cellRepeat = 1
    private var cellFallback: String?
    private var text: [UInt8] = []
    private var paragraphs = 0
    private var paragraphDepth = 0

    private struct NameKey: Hashable {
        let name: UnsafePointer<xmlChar>?
        let namespace: UnsafePointer<xmlChar>?
    }

    init(reader: xmlTextReaderPtr, builder: SheetBuilder, file: String) {
        self.reader = reader
        self.builder = builder
        self.file = file
    }

    private static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    private static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    private static let doctype = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
    private static let textNodes: Set<Int32> = [
        Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
        Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
    ]

    /// Reads to the end of the document; returns the reader's last status (-1 on an error).
    mutating func run() -> Int32 {
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            let type = xmlTextReaderNodeType(reader)
            var skip = false
            do {
                if type == Self.element {
                    skip = try start()
                } else if type == Self.endElement {
                    try end()
                } else if place == .cell, paragraphDepth > 0, Self.textNodes.contains(type) {
                    appendText(xmlTextReaderConstValue(reader))
                } else if type == Self.doctype {
                    stop = .error(at: SourceLocation(file: file, line: 0), .odsDoctype)
                }
            } catch {
                stop = error.diagnostic
            }
            if stop != nil { return status }
            status = skip ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        }
        return status
    }

    func finish() -> Sheet {
        var diagnostics = warnings
        if sheets > 1 {
            var values = ["count": String(sheets)]
            values["name"] = sheetName
            diagnostics.append(.warning(at: SourceLocation(file: file, line: 0), sheetName == nil ? .odsSheets : .odsSheetsNamed, values))
        }
        return builder.finish(name: sheetName, diagnostics: diagnostics)
    }

    private mutating func kind() -> ODFElement {
        let key = NameKey(name: xmlTextReaderConstLocalName(reader), namespace: xmlTextReaderConstNamespaceUri(reader))
        if let known = kinds[key] { return known }
        let kind = ODFElement(namespace: key.namespace.map { String(cString: $0) }, name: key.name.map { String(cString: $0) } ?? "")
        kinds[key] = kind
        return kind
    }

    /// An element starts; returns true to skip its subtree.
    private mutating func start() throws(SheetLimitExceeded) -> Bool {
        let kind = kind()
        let empty = xmlTextReaderIsEmptyElement(reader) == 1
        switch place {
        case .beforeSheet:
            if kind == .spreadsheet, sheetDepth == nil { sheetDepth = xmlTextReaderDepth(reader) + 1 }
            guard kind == .table else { return false }
            guard xmlTextReaderDepth(reader) == sheetDepth else { return true }
            sheets = 1
            sheetName = attribute("name", ODFElement.tableNamespace)
            place = empty ? .afterSheet : .sheet
            return false
        case .sheet:
            switch kind {
            case .row:
                builder.beginRow(repeat: repeatCount("number-rows-repeated", column: nil))
                place = .row
                if empty { try endRow() }
                return false
            case .rowGroup:
                return false
            default:
                // Column definitions, shapes, forms, named expressions: not cells.
                return true
            }
        case .row:
            guard kind == .cell else { return true }
            beginCell()
            if empty { try endCell() } else { place = .cell }
            return false
        case .cell:
            switch kind {
            case .paragraph:
                if paragraphDepth == 0 {
                    if paragraphs > 0 { text.append(0x0A) }
                    paragraphs += 1
                }
                if !empty { paragraphDepth += 1 }
                return false
            case .space:
                guard paragraphDepth > 0 else { return false }
                let count = attribute("c", ODFElement.textNamespace).map { Self.positiveCount($0) ?? 1 } ?? 1
                try appendSpecial(0x20, count: count)
                return false
            case .tab:
                if paragraphDepth > 0 { try appendSpecial(0x09, count: 1) }
                return false
            case .lineBreak:
                if paragraphDepth > 0 { try appendSpecial(0x0A, count: 1) }
                return false
            case .textContent:
                return false
            default:
                // Annotations (comments), drawings, nested tables, notes: not the cell's text.
                return true
            }
        case .afterSheet:
            guard kind == .table else { return false }
            if xmlTextReaderDepth(reader) == sheetDepth { sheets += 1 }
            return true
        }
    }

    private mutating func end() throws(SheetLimitExceeded) {
        let kind = kind()
        switch place {
        case .cell:
            if kind == .paragraph, paragraphDepth > 0 {
                paragraphDepth -= 1
            } else if kind == .cell {
                try endCell()
            }
        case .row:
            if kind == .row { try endRow() }
        case .sheet:
            if kind == .table { place = .afterSheet }
        case .beforeSheet, .afterSheet:
            break
        }
    }

    private mutating func endRow() throws(SheetLimitExceeded) {
        try builder.endRow()
        place = .sheet
    }

    private mutating func beginCell() {
        cellRepeat = repeatCount("number-columns-repeated", column: builder.nextColumn)
        text.removeAll(keepingCapacity: true)
        paragraphs = 0
        paragraphDepth = 0
        cellFallback = nil
        let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        guard let type = attribute("value-type", office) else { return }
        switch type {
        case "float", "percentage", "currency": cellFallback = attribute("value", office)
        case "date": cellFallback = attribute("date-value", office)
        case "time": cellFallback = attribute("time-value", office)
        case "boolean": cellFallback = attribute("boolean-value", office)
        case "string": cellFallback = attribute("string-value", office)
        default: break
        }
    }

    /// The cell's value is its displayed text (its paragraphs); a cell without any paragraph
    /// falls back to its typed value.
    private mutating func endCell() throws(SheetLimitExceeded) {
        let value = paragraphs > 0 ? String(decoding: text, as: UTF8.self) : (cellFallback ?? "")
        try builder.addCell(value, repeat: cellRepeat)
        place = .row
    }

    /// Appends a text node's characters as written, as LibreOffice Calc reads a cell's
    /// paragraphs: white space is neither collapsed nor trimmed (unlike a text document's
    /// paragraphs), and `text:s`, `text:tab` and `text:line-break` add their characters.
    private mutating func appendText(_ chars: UnsafePointer<xmlChar>?) {
        guard let chars else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: chars, count: Int(xmlStrlen(chars))))
    }

    private mutating func appendSpecial(_ byte: UInt8, count: Int) throws(SheetLimitExceeded) {
        guard count <= builder.limits.maximumTextBytes - text.count else {
            throw SheetLimitExceeded(diagnostic: .error(
                at: SourceLocation(file: file, line: builder.nextRow, column: builder.nextColumn),
                .odsCellTooLong, ["limit": String(builder.limits.maximumTextBytes)]))
        }
        text.append(contentsOf: repeatElement(byte, count: count))
    }

    /// A `table:number-…-repeated` attribute: 1 when absent; a value that is not a positive
    /// whole number is read as 1 with a warning. Counts are capped at 2^31 - 1.
    private mutating func repeatCount(_ name: String, column: Int?) -> Int {
        guard let value = attribute(name, ODFElement.tableNamespace) else { return 1 }
        if let count = Self.positiveCount(value) { return count }
        warnings.append(.warning(
            at: SourceLocation(file: file, line: builder.nextRow, column: column ?? 0),
            .odsBadRepeat, ["attribute": name, "value": value]))
        return 1
    }

    /// A positive whole number, capped at 2^31 - 1 (so sums of counts never overflow); nil
    /// when the text is not one.
    private static func positiveCount(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              text.utf8.contains(where: { $0 != UInt8(ascii: "0") }) else { return nil }
        return min(Int(text) ?? Int.max, Int(Int32.max))
    }

    private func attribute(_ name: String, _ namespace: String) -> String? {
        name.withCString { localName in
            namespace.withCString { uri in
                let value = xmlTextReaderGetAttributeNs(
                    reader,
                    UnsafeRawPointer(localName).assumingMemoryBound(to: xmlChar.self),
                    UnsafeRawPointer(uri).assumingMemoryBound(to: xmlChar.self)
                )
                guard let value else { return nil }
                defer { sablier_xmlFree(value) }
                return String(cString: value)
            }
        }
    }
}
