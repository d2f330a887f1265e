internal import CLibXML2
internal import Foundation
internal import SablierCore
internal import SablierSchemas

/// Reads a GALA file without building its whole tree, for files that need nothing but reading.
///
/// libxml2's streaming reader validates the bytes against `gala.xsd` as it parses them; each
/// `ROW` is expanded alone, mapped by the same `GALARowMapper` as the tree path, handed on,
/// then freed as the reader moves past it. A 5,000-rule file never holds its million nodes at
/// once, and its first rules reach the store while the rest is parsed.
///
/// It gives up (nil) at the first thing the tree path would say a word about: a message of
/// the parser or of the schema (error or warning), a DOCTYPE, an element nested past the
/// limit, a root other than `ROWSET`, a `ROW` the normaliser would mend. The caller then reads
/// the file through its tree, whose diagnostics are the ones users have always seen. The
/// safety is the tree path's: size checked first, a DOCTYPE refused before libxml2 sees the
/// bytes, the same parser options (no network, no DTD loading, no entity substitution, line
/// numbers past 65535; plus compact text nodes, the tree being only read), errors collected
/// through a handler of this reader and never printed.
enum GALAStreamReader {
    /// The submission the tree path would give, or nil when the file needs the tree path.
    static func read(
        bytes: some ContiguousBytes, file: String, limits: XMLLimits, mapped: ((SubmittedRule) -> Void)?
    ) -> CalendarSubmission? {
        bytes.withUnsafeBytes { read(buffer: $0, file: file, limits: limits, mapped: mapped) }
    }

    /// Set by libxml2's error handler: one message is enough to leave the file to the tree path.
    private final class Messages {
        var any = false
    }

    private static let elementType = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    private static let doctypeType = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)

    /// Every name a GALA file uses, interned in the reader's dictionary before parsing, so the
    /// name tables built at the first `ROW` know them all (see `XMLNameTable`).
    private static let names = [GALAElements.root, GALAElements.row, GALAElements.delaiRow]
        + GALAElements.rowOrder + GALAElements.delaiRowOrder

    static func read(
        buffer: UnsafeRawBufferPointer, file: String, limits: XMLLimits, mapped: ((SubmittedRule) -> Void)?
    ) -> CalendarSubmission? {
        // A valid file nests five levels (ROWSET, ROW, DELAI, DELAI_ROW, a field) and anything
        // deeper is a schema error; under a lower limit the tree path says where it is passed.
        guard limits.maximumDepth >= 5,
              let base = buffer.baseAddress, buffer.count > 0, buffer.count <= min(limits.maximumBytes, Int(Int32.max)),
              // Only white space, processing instructions and comments before the root: no
              // DOCTYPE (whose entities the tree path refuses with its own message), nothing
              // the tree path should judge.
              XMLProlog.startsWithElement(buffer),
              // An element with too many attributes is refused by the tree path before parsing.
              XMLAttributeScan.firstCrowdedElement(in: buffer, limit: limits.maximumAttributes) == nil,
              case .success(let schema) = SchemaCache.schema(.gala) else { return nil }
        LibXML.prepare()
        // Sablier's options, and small text nodes stored inside their node (one allocation
        // fewer for nearly every field): safe here, where the tree is only read, never changed.
        let options = LibXML.parseOptions | Int32(bitPattern: XML_PARSE_COMPACT.rawValue)
        guard let reader = xmlReaderForMemory(
            base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil, options) else { return nil }
        defer { xmlFreeTextReader(reader) }
        let messages = Messages()
        return withExtendedLifetime((messages, schema)) { () -> CalendarSubmission? in
            // Set before the schema, so the validator reports through it too.
            xmlTextReaderSetStructuredErrorHandler(reader, { context, _ in
                guard let context else { return }
                Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue().any = true
            }, Unmanaged.passUnretained(messages).toOpaque())
            guard xmlTextReaderSetSchema(reader, schema.pointer) == 0 else { return nil }
            for name in names {
                guard name.withXMLChars({ xmlTextReaderConstString(reader, $0) }) != nil else { return nil }
            }
            var submission = CalendarSubmission(format: .gala, file: file, settings: RetentionCalendar(), isDelta: true, rules: [])
            var mapper: GALARowMapper?
            var sawRoot = false
            var status = xmlTextReaderRead(reader)
            while status == 1 {
                guard !messages.any else { return nil }
                let type = xmlTextReaderNodeType(reader)
                if type == doctypeType { return nil }
                guard type == elementType else {
                    status = xmlTextReaderRead(reader)
                    continue
                }
                // The root is at depth 0 here, at 1 for the limit.
                let depth = Int(xmlTextReaderDepth(reader))
                guard depth < limits.maximumDepth else { return nil }
                if depth == 0 {
                    guard !sawRoot, xmlTextReaderConstNamespaceUri(reader) == nil,
                          String(xmlChars: xmlTextReaderConstLocalName(reader)) == GALAElements.root else { return nil }
                    sawRoot = true
                    status = xmlTextReaderRead(reader)
                    continue
                }
                // A child of the root: a ROW, read whole, then passed over (and freed).
                guard depth == 1, let node = xmlTextReaderExpand(reader), !messages.any else { return nil }
                let row = XMLNode(node)
                let names = mapper?.names ?? GALANames(documentOf: row)
                guard names.isRow(row), !GALANormaliser.needsMending(row, names: names) else { return nil }
                if mapper == nil { mapper = GALARowMapper(file: file, names: names) }
                if let rule = mapper?.map(row) {
                    submission.rules.append(rule)
                    mapped?(rule)
                }
                status = xmlTextReaderNext(reader)
            }
            guard status == 0, sawRoot, !messages.any, xmlTextReaderIsValid(reader) == 1 else { return nil }
            if let mapper {
                submission.diagnostics += mapper.diagnostics
                submission.settings.banqOrganisationID = mapper.organisationID?.value
            }
            return submission
        }
    }
}
