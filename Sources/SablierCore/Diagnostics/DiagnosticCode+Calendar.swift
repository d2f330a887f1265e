/// A calendar's problems, found as it is read (GALA, native XML, spreadsheets) or validated.
extension DiagnosticCode {
    static let calendar: [Self] = []
}
