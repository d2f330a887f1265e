internal import CLibXML2

/// Limits applied to every XML input, before and while it is read.
public struct XMLLimits: Sendable, Hashable {
    /// 50 MB: far above any real calendar (the 159-rule Valcourt calendar is 70 kB as CSV).
    public static let defaultMaximumBytes = 50_000_000
    /// A calendar nests five levels at most; 64 leaves room and stops hostile nesting early.
    public static let defaultMaximumDepth = 64
    /// A calendar's elements carry a handful of attributes, an office document's a few dozen;
    /// libxml2's cost grows with the square of an element's attributes (60,000 take it 5 s).
    public static let defaultMaximumAttributes = 256

    /// The largest input accepted, in bytes; checked before parsing.
    public var maximumBytes: Int
    /// The deepest element nesting accepted (the root is at depth 1). libxml2 stops at 256 by itself.
    public var maximumDepth: Int
    /// The most attributes (namespace declarations included) one element may carry; checked by
    /// `XMLAttributeScan` before parsing.
    public var maximumAttributes: Int

    public init(maximumBytes: Int = XMLLimits.defaultMaximumBytes, maximumDepth: Int = XMLLimits.defaultMaximumDepth,
                maximumAttributes: Int = XMLLimits.defaultMaximumAttributes) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumAttributes = maximumAttributes
    }

    public static let `default` = XMLLimits()
}

/// libxml2's process-wide set-up, done once.
enum LibXML {
    /// `xmlInitParser` is called exactly once, and the global error channels are silenced (for
    /// this thread and as the default of threads created later): Sablier collects every error
    /// through per-call structured handlers, and libxml2 must print nothing by itself.
    private static let initialised: Void = {
        xmlInitParser()
        sablier_silenceGlobalErrors()
    }()

    /// Call before any libxml2 use: initialises once, and silences the calling thread's global
    /// channels (libxml2 keeps them per thread, and Swift may run us on any thread).
    static func prepare() {
        _ = initialised
        sablier_silenceThreadErrors()
    }

    /// The parser options Sablier always uses: no network, line numbers past 65535, CDATA as
    /// text. Never NOENT (entity substitution), DTDLOAD, DTDATTR nor HUGE.
    static var parseOptions: Int32 {
        Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
    }
}

/// Strings to and from libxml2's `xmlChar` (UTF-8 bytes).
extension String {
    /// Decodes a libxml2 string; nil stays nil.
    init?(xmlChars pointer: UnsafePointer<xmlChar>?) {
        guard let pointer else { return nil }
        self = String(cString: pointer)
    }

    /// Decodes and frees a string libxml2 allocated for the caller.
    init?(xmlOwnedChars pointer: UnsafeMutablePointer<xmlChar>?) {
        guard let pointer else { return nil }
        self = String(cString: pointer)
        sablier_xmlFree(pointer)
    }

    /// Calls `body` with the string as a NUL-terminated `xmlChar` buffer.
    func withXMLChars<Result>(_ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        withCString { chars in
            chars.withMemoryRebound(to: xmlChar.self, capacity: utf8.count + 1) { body($0) }
        }
    }
}
