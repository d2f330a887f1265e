internal import CLibXML2
internal import Foundation
internal import SablierCore
internal import SablierSchemas

/// A compiled XSD, compiled once and then only read.
final class CompiledSchema: @unchecked Sendable { // libxml2 lets one compiled xmlSchema serve many validation contexts at once; it is never mutated after xmlSchemaParse.
    let pointer: xmlSchemaPtr

    init(_ pointer: xmlSchemaPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlSchemaFree(pointer)
    }
}

/// Why a shipped schema could not be compiled (a packaging bug, not an input problem).
struct SchemaCompilationFailure: Error, Sendable {
    let schema: String
    let messages: [String]
}

/// Each shipped schema, compiled on first use and kept for the life of the process.
enum SchemaCache {
    private static let gala = compile(.gala)
    private static let calendrier = compile(.calendrier)

    static func schema(_ file: SchemaFile) -> Result<CompiledSchema, SchemaCompilationFailure> {
        switch file {
        case .gala: return gala
        case .calendrier: return calendrier
        }
    }

    private static func compile(_ file: SchemaFile) -> Result<CompiledSchema, SchemaCompilationFailure> {
        LibXML.prepare()
        let name = "\(file.rawValue).xsd"
        guard let data = try? file.data() else {
            return .failure(SchemaCompilationFailure(schema: name, messages: ["the schema file is missing from the resources"]))
        }
        let collector = MessageCollector()
        return withExtendedLifetime(collector) {
            data.withUnsafeBytes { raw -> Result<CompiledSchema, SchemaCompilationFailure> in
                guard let base = raw.baseAddress,
                      let parser = xmlSchemaNewMemParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(raw.count)) else {
                    return .failure(SchemaCompilationFailure(schema: name, messages: ["libxml2 could not create a schema parser"]))
                }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, collectMessage, Unmanaged.passUnretained(collector).toOpaque())
                guard let schema = xmlSchemaParse(parser) else {
                    return .failure(SchemaCompilationFailure(schema: name, messages: collector.messages))
                }
                return .success(CompiledSchema(schema))
            }
        }
    }
}

/// Collects plain messages (schema compilation).
private final class MessageCollector {
    var messages: [String] = []
}

private func collectMessage(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    let collector = Unmanaged<MessageCollector>.fromOpaque(userData).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    collector.messages.append("line \(error.pointee.line): \(message.trimmingSpaces())")
}

/// What validating a document against an XSD found.
struct SchemaValidationOutcome {
    var diagnostics: [Diagnostic]
    /// The units (GALA `ROW`, native `regle`) that hold at least one error; the root when an
    /// error belongs to no unit.
    var invalidUnits: Set<XMLNode>
}

/// How a format names the rule a node belongs to, and the hints its values take.
struct SchemaErrorContext {
    /// The unit (GALA `ROW`, native `regle`) a node belongs to.
    var unit: (XMLNode) -> XMLNode?
    /// A unit's rule number: looked up once per unit however many errors it holds.
    var ruleNumber: (XMLNode) -> String?
    /// What a field or attribute expects, by element or attribute name, for invalid-value messages.
    var hints: [String: String]
    /// Plain-language names of identity constraints, by constraint name.
    var constraints: [String: String]
}

/// Collects schema validation errors for one validation; reached from the C callback.
final class ValidationCollector {
    let file: String
    let context: SchemaErrorContext
    /// The first hundred messages kept, the others counted (`DiagnosticCollector`): a file can
    /// break the schema once per attribute or per element, a million times.
    var found = DiagnosticCollector()
    var diagnostics: [Diagnostic] { found.diagnostics }
    var invalidUnits: Set<XMLNode> = []
    /// The last invalid-value error, to drop the second message libxml2 gives for the same value.
    private var lastInvalidValue: (line: Int, field: String)?
    /// The unit of the last error and its rule number: errors come unit after unit.
    private var lastUnit: (unit: XMLNode, rule: String?)?

    init(file: String, context: SchemaErrorContext) {
        self.file = file
        self.context = context
    }

    func add(_ error: xmlError) {
        let node = elementNode(fromErrorNode: error.node)
        let line = node?.line ?? max(0, Int(error.line))
        let location = SourceLocation(file: file, line: line, column: max(0, Int(error.int2)))
        let severity: Severity = error.level == XML_ERR_WARNING ? .warning : .error
        var unitRule: String?
        func noteUnit(named: Bool) {
            guard let node else { return }
            guard let unit = context.unit(node) else {
                invalidUnits.insert(node)
                return
            }
            invalidUnits.insert(unit)
            guard named else { return }
            if let last = lastUnit, last.unit == unit {
                unitRule = last.rule
            } else {
                unitRule = context.ruleNumber(unit)
                lastUnit = (unit, unitRule)
            }
        }
        // Past the limit, the unit is still set aside (it must not be read as a rule) and the
        // message counted, without being read: each one costs the same, however many come.
        if found.isFull {
            noteUnit(named: false)
            found.countLeftOut(severity)
            return
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown error"
        let message = SchemaMessage(raw)
        if message.isNoise { return }
        noteUnit(named: true)
        let field = message.attribute.map { "\(message.element)@\($0)" } ?? message.element
        if message.isInvalidValue {
            if let last = lastInvalidValue, last.line == line, last.field == field, message.isTypeRestatement { return }
            lastInvalidValue = (line, field)
        } else {
            lastInvalidValue = nil
        }
        let text = message.plainText(hints: context.hints, constraints: context.constraints)
        let prefix = unitRule.map { "rule \($0): " } ?? ""
        found.append(Diagnostic(severity, at: location, prefix + text, rule: unitRule, field: field.isEmpty ? nil : field))
    }
}

private func collectValidationError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    Unmanaged<ValidationCollector>.fromOpaque(userData).takeUnretainedValue().add(error.pointee)
}

enum SchemaValidator {
    /// Validates a parsed document against a shipped schema; every error is reported, with its line.
    static func validate(
        _ document: XMLDocumentHandle, against schemaFile: SchemaFile, file: String, context: SchemaErrorContext
    ) -> SchemaValidationOutcome {
        LibXML.prepare()
        let schema: CompiledSchema
        switch SchemaCache.schema(schemaFile) {
        case .success(let compiled):
            schema = compiled
        case .failure(let failure):
            let detail = failure.messages.isEmpty ? "" : ": " + failure.messages.joined(separator: "; ")
            return SchemaValidationOutcome(
                diagnostics: [.error(at: SourceLocation(file: file, line: 0), "internal error: the schema \(failure.schema) could not be compiled\(detail)")],
                invalidUnits: document.root.map { [$0] } ?? []
            )
        }
        let collector = ValidationCollector(file: file, context: context)
        return withExtendedLifetime((collector, schema)) {
            guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else {
                return SchemaValidationOutcome(
                    diagnostics: [.error(at: SourceLocation(file: file, line: 0), "internal error: libxml2 could not create a validation context")],
                    invalidUnits: document.root.map { [$0] } ?? []
                )
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, collectValidationError, Unmanaged.passUnretained(collector).toOpaque())
            let result = xmlSchemaValidateDoc(validation, document.pointer)
            var diagnostics = collector.diagnostics
            if result != 0 && !diagnostics.hasErrors {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 0), "the file does not satisfy \(schemaFile.rawValue).xsd (libxml2 code \(result))"))
            }
            var invalid = collector.invalidUnits
            if result != 0, invalid.isEmpty, let root = document.root { invalid.insert(root) }
            return SchemaValidationOutcome(diagnostics: diagnostics, invalidUnits: invalid)
        }
    }
}
