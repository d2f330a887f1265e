import Foundation
import SablierCore

/// Writes to standard output and standard error; the only place commands print from.
///
/// What goes to a terminal is made safe first (`TerminalText`): control characters in a value
/// are shown, never run. What goes to a file or a pipe keeps its bytes.
enum Console {
    static let outIsTerminal = isatty(STDOUT_FILENO) == 1
    static let errorIsTerminal = isatty(STDERR_FILENO) == 1

    static func out(_ text: String) {
        // By its last byte: a CSV for Excel ends with CR LF, one `Character` that is not "\n".
        let line = text.utf8.last == 0x0A ? text : text + "\n"
        FileHandle.standardOutput.write(Data((outIsTerminal ? TerminalText.safe(line) : line).utf8))
    }

    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardError.write(Data((errorIsTerminal ? TerminalText.safe(line) : line).utf8))
    }

    /// Prints diagnostics one per line, `FILE:LINE:COLUMN: severity: message`, on standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.description).joined(separator: "\n"))
    }
}
