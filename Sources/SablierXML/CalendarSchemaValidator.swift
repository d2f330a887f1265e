public import Foundation
public import SablierCore
public import SablierSchemas

/// Validates an XML file as it is against one of Sablier's schemas, without normalising nor
/// reading it: what `xmllint --schema` would say, in Sablier's words.
public enum CalendarSchemaValidator {
    /// The problems of the bytes against the schema: parse errors (size, DOCTYPE, syntax,
    /// depth) or XSD errors, each with its line; empty when the file is valid.
    public static func validate(
        bytes: some ContiguousBytes, against schema: SchemaFile, file: String, limits: XMLLimits = .default
    ) -> [Diagnostic] {
        let parsed = SafeXMLParser.parse(bytes, file: file, limits: limits)
        guard let document = parsed.document else { return parsed.diagnostics }
        let context = schema == .gala ? GALAElements.errorContext : NativeElements.errorContext
        return parsed.diagnostics + SchemaValidator.validate(document, against: schema, file: file, context: context).diagnostics
    }
}
