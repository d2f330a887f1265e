public import Foundation
import Crypto

/// A plain-text message in French, written as RFC 5322 and MIME ask, for a mail transfer agent's
/// sendmail interface.
///
/// Every header is Sablier's own text or a checked address (`EmailAddress`): nothing a user
/// typed can end a header line. The subject, which holds a unit's name, goes as RFC 2047
/// encoded words (UTF-8, base64), folded; the body as quoted-printable UTF-8, so that no line
/// is longer than 76 characters and any transfer agent carries it unchanged. Lines end with a
/// line feed alone: the sendmail interface takes local text and writes CR LF on the wire.
public struct MailMessage: Sendable, Hashable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var date: Date
    /// With its angle brackets: `<…@…>`.
    public var messageID: String
    public var body: String

    public init(from: String, to: [String], subject: String, date: Date, messageID: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
    }

    /// The message as sendmail reads it on its standard input: headers, a blank line, the body.
    public func rendered() -> String {
        var lines = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Subject: " + Self.encodedWords(subject).joined(separator: "\n "),
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            // RFC 3834: written by a program, so that no vacation responder answers it.
            "Auto-Submitted: auto-generated",
            "",
        ]
        lines.append(Self.quotedPrintable(body))
        return lines.joined(separator: "\n")
    }

    /// `Sat, 05 Dec 2026 12:00:00 +0000`: RFC 5322's date-time, in UTC so that it does not
    /// depend on the machine's zone.
    public static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// A Message-ID unique to one recipient of one run: a digest of the instant (to the
    /// microsecond), the recipient and what the message is about, at the sender's domain.
    public static func messageID(at date: Date, recipient: String, about topic: String, domain: String) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let digest = SHA256.hash(data: Data("\(micros)\n\(recipient)\n\(topic)".utf8))
        let hex = digest.prefix(8).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return "<\(micros).\(hex)@\(domain)>"
    }

    /// The subject as it is written after `Subject: `: as is when it is printable ASCII that
    /// fits, else RFC 2047 encoded words of at most 68 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable && text.utf8.count <= 68 && !text.contains("=?") { return [text] }
        // 42 bytes give 56 base64 characters: with `=?UTF-8?B?` and `?=`, 68 in all, 77 with
        // the `Subject: ` before the first one.
        var words: [String] = [], chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 42, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk.removeAll()
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// `text` as quoted-printable UTF-8 (RFC 2045): printable ASCII as itself, every other byte
    /// as `=XX`, a space or tab ending a line encoded, lines cut with a soft break (`=`) so that
    /// none is longer than 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { output.append(0x0A) }
            let bytes = Array(line.utf8).filter { $0 != 0x0D }
            var width = 0
            for (position, byte) in bytes.enumerated() {
                let last = position == bytes.count - 1
                var token: [UInt8]
                if (byte >= 33 && byte <= 126 && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !last) {
                    token = [byte]
                } else {
                    token = [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
                // A soft break keeps the line at 76 with its `=`; the last token may end at 76.
                let limit = last ? 76 : 75
                if width + token.count > limit {
                    output += [0x3D, 0x0A]
                    width = 0
                }
                output += token
                width += token.count
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
