internal import CLibXML2
internal import Foundation
internal import SablierCore

/// What libxml2 reported while parsing one input; reached from the C callbacks through the
/// parser context's `_private`. Used by one call on one thread, never shared.
final class ParseCollector {
    let file: String
    /// What libxml2 said, the first hundred kept (`DiagnosticCollector`).
    var found = DiagnosticCollector()
    var diagnostics: [Diagnostic] { found.diagnostics }
    /// Where a DOCTYPE was met, if one was: the parse was stopped there.
    var doctype: SourceLocation?
    /// The first element, when only sniffing the root.
    var root: (name: String, namespace: String?)?
    /// Element depth while parsing (the root is at 1), and the first element, in document order,
    /// deeper than `depthLimit`: checked as the tree is built, so no walk over it is needed.
    var depth = 0
    var depthLimit = Int.max
    var tooDeep: xmlNodePtr?
    /// libxml2's own tree-building callbacks, which the depth-tracking ones call.
    var buildStart: startElementNsSAX2Func?
    var buildEnd: endElementNsSAX2Func?

    init(file: String) {
        self.file = file
    }

    func add(_ error: xmlError) {
        guard !found.isFull else {
            found.countLeftOut(error.level == XML_ERR_WARNING ? .warning : .error)
            return
        }
        let line = max(0, Int(error.line))
        let column = max(0, Int(error.int2))
        let location = SourceLocation(file: file, line: line, column: column)
        let raw = error.message.map { String(cString: $0) } ?? "unknown error"
        let text = raw.split(whereSeparator: { $0.isNewline }).map { $0.trimmingSpaces() }.joined(separator: " ")
        if error.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue), text.hasPrefix("Excessive depth") {
            found.append(.error(
                at: location,
                "elements are nested more than 256 levels deep, libxml2's limit; a calendar file nests a few levels only"
            ))
            return
        }
        if error.level == XML_ERR_WARNING {
            found.append(.warning(at: location, "XML warning: \(text)"))
        } else {
            found.append(.error(at: location, "not well-formed XML: \(text)"))
        }
    }
}

/// A parsed input: the document when it is well-formed and safe, and what was found.
struct ParsedXML {
    var document: XMLDocumentHandle?
    var diagnostics: [Diagnostic]
}

/// Parses untrusted XML from memory with libxml2, safely.
///
/// - Size is checked before anything else.
/// - No network, no DTD loading, no entity substitution; and any DOCTYPE stops the parse at once,
///   through the SAX `internalSubset` hook, before its internal subset is read: entity
///   declarations (billion laughs, external and parameter entities) are never processed.
/// - libxml2's own depth limit (256) applies, then Sablier's (`XMLLimits.maximumDepth`).
/// - Errors are collected per call through the context's structured handler; nothing is printed.
enum SafeXMLParser {
    static func parse(_ bytes: some ContiguousBytes, file: String, limits: XMLLimits) -> ParsedXML {
        bytes.withUnsafeBytes { parse(buffer: $0, file: file, limits: limits) }
    }

