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
        write(Data((outIsTerminal ? TerminalText.safe(line) : line).utf8), to: .standardOutput)
    }

    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        write(Data((errorIsTerminal ? TerminalText.safe(line) : line).utf8), to: .standardError)
    }

    /// Writes `data`, or ends the process when it cannot be written: quietly with status 0 when
    /// the reader is gone (`sablier audit verify | head -1`: the reader asked for no more), with
    /// status 74 (EX_IOERR) and the reason otherwise (a full disk must not pass for success).
    /// `FileHandle.write(_:)` would stop the process with a crash report instead.
    private static func write(_ data: Data, to handle: FileHandle) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            if errno == EPIPE || (error as NSError).code == Int(EPIPE) { exit(0) }
            if handle !== FileHandle.standardError {
                try? FileHandle.standardError.write(contentsOf: Data("sablier: standard output cannot be written: \(error.localizedDescription)\n".utf8))
            }
            exit(74)
        }
    }

    /// Prints diagnostics one per line, `FILE:LINE:COLUMN: severity: message`, on standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.description).joined(separator: "\n"))
    }
}
