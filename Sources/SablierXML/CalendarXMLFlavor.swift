public import Foundation
public import SablierCore

/// The two XML calendar formats Sablier reads.
public enum CalendarXMLFlavor: String, Sendable, Hashable, CaseIterable {
    /// BAnQ's GALA exchange format: root `ROWSET`, no namespace.
    case gala
    /// Sablier's native format: root `calendrierConservation` in `nativeNamespace`.
    case native

    /// The namespace of Sablier's native calendar format (`calendrier.xsd`).
    public static let nativeNamespace = "urn:x-sablier:calendrier-conservation:1"

    /// Which format the bytes are, from their root element's name and namespace; nil when they
    /// are neither (or not XML, too large, or carry a DOCTYPE).
    ///
    /// Only the start of the document is parsed, by libxml2 with the same safe settings as a
    /// full read, stopping at the first element: nothing is expanded, no tree is built.
    public static func detect(_ bytes: some ContiguousBytes, limits: XMLLimits = .default) -> CalendarXMLFlavor? {
        guard let root = SafeXMLParser.sniffRoot(bytes, limits: limits) else { return nil }
        switch (root.name, root.namespace) {
        case (GALAElements.root, nil): return .gala
        case (NativeElements.root, nativeNamespace?): return .native
        default: return nil
        }
    }

    /// The calendar format this flavor reads into.
    public var format: CalendarFormat {
        switch self {
        case .gala: return .gala
        case .native: return .native
        }
    }

    /// The schema a file of this flavor must satisfy.
    public var schemaName: String {
        switch self {
        case .gala: return "gala.xsd"
        case .native: return "calendrier.xsd"
        }
    }
}

/// Reads an XML calendar of either flavor, recognised by its root element.
public enum CalendarXMLReader {
    /// Reads GALA or native XML; an error diagnostic when the root is neither. `mapped` sees
    /// the rules of a GALA file as they are read (see `GALACalendarReader`); other files
    /// give theirs only in the submission.
    public static func read(
        bytes: some ContiguousBytes, file: String, limits: XMLLimits = .default, mapped: ((SubmittedRule) -> Void)? = nil
    ) -> CalendarSubmission {
        switch CalendarXMLFlavor.detect(bytes, limits: limits) {
        case .gala?:
            return GALACalendarReader.read(bytes: bytes, file: file, limits: limits, mapped: mapped)
        case .native?:
            return NativeCalendarReader.read(bytes: bytes, file: file, limits: limits)
        case nil:
            // Parsed in full for the precise reason: size, DOCTYPE, syntax or root.
            let parsed = SafeXMLParser.parse(bytes, file: file, limits: limits)
            var diagnostics = parsed.diagnostics
            if let root = parsed.document?.root {
                var values = ["element": root.name, "native": CalendarXMLFlavor.nativeNamespace]
                values["namespace"] = root.namespaceURI
                diagnostics.append(.error(
                    at: SourceLocation(file: file, line: root.line),
                    root.namespaceURI == nil ? .calendarWrongRootWithoutNamespace : .calendarWrongRoot, values,
                    field: root.name))
            } else if !diagnostics.hasErrors {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 0), .notACalendarFile))
            }
            return CalendarSubmission(format: .native, file: file, settings: RetentionCalendar(), isDelta: false, rules: [], diagnostics: diagnostics)
        }
    }
}
