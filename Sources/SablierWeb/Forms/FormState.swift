import Foundation
import SablierApplication
import SablierCore

/// A form shown again after a refusal: what was typed, and the application's sentence next to
/// the field it concerns, in the page's language.
///
/// The sentence is the application's (`MessageCatalogue`): the page adds nothing of its own.
/// `field` says which input the refusal is about; the template gives that input
/// `aria-invalid` and `aria-describedby`, and the summary at the top links to it (WCAG 3.3.1).
struct FormState {
    /// One sentence of the summary, linking to its field.
    struct Problem {
        let field: String?
        let message: String
    }

    /// What was typed, by field name, to fill the form again.
    var values: [String: String] = [:]
    /// Field name → its sentence, for `{{#errors.title}}…{{/errors.title}}`.
    var errors: [String: String] = [:]
    var problems: [Problem] = []
    /// Diagnostics with their line (an import's), each under its line of the file.
    var diagnostics: [DiagnosticView] = []

    /// Stored, not computed: Mustache sees a value's stored properties only.
    var hasProblems = false
    var hasDiagnostics = false

    init(values: [String: String] = [:]) {
        self.values = values
    }

    /// The form refused by `refusal`, about `field` (nil: the form as a whole).
    init(values: [String: String] = [:], refusal: Refusal, field: String?, _ language: Language) {
        self.values = values
        add(refusal, field: field, language)
    }

    mutating func add(_ refusal: Refusal, field: String?, _ language: Language) {
        let message = MessageCatalogue.message(refusal, in: language)
        if let field { errors[field] = message }
        problems.append(Problem(field: field, message: message))
        diagnostics += refusal.diagnostics.map { DiagnosticView($0, language) }
        hasProblems = true
        hasDiagnostics = !diagnostics.isEmpty
    }

    /// A problem the page finds itself before calling the use case (two passwords differ).
    mutating func add(label key: String, field: String?, _ language: Language) {
        let message = Labels.text(key, language)
        if let field { errors[field] = message }
        problems.append(Problem(field: field, message: message))
        hasProblems = true
    }
}

/// A diagnostic as the pages show it: where (file, line, field), how serious, what.
struct DiagnosticView {
    let file: String
    let line: Int?
    let field: String?
    let rule: String?
    let severity: String
    let isError: Bool
    let message: String

    init(_ diagnostic: Diagnostic, _ language: Language) {
        file = diagnostic.location.file
        line = diagnostic.location.line > 0 ? diagnostic.location.line : nil
        field = diagnostic.field
        rule = diagnostic.rule
        isError = diagnostic.severity == .error
        severity = Labels.text(isError ? "severity_error" : "severity_warning", language)
        message = MessageCatalogue.message(diagnostic, in: language)
    }
}
