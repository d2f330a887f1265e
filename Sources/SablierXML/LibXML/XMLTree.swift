internal import CLibXML2

/// A parsed document, owned: freed with the value.
///
/// Not Sendable: a document is parsed, normalised, validated and read within one call.
final class XMLDocumentHandle {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element, if the document has one.
    var root: XMLNode? {
        xmlDocGetRootElement(pointer).map(XMLNode.init)
    }
}

/// A node of a document; valid while its `XMLDocumentHandle` lives.
struct XMLNode: Hashable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The local name.
    var name: String { String(xmlChars: pointer.pointee.name) ?? "" }

    /// True when the local name is `name`, as `self.name == name` would say, without building a
    /// String in the usual case (the same bytes, or different ASCII bytes).
    func hasName(_ name: String) -> Bool {
        guard let raw = pointer.pointee.name else { return name.isEmpty }
        return XMLName.matches(raw, name)
    }

    /// The namespace URI, nil when the element has none.
    var namespaceURI: String? {
        String(xmlChars: pointer.pointee.ns?.pointee.href)
    }

    /// The 1-based line of the start tag (0 when unknown).
    var line: Int {
        max(0, Int(xmlGetLineNo(pointer)))
    }

    /// The parent element, nil at the root.
    var parentElement: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent)
    }

    /// The element children, in document order, walked without building an array.
    var elementChildSequence: XMLElementChildren {
        XMLElementChildren(first: pointer.pointee.children)
    }

    /// The element children, in document order.
    var elementChildren: [XMLNode] {
        Array(elementChildSequence)
    }

    /// The first element child with this local name.
    func child(_ name: String) -> XMLNode? {
        elementChildSequence.first { $0.hasName(name) }
    }

    /// The element children with this local name.
    func children(_ name: String) -> [XMLNode] {
        elementChildSequence.filter { $0.hasName(name) }
    }

    /// The text the element holds (all descendant text, entities and character references resolved).
    ///
    /// An element holding nothing, or one text node, is read in place; anything else (comments,
    /// several text nodes, child elements) goes through `xmlNodeGetContent`, which gives the same
    /// text in the simple cases.
    var text: String {
        if pointer.pointee.type == XML_ELEMENT_NODE {
            guard let first = pointer.pointee.children else { return "" }
            if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE {
                return String(xmlChars: first.pointee.content) ?? ""
            }
        }
        return String(xmlOwnedChars: xmlNodeGetContent(pointer)) ?? ""
    }

    /// The value of an attribute without namespace, nil when absent.
    func attribute(_ name: String) -> String? {
        name.withXMLChars { String(xmlOwnedChars: xmlGetNoNsProp(pointer, $0)) }
    }

    /// Replaces the element's content with plain text (no entity interpretation).
    func setText(_ text: String) {
        xmlNodeSetContent(pointer, nil)
        text.withXMLChars { xmlNodeAddContent(pointer, $0) }
    }

    /// Moves the node to the end of `parent`'s children.
    func move(appendingTo parent: XMLNode) {
        xmlUnlinkNode(pointer)
        xmlAddChild(parent.pointer, pointer)
    }

    /// Unlinks the node from the tree and frees it.
    func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}

/// The element children of a node, in document order; a walk along libxml2's sibling links.
struct XMLElementChildren: Sequence {
    let first: xmlNodePtr?

    struct Iterator: IteratorProtocol {
        /// Where the walk resumes: the sibling after the last element returned.
        var cursor: xmlNodePtr?

        mutating func next() -> XMLNode? {
            guard let node = XMLElementChildren.firstElement(from: cursor) else {
                cursor = nil
                return nil
            }
            cursor = node.pointee.next
            return XMLNode(node)
        }
    }

    func makeIterator() -> Iterator { Iterator(cursor: first) }

    /// The first element node at or after `node` along the sibling links.
    static func firstElement(from node: xmlNodePtr?) -> xmlNodePtr? {
        var candidate = node
        while let current = candidate {
            if current.pointee.type == XML_ELEMENT_NODE { return current }
            candidate = current.pointee.next
        }
        return nil
    }
}

/// Element names compared as Swift compares Strings, on libxml2's bytes.
enum XMLName {
    /// True when the NUL-terminated UTF-8 `raw` equals `name` as Strings: the same bytes, or,
    /// when either side is not ASCII, canonically equivalent.
    static func matches(_ raw: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var index = 0
            var ascii = true
            while index < bytes.count {
                let byte = raw[index]
                if byte != bytes[index] || byte == 0 { break }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            if index == bytes.count, raw[index] == 0 { return true }
            // Different bytes: ASCII strings are equal only byte for byte; otherwise compare as Strings.
            if ascii, bytes[index...].allSatisfy({ $0 < 0x80 }), isASCII(raw + index) { return false }
            return String(cString: raw) == String(decoding: bytes, as: UTF8.self)
        }
    }

    /// True when the NUL-terminated bytes are all ASCII.
    static func isASCII(_ raw: UnsafePointer<xmlChar>) -> Bool {
        var pointer = raw
        while pointer.pointee != 0 {
            if pointer.pointee >= 0x80 { return false }
            pointer += 1
        }
        return true
    }
}

/// A fixed list of element names, and which of them a node is named, found by libxml2's
/// interned name pointers: the document's dictionary holds each name once, so one pointer
/// comparison usually settles it. Names outside the dictionary, or not ASCII, are compared as
/// Swift Strings would compare them.
struct XMLNameTable {
    private let names: [String]
    private let dictionary: xmlDictPtr?
    private let interned: [UnsafePointer<xmlChar>?]
    /// True when every listed name is ASCII: then an ASCII name is one of them only byte for byte.
    private let allASCII: Bool

    /// The table for the document `node` belongs to.
    init(_ names: [String], documentOf node: XMLNode) {
        self.names = names
        self.allASCII = names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        let dictionary = node.pointer.pointee.doc?.pointee.dict
        self.dictionary = dictionary
        self.interned = names.map { name in
            guard let dictionary else { return nil }
            return name.withXMLChars { xmlDictExists(dictionary, $0, -1) }
        }
    }

    /// The index in the list of the node's name, or nil when it is none of them.
    func index(of node: XMLNode) -> Int? {
        guard let raw = node.pointer.pointee.name else { return nil }
        for position in interned.indices where interned[position] == raw { return position }
        if allASCII, let dictionary, xmlDictOwns(dictionary, raw) == 1, XMLName.isASCII(raw) {
            // An interned ASCII name that is none of the listed names' interned copies.
            return nil
        }
        return names.firstIndex { XMLName.matches(raw, $0) }
    }

    /// True when every element child of `parent` has one of the names, each later in the list
    /// than the one before: the order a schema sequence requires, with no name repeated.
    func isInOrder(_ parent: XMLNode) -> Bool {
        var previous = -1
        for child in parent.elementChildSequence {
            guard let position = self.index(of: child), position > previous else { return false }
            previous = position
        }
        return true
    }
}

/// Resolves the node a libxml2 error points to: an attribute's element, or the element itself.
func elementNode(fromErrorNode raw: UnsafeMutableRawPointer?) -> XMLNode? {
    guard let raw else { return nil }
    var node: xmlNodePtr? = raw.assumingMemoryBound(to: xmlNode.self)
    // xmlAttr and xmlNode share their first fields (type, name, parent, …).
    var steps = 0
    while let current = node, current.pointee.type != XML_ELEMENT_NODE, steps < 8 {
        node = current.pointee.parent
        steps += 1
    }
    guard let element = node, element.pointee.type == XML_ELEMENT_NODE else { return nil }
    return XMLNode(element)
}
