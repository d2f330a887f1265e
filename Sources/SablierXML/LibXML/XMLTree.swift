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

    /// The element children, in document order.
    var elementChildren: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(XMLNode(node)) }
            child = node.pointee.next
        }
        return result
    }

    /// The first element child with this local name.
    func child(_ name: String) -> XMLNode? {
        elementChildren.first { $0.name == name }
    }

    /// The element children with this local name.
    func children(_ name: String) -> [XMLNode] {
        elementChildren.filter { $0.name == name }
    }

    /// The text the element holds (all descendant text, entities and character references resolved).
    var text: String {
        String(xmlOwnedChars: xmlNodeGetContent(pointer)) ?? ""
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

    /// The first element found nested deeper than `limit` levels below and including this one
    /// (this one is at depth 1), or nil. The walk never goes deeper than `limit + 1`.
    func exceedsDepth(_ limit: Int) -> XMLNode? {
        func visit(_ node: XMLNode, depth: Int) -> XMLNode? {
            if depth > limit { return node }
            for child in node.elementChildren {
                if let found = visit(child, depth: depth + 1) { return found }
            }
            return nil
        }
        return visit(self, depth: 1)
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
