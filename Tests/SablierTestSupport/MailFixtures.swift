public import Foundation

/// Stand-in `sendmail` programs and a reader of the messages they keep, for the tests of
/// `sablier notify`: a shell script written into a temporary folder that records its arguments
/// and the message on its standard input, one file each per run, as a real transfer agent
/// would receive them.
public enum MailFixtures {
    /// A sendmail that keeps every message in `folder` (`message.PID`, `args.PID`) and exits 0;
    /// with `failFor`, one whose recipient contains that text is refused with exit status 75
    /// (EX_TEMPFAIL) and a sentence on standard error, the others kept.
    public static func sendmail(in folder: URL, failFor: String? = nil) throws -> URL {
        let script = folder.appendingPathComponent("sendmail")
        let failing = failFor.map { """
            case "$*" in *\($0)*) echo "sendmail: file d'attente pleine" >&2; cat > /dev/null; exit 75;; esac

            """ } ?? ""
        try """
            #!/bin/sh
            \(failing)printf '%s\\n' "$@" > "\(folder.path)/args.$$"
            cat > "\(folder.path)/message.$$"
            exit 0

            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    /// What one run of the stand-in received.
    public struct Received: Sendable {
        public var arguments: [String]
        public var message: String

        public init(arguments: [String], message: String) {
            self.arguments = arguments
            self.message = message
        }

        /// The header `name`'s value, unfolded.
        public func header(_ name: String) -> String? {
            let head = message.components(separatedBy: "\n\n").first ?? ""
            var unfolded: [String] = []
            for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(" ") || line.hasPrefix("\t"), !unfolded.isEmpty { unfolded[unfolded.count - 1] += String(line) } else { unfolded.append(String(line)) }
            }
            return unfolded.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }

        /// The subject, its RFC 2047 encoded words decoded.
        public var subject: String? { header("Subject").map(MailFixtures.decodeEncodedWords) }

        /// The body, quoted-printable decoded.
        public var body: String {
            let parts = message.components(separatedBy: "\n\n")
            return MailFixtures.decodeQuotedPrintable(parts.dropFirst().joined(separator: "\n\n"))
        }
    }

    /// Every message the stand-in kept in `folder`.
    public static func received(in folder: URL) throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("message.") }
        return try names.sorted().map { name in
            let pid = name.dropFirst("message.".count)
            let arguments = try String(contentsOf: folder.appendingPathComponent("args.\(pid)"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            return Received(arguments: arguments, message: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// `=?UTF-8?B?…?=` words (folding whitespace between them dropped), decoded.
    public static func decodeEncodedWords(_ text: String) -> String {
        var output = "", rest = Substring(text)
        while let start = rest.range(of: "=?UTF-8?B?") {
            output += rest[..<start.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: "?=") else { break }
            output += String(decoding: Data(base64Encoded: String(rest[..<end.lowerBound])) ?? Data(), as: UTF8.self)
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    /// Quoted-printable (RFC 2045) decoded: soft breaks joined, `=XX` as bytes, read as UTF-8.
    public static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "="), index + 1 < input.count, input[index + 1] == 0x0A {
                index += 2
            } else if input[index] == UInt8(ascii: "="), index + 2 < input.count,
                      let value = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
