import Foundation

/// Text made safe for a terminal: a title, a unit or a note typed by anyone must never reach a
/// terminal as an escape sequence (colours, a moved cursor, a rewritten line, a window title,
/// a hyperlink) or as a bidirectional override that shows a reference backwards.
///
/// Line feeds and tabs stay; every other C0 control and DEL is shown as its Unicode control
/// picture (`␛` for ESC, `␍` for CR), and C1 controls and the bidirectional overrides and
/// isolates as `�`. Only text bound for a terminal is changed: a listing piped to a file or a
/// program keeps its bytes (`Console`).
enum TerminalText {
    static func safe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A:
                out.append(scalar)
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}
