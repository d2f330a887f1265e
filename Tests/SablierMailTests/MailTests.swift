import Foundation
import SablierMail
import SablierTestSupport
import Testing

/// The message `sablier notify` hands to sendmail, and the hand-over itself, through stand-in
/// sendmail programs (shell scripts) that keep what they receive.
@Suite("Mail: RFC 5322 messages and the sendmail interface")
struct MailTests {
    /// 2026-12-04 12:00:00 UTC.
    static let instant = Date(timeIntervalSince1970: 1_796_385_600)

    static func message(body: String = "Bonjour rh.chef,\n\nVoici ce qui concerne l'unité.\n") -> MailMessage {
        MailMessage(from: "sablier@css.example.qc.ca", to: ["chef.rh@css.example.qc.ca"],
                    subject: "Sablier — Échéances de l'unité Ressources humaines au 2026-12-04", date: instant,
                    messageID: MailMessage.messageID(at: instant, recipient: "rh.chef", about: "ressources humaines", domain: "css.example.qc.ca"),
                    body: body)
    }

    @Test("the headers: From, To, an RFC 2047 subject in UTF-8, an RFC 5322 date in UTC, a Message-ID, MIME in quoted-printable UTF-8")
    func headers() throws {
        let text = Self.message().rendered()
        let received = MailFixtures.Received(arguments: [], message: text)
        #expect(received.header("From") == "sablier@css.example.qc.ca")
        #expect(received.header("To") == "chef.rh@css.example.qc.ca")
        #expect(received.subject == "Sablier — Échéances de l'unité Ressources humaines au 2026-12-04")
        #expect(received.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(received.header("Date") == "Fri, 04 Dec 2026 12:00:00 +0000")
        #expect(received.header("MIME-Version") == "1.0")
        #expect(received.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(received.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(received.header("Message-ID")?.wholeMatch(of: /<1796385600000000\.[0-9a-f]{16}@css\.example\.qc\.ca>/) != nil)
        #expect(received.body == "Bonjour rh.chef,\n\nVoici ce qui concerne l'unité.\n")
        // Every line of the message within 78 characters, every one plain ASCII.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.utf8.count <= 78, "\(line)")
            #expect(line.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }, "\(line)")
        }
    }

    @Test("two recipients, or two instants, never share a Message-ID")
    func messageIDs() {
        let a = MailMessage.messageID(at: Self.instant, recipient: "rh", about: "rh", domain: "example.ca")
        #expect(a != MailMessage.messageID(at: Self.instant, recipient: "rh.chef", about: "rh", domain: "example.ca"))
        #expect(a != MailMessage.messageID(at: Self.instant.addingTimeInterval(0.001), recipient: "rh", about: "rh", domain: "example.ca"))
    }

    @Test("a long line, accents, a trailing space and an '=' survive quoted-printable within 76 characters a line")
    func quotedPrintable() {
        let body = String(repeating: "Échéance de destruction = règle 1201 ; ", count: 9) + "fin \nligne\n"
        let text = Self.message(body: body).rendered()
        let received = MailFixtures.Received(arguments: [], message: text)
        #expect(received.body == body)
        let encoded = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        for line in encoded.split(separator: "\n") { #expect(line.utf8.count <= 76, "\(line)") }
        #expect(encoded.contains("fin=20\n"))
    }

    @Test("a subject longer than one encoded word is folded into several, no character split between them")
    func longSubject() {
        var message = Self.message()
        message.subject = "Sablier — Échéances de l'unité École secondaire Émile-Legault et Pavillon des Érables au 2026-12-04"
        let received = MailFixtures.Received(arguments: [], message: message.rendered())
        #expect(received.subject == message.subject)
        #expect(message.rendered().contains("?=\n =?UTF-8?B?"))
    }

    @Test("sendmail gets -i -- and the addresses as separate arguments, and the message on its standard input")
    func delivered() throws {
        let folder = try TemporaryDirectory(prefix: "sablier-mail")
        defer { folder.remove() }
        let program = try MailFixtures.sendmail(in: folder.url)
        let text = Self.message().rendered()
        try Sendmail(path: program.path).deliver(text, to: ["chef.rh@css.example.qc.ca"])
        let kept = try MailFixtures.received(in: folder.url)
        #expect(kept.count == 1)
        #expect(kept.first?.arguments == ["-i", "--", "chef.rh@css.example.qc.ca"])
        #expect(kept.first?.message == text)
    }

    @Test("a sendmail that exits 75 is reported with its status and what it said")
    func refused() throws {
        let folder = try TemporaryDirectory(prefix: "sablier-mail")
        defer { folder.remove() }
        let program = try MailFixtures.sendmail(in: folder.url, failFor: "chef.rh")
        let failure = #expect(throws: Sendmail.Failure.self) {
            try Sendmail(path: program.path).deliver(Self.message().rendered(), to: ["chef.rh@css.example.qc.ca"])
        }
        #expect(failure?.description == "\(program.path) exited with status 75: sendmail: file d'attente pleine")
        #expect(try MailFixtures.received(in: folder.url).isEmpty)
    }

    @Test("a missing sendmail is reported, naming it")
    func missing() {
        let failure = #expect(throws: Sendmail.Failure.self) {
            try Sendmail(path: "/nonexistent/sendmail").deliver(Self.message().rendered(), to: ["chef.rh@css.example.qc.ca"])
        }
        #expect(failure?.description.hasPrefix("/nonexistent/sendmail is not an executable program") == true)
    }

    @Test("a sendmail that never ends is stopped at its timeout, with what it started")
    func timeout() throws {
        let folder = try TemporaryDirectory(prefix: "sablier-mail")
        defer { folder.remove() }
        let program = folder.file("sendmail")
        try "#!/bin/sh\nsleep 300 &\nwait\n".write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        let failure = #expect(throws: Sendmail.Failure.self) {
            try Sendmail(path: program.path, timeout: 1).deliver(Self.message().rendered(), to: ["chef.rh@css.example.qc.ca"])
        }
        #expect(failure?.description == "\(program.path) was stopped after 1 s or killed (signal 9)")
    }
}
