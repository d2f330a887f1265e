public import Foundation

/// The XSDs Sablier validates calendars against, shipped with the binary as resources.
///
/// `schemas/` is their only home: the build copies them next to the executable, and
/// `xmllint --schema schemas/gala.xsd` reads the very same files.
public enum SchemaFile: String, Sendable, CaseIterable {
    /// BAnQ's GALA exchange format (`ROWSET/ROW/DELAI/DELAI_ROW`).
    case gala = "gala"
    /// Sablier's native, namespaced calendar format.
    case calendrier = "calendrier"

    /// The schema's location in the resource bundle.
    public var url: URL? {
        Bundle.module.url(forResource: rawValue, withExtension: "xsd")
    }

    /// The schema's bytes.
    public func data() throws -> Data {
        guard let url else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(rawValue).xsd"])
        }
        return try Data(contentsOf: url)
    }
}