    static func parse(buffer data: UnsafeRawBufferPointer, file: String, limits: XMLLimits) -> ParsedXML {
        let collector = ParseCollector(file: file)
        if let problem = precheck(data, file: file, limits: limits) {
            return ParsedXML(document: nil, diagnostics: [problem])
        }
        collector.depthLimit = max(1, limits.maximumDepth)
        let document = run(data, collector: collector, sniffing: false)
        if let doctype = collector.doctype {
            return ParsedXML(document: nil, diagnostics: [doctypeError(at: doctype)])
        }
        guard let document, !collector.diagnostics.hasErrors else {
            var diagnostics = collector.diagnostics
            if !diagnostics.hasErrors {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 0), "the file could not be read as XML"))
            }
            return ParsedXML(document: nil, diagnostics: diagnostics)
        }
        guard document.root != nil else {
            return ParsedXML(document: nil, diagnostics: collector.diagnostics + [
                .error(at: SourceLocation(file: file, line: 0), "the file holds no XML element"),
            ])
        }
        if let deep = collector.tooDeep.map(XMLNode.init) {
            return ParsedXML(document: nil, diagnostics: collector.diagnostics + [
                .error(
                    at: SourceLocation(file: file, line: deep.line),
                    "elements are nested more than \(limits.maximumDepth) levels deep (<\(deep.name)>); a calendar file nests a few levels only",
                    field: deep.name
                ),
            ])
        }
        return ParsedXML(document: document, diagnostics: collector.diagnostics)
    }

    /// The name and namespace of the root element, read without building a tree and stopping at
    /// the first element; nil when there is none, the input is too large, or it has a DOCTYPE.
    static func sniffRoot(_ bytes: some ContiguousBytes, limits: XMLLimits) -> (name: String, namespace: String?)? {
        bytes.withUnsafeBytes { sniffRoot(buffer: $0, limits: limits) }
    }

    static func sniffRoot(buffer data: UnsafeRawBufferPointer, limits: XMLLimits) -> (name: String, namespace: String?)? {
        guard precheck(data, file: "", limits: limits, elements: 1) == nil else { return nil }
        let collector = ParseCollector(file: "")
        _ = run(data, collector: collector, sniffing: true)
        guard collector.doctype == nil else { return nil }
        return collector.root
    }

    static func doctypeError(at location: SourceLocation) -> Diagnostic {
        .error(at: location, "DOCTYPE declarations are not allowed in a calendar file (entities could be expanded)")
    }

    static func sizeError(_ size: Int, limit: Int, file: String) -> Diagnostic {
        .error(
            at: SourceLocation(file: file, line: 0),
            "the file is \(size) bytes, over the size limit of \(limit) bytes for a calendar file"
        )
    }

    static func crowdedError(_ crowded: XMLAttributeScan.Crowded, limit: Int, file: String) -> Diagnostic {
        .error(at: SourceLocation(file: file, line: crowded.line), .tooManyAttributes,
               ["element": crowded.element, "limit": String(limit)], field: crowded.element)
    }

    /// Size, emptiness and crowded elements, checked before libxml2 sees a byte.
    /// `elements` limits the attribute scan to the first start tags, when only they are parsed.
    private static func precheck(_ data: UnsafeRawBufferPointer, file: String, limits: XMLLimits, elements: Int = .max) -> Diagnostic? {
        let location = SourceLocation(file: file, line: 0)
        let limit = min(limits.maximumBytes, Int(Int32.max))
        if data.count > limit {
            return sizeError(data.count, limit: limit, file: file)
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .error(at: location, "the file is empty: a calendar file must hold an XML document")
        }
        if let crowded = XMLAttributeScan.firstCrowdedElement(in: data, limit: limits.maximumAttributes, elements: elements) {
            return crowdedError(crowded, limit: limits.maximumAttributes, file: file)
        }
        return nil
    }

    /// Runs libxml2 on the bytes; returns the document only when not sniffing.
    private static func run(_ raw: UnsafeRawBufferPointer, collector: ParseCollector, sniffing: Bool) -> XMLDocumentHandle? {
        LibXML.prepare()
        guard let context = xmlNewParserCtxt() else {
            collector.found.append(.error(at: SourceLocation(file: collector.file, line: 0), "libxml2 could not create a parser"))
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        guard let sax = context.pointee.sax else {
            collector.found.append(.error(at: SourceLocation(file: collector.file, line: 0), "libxml2 could not create a parser"))
            return nil
        }
        return withExtendedLifetime(collector) { () -> XMLDocumentHandle? in
            // The callbacks receive the context itself (its userData, which SAX2 needs to stay
            // the context); the collector rides on `_private`, which libxml2 never touches.
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            sax.pointee.serror = collectParserError
            sax.pointee.internalSubset = refuseDoctype
            sax.pointee.externalSubset = nil
            if sniffing {
                sax.pointee.startElementNs = recordRootAndStop
            } else {
                collector.buildStart = sax.pointee.startElementNs
                collector.buildEnd = sax.pointee.endElementNs
                sax.pointee.startElementNs = startElementTrackingDepth
                sax.pointee.endElementNs = endElementTrackingDepth
            }
            var pointer: xmlDocPtr?
            if let base = raw.baseAddress, raw.count <= Int(Int32.max) {
                pointer = xmlCtxtReadMemory(
                    context, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, LibXML.parseOptions
                )
            }
            context.pointee._private = nil
            guard let pointer else { return nil }
            let document = XMLDocumentHandle(pointer)
            if sniffing || context.pointee.wellFormed == 0 { return nil }
            return document
        }
    }
}

/// The collector riding on a parser context passed as a callback's `ctx`.
private func collector(ofContext ctx: UnsafeMutableRawPointer?) -> (ParseCollector, xmlParserCtxtPtr)? {
    guard let ctx else { return nil }
    let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let privateData = context.pointee._private else { return nil }
    return (Unmanaged<ParseCollector>.fromOpaque(privateData).takeUnretainedValue(), context)
}

/// Structured error handler of the parser context: `userData` is the context.
private func collectParserError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, let (collector, _) = collector(ofContext: userData) else { return }
    guard collector.doctype == nil else { return }
    collector.add(error.pointee)
}

/// SAX `internalSubset`: called when `<!DOCTYPE name …` has been read, before `[…]`.
private func refuseDoctype(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
    _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?
) {
    guard let (collector, context) = collector(ofContext: ctx) else {
        if let ctx { xmlStopParser(ctx.assumingMemoryBound(to: xmlParserCtxt.self)) }
        return
    }
    if collector.doctype == nil {
        let input = context.pointee.input
        collector.doctype = SourceLocation(
            file: collector.file,
            line: max(1, Int(input?.pointee.line ?? 1)),
            column: max(0, Int(input?.pointee.col ?? 0))
        )
    }
    xmlStopParser(context)
}

/// SAX `startElementNs` when sniffing: records the root's name and namespace and stops.
private func recordRootAndStop(
    _ ctx: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let (collector, context) = collector(ofContext: ctx) else { return }
    if collector.root == nil {
        collector.root = (String(xmlChars: localName) ?? "", String(xmlChars: uri))
    }
    xmlStopParser(context)
}

/// SAX `startElementNs` when building the tree: builds the element, then notes it when it is
/// the first one deeper than the limit (the tree is built in document order, so this is the
/// first such element a walk of the finished tree would meet).
private func startElementTrackingDepth(
    _ ctx: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let (collector, context) = collector(ofContext: ctx) else { return }
    collector.buildStart?(ctx, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    collector.depth += 1
    if collector.depth > collector.depthLimit, collector.tooDeep == nil,
       let node = context.pointee.node, node.pointee.type == XML_ELEMENT_NODE {
        collector.tooDeep = node
    }
}

/// SAX `endElementNs` when building the tree.
private func endElementTrackingDepth(
    _ ctx: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let (collector, _) = collector(ofContext: ctx) else { return }
    collector.buildEnd?(ctx, localName, prefix, uri)
    collector.depth -= 1
}
