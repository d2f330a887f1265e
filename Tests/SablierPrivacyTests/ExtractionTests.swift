import Foundation
import SablierExtraction
import SablierOffice
import SablierTestSupport
import Testing
import ZIPFoundation

/// Text extraction from real files of every format, and what happens to files that cannot be read.
@Suite("Text extraction, format by format")
struct ExtractionTests {
    static func corpus(_ name: String) -> String {
        Fixtures.root.appendingPathComponent("corpus/privacy/files/\(name)").path
    }

    /// The text of a file, and its format.
    static func text(_ path: String, extractor: TextExtractor = TextExtractor()) throws -> (String, DocumentFormat) {
        var bytes: [UInt8] = []
        let format = try extractor.extract(fileAt: path) { bytes.append(contentsOf: $0) }
        #expect(String(validating: bytes, as: UTF8.self) != nil, "extraction gives valid UTF-8")
        return (String(decoding: bytes, as: UTF8.self), format)
    }

    static func failure(_ path: String, extractor: TextExtractor = TextExtractor()) -> ExtractionError? {
        do {
            try extractor.extract(fileAt: path) { _ in }
            return nil
        } catch {
            return error
        }
    }

    @Test(".docx: the letterhead from word/header1.xml first, then the body, runs joined into lines")
    func docx() throws {
        let (text, format) = try Self.text(Self.corpus("t01-plan-intervention.docx"))
        #expect(format == .docx)
        let letterhead = try #require(text.range(of: "Centre de services scolaire du Val-des-Cèdres — École primaire des Bouleaux"))
        let body = try #require(text.range(of: "\nNom de l'élève : Léa Tremblay\n"))
        #expect(letterhead.upperBound < body.lowerBound)
        #expect(!text.contains("w:"), "no markup")
    }

    @Test(".odt: styles.xml's header, content.xml's paragraphs, text:s expanded to its spaces")
    func odt() throws {
        let (text, format) = try Self.text(Self.corpus("t03-convocation-employe.odt"))
        #expect(format == .odt)
        #expect(text.hasPrefix("Centre de services scolaire du Val-des-Cèdres — Service des ressources humaines\n"))
        #expect(text.contains("Lac-des-Seize-Îles (Québec)  J0T 2M0\n"))
    }

    @Test("a Word or OpenDocument package is named by what it holds, not by its file name")
    func packageByContent() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-extraction")
        defer { directory.remove() }
        let wordAsODT = directory.file("plan.odt")
        try FileManager.default.copyItem(atPath: Self.corpus("t01-plan-intervention.docx"), toPath: wordAsODT.path)
        #expect(try Self.text(wordAsODT.path).1 == .docx)
        let openDocumentAsDOCX = directory.file("convocation.docx")
        try FileManager.default.copyItem(atPath: Self.corpus("t03-convocation-employe.odt"), toPath: openDocumentAsDOCX.path)
        #expect(try Self.text(openDocumentAsDOCX.path).1 == .odt)
    }

    @Test(".rtf: \\'hh and \\uN decoded, header kept, font table, info and \\* destinations skipped")
    func rtf() throws {
        let (text, format) = try Self.text(Self.corpus("t12-note-de-service.rtf"))
        #expect(format == .rtf)
        #expect(text.contains("Service des ressources matérielles"))
        #expect(text.contains("Objet : Travaux de réfection des toitures — calendrier"))
        for hidden in ["Calibri", "generator", "Sablier", "Corpus", "\\par", "{"] { #expect(!text.contains(hidden), "\(hidden)") }
    }

    @Test(".html: tags, scripts, styles and comments dropped, entities decoded, form values kept")
    func html() throws {
        let (contact, _) = try Self.text(Self.corpus("t22-nous-joindre.html"))
        #expect(contact.contains("Heures d’ouverture : du lundi au vendredi, de 8\u{a0}h\u{a0}30 à 16\u{a0}h\u{a0}30."))
        #expect(contact.contains("Saint-Jérôme (Québec) J7Z\u{a0}5T3"))
        for hidden in ["UA-0000", "font-style", "<", "&nbsp;"] { #expect(!contact.contains(hidden), "\(hidden)") }
        // Saved as Windows-1252, values in attributes with entities.
        let (form, format) = try Self.text(Self.corpus("t11-inscription-web.html"))
        #expect(format == .html)
        #expect(form.contains("Nom de l'enfant :  Mathis Côté "))
        #expect(form.contains("Parent :  Geneviève Roy "))
        #expect(!form.contains("portail Parents"), "a comment")
    }

    @Test(".csv: the separator found, each cell under its column's name")
    func csv() throws {
        let (text, format) = try Self.text(Self.corpus("t08-transport-eleves.csv"))
        #expect(format == .csv)
        #expect(text.hasPrefix("nom: Côté\nprenom: Mathis\ndate_naissance: 2015-06-30\necole: École primaire des Bouleaux\n"))
        #expect(text.contains("telephone_parent: 450-555-0176\ncircuit: MB-04\n\n"))
        let (quoted, _) = try Self.text(Self.corpus("t24-library-overdue.csv"))
        #expect(quoted.contains("student_name: Walsh, Aiden\n"))
    }

    @Test(".xml: elements' text and attributes as name: value, streamed by libxml2")
    func xml() throws {
        let (text, format) = try Self.text(Self.corpus("t14-export-paie.xml"))
        #expect(format == .xml)
        #expect(text.contains("matricule: 408277\n"))
        #expect(text.contains("nom: Bergeron\nprenom: Isabelle\nnas: 463923326\n"))
        #expect(text.contains("transit: 81512\ninstitution: 815\ncompte: 0724519\n"))
    }

    @Test(".pdf: pdftotext's text, in reading order")
    func pdf() throws {
        let (text, format) = try Self.text(Self.corpus("t02-bulletin.pdf"))
        #expect(format == .pdf)
        #expect(text.contains("Code permanent : BEAJ64120807"))
        #expect(text.contains("Français, langue d'enseignement"))
    }

    @Test("plain text in UTF-16 with a byte-order mark, and Windows-1252 mixed with UTF-8")
    func encodings() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-extraction")
        defer { directory.remove() }
        let sentence = "Élève : Zoé Lapierre — NAS : 264 175 696 🎒\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in sentence.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16File = directory.file("utf16.txt")
        try Data(utf16).write(to: utf16File)
        #expect(try Self.text(utf16File.path).0 == sentence)
        // "Zoé" in Windows-1252 (E9), then "Léa" in UTF-8 (C3 A9), then a euro sign (80).
        let mixed = directory.file("mixed.txt")
        try Data([0x5A, 0x6F, 0xE9, 0x20, 0x4C, 0xC3, 0xA9, 0x61, 0x20, 0x80]).write(to: mixed)
        #expect(try Self.text(mixed.path).0 == "Zoé Léa €")
    }

    @Test("a scalar cut by the 1 MiB read boundary comes out whole, with or without Windows-1252 bytes")
    func chunkBoundary() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-extraction")
        defer { directory.remove() }
        let text = String(repeating: "a", count: (1 << 20) - 1) + "é — 🎒 Zoé\n" + String(repeating: "b", count: 5000)
        let utf8 = directory.file("boundary.txt")
        try Data(text.utf8).write(to: utf8)
        #expect(try Self.text(utf8.path).0 == text)
        // The same with one Windows-1252 byte (E9) further on: the second chunk is transcoded.
        var mixed = Array(text.utf8)
        mixed.insert(0xE9, at: mixed.count - 10)
        let windows = directory.file("mixed-boundary.txt")
        try Data(mixed).write(to: windows)
        let expected = String(repeating: "a", count: (1 << 20) - 1) + "é — 🎒 Zoé\n" + String(repeating: "b", count: 4990) + "é" + String(repeating: "b", count: 10)
        #expect(try Self.text(windows.path).0 == expected)
    }

    @Test("a pdftotext that ignores SIGTERM and starts a child is killed with its whole group at the timeout; the PDF is unreadable")
    func pdfToolKilledWithItsGroup() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-pdftotext")
        defer { directory.remove() }
        // A stand-in for a pdftotext stuck on a hostile PDF: SIGTERM ignored, a helper of its own,
        // and both process ids written down for the test to look for afterwards.
        let pids = directory.file("pids")
        let tool = directory.file("pdftotext")
        try Data("""
            #!/bin/sh
            trap '' TERM
            sleep 300 &
            echo "$$ $!" > '\(pids.path)'
            printf 'partial text'
            wait
            """.utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        let extractor = TextExtractor(limits: ExtractionLimits(pdfTimeout: 3), pdftotext: tool.path)
        let error = try #require(Self.failure(Self.corpus("t02-bulletin.pdf"), extractor: extractor))
        #expect(error.kind == .unreadable, "a PDF that times out is flagged for review, never skipped")
        #expect(error.description.contains("signal 9"), "\(error.description)")
        let started = try String(contentsOf: pids, encoding: .utf8).split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(started.count == 2)
        for pid in started {
            // Gone, or a zombie waiting for its reaper: nothing of the group runs any more. SIGKILL
            // was sent; the kernel may take a moment to finish a process off, so look a few times.
            func state() -> String? {
                (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?
                    .split(separator: " ").first.map(String.init)
            }
            var last = state()
            for _ in 0..<50 where last != nil && last != "Z" {
                usleep(20_000)
                last = state()
            }
            #expect(last == nil || last == "Z", "process \(pid) still runs: \(last ?? "")")
        }
    }

    @Test("RTF: a \\u number out of its 16 bits is no character and no crash (found by fuzzing: \\u-99999999999 trapped)")
    func rtfUnicodeOutOfRange() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-rtf-u")
        defer { directory.remove() }
        let file = directory.file("u.rtf")
        try Data(#"{\rtf1\ansi\uc1 a\u-99999999999?b\u99999999999?c\u233?d\u-4095?e}"#.utf8).write(to: file)
        let text = try Self.text(file.path).0
        #expect(text == "a?b?céd\u{F001}e", "\(text.debugDescription)")
    }

    @Test("pdftotext inherits no descriptor of Sablier's but its standard input, output and error")
    func pdfToolInheritsNoDescriptor() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-pdftotext-fds")
        defer { directory.remove() }
        // A file Sablier holds open, as it holds its SQLite database during a scan.
        let held = open(directory.file("held").path, O_CREAT | O_RDWR, 0o600)
        #expect(held > 2)
        defer { close(held) }
        // A stand-in that prints the descriptors it was started with, as the text of the PDF.
        let tool = directory.file("pdftotext")
        try Data("""
            #!/bin/sh
            exec ls /proc/self/fd
            """.utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        let extractor = TextExtractor(pdftotext: tool.path)
        let (text, _) = try Self.text(Self.corpus("t02-bulletin.pdf"), extractor: extractor)
        // `ls` itself opens one descriptor to read /proc/self/fd: 0, 1, 2 and that one.
        let descriptors = text.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        #expect(Array(descriptors.prefix(3)) == [0, 1, 2] && descriptors.count == 4, "\(descriptors)")
        #expect(!descriptors.contains(held))
    }

    @Test("a pdftotext spinning on the processor is stopped by its CPU limit, long before the wall clock; the PDF is unreadable",
          .timeLimit(.minutes(1)))
    func pdfToolStoppedByCPULimit() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-pdftotext")
        defer { directory.remove() }
        let pid = directory.file("pid")
        let tool = directory.file("pdftotext")
        try Data("""
            #!/bin/sh
            echo "$$" > '\(pid.path)'
            while :; do :; done
            """.utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        // The watchdog would wait ten minutes: only the CPU limit can end this one in time.
        let extractor = TextExtractor(limits: ExtractionLimits(pdfTimeout: 600, pdfCPUSeconds: 1), pdftotext: tool.path)
        let error = try #require(Self.failure(Self.corpus("t02-bulletin.pdf"), extractor: extractor))
        #expect(error.kind == .unreadable, "a PDF that uses up its time is flagged for review, never skipped")
        #expect(error.description.contains("processor time"), "\(error.description)")
        let started = try #require(Int32(String(contentsOf: pid, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(started, 0) != 0, "the tool was reaped: it runs no more")
    }

    @Test("the PDF limits are read from $SABLIER_PDF_TIMEOUT and $SABLIER_PDF_CPU, 30 s by default")
    func pdfLimitsConfigured() {
        let variable = "SABLIER_TEST_PDF_SECONDS_\(getpid())"
        #expect(ExtractionLimits.configuredSeconds(variable) == 30)
        setenv(variable, "7", 1)
        #expect(ExtractionLimits.configuredSeconds(variable) == 7)
        setenv(variable, "-3", 1)
        #expect(ExtractionLimits.configuredSeconds(variable) == 30)
        setenv(variable, "beaucoup", 1)
        #expect(ExtractionLimits.configuredSeconds(variable) == 30)
        unsetenv(variable)
        #expect(ExtractionLimits(pdfTimeout: 5, pdfCPUSeconds: 0).pdfCPUSeconds == 1)
    }

    @Test("unreadable files are reported as such, with why, never as text without personal information")
    func unreadable() throws {
        #expect(Self.failure(Self.corpus("t29-releve-tronque.pdf"))?.kind == .unreadable)
        let corrupt = try #require(Self.failure(Self.corpus("t30-formulaire-corrompu.docx")))
        #expect(corrupt.kind == .unreadable && corrupt.description.contains("word/document.xml"))
        let scan = try #require(Self.failure(Self.corpus("t31-numerisation-sans-texte.pdf")))
        #expect(scan.kind == .noText && scan.description.contains("OCR"))
        #expect(Self.failure("/nonexistent/file.txt")?.kind == .unreadable)
        #expect(Self.failure(Fixtures.root.appendingPathComponent("corpus").path)?.kind == .unsupported)
        let missingTool = Self.failure(Self.corpus("t02-bulletin.pdf"), extractor: TextExtractor(pdftotext: "/nonexistent/pdftotext"))
        #expect(missingTool?.kind == .toolMissing)

        let directory = try TemporaryDirectory(prefix: "sablier-extraction")
        defer { directory.remove() }
        let image = directory.file("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]).write(to: image)
        #expect(Self.failure(image.path)?.kind == .unsupported)
        let misnamed = directory.file("lettre.docx")
        try Data("Ceci n'est pas un document Word.".utf8).write(to: misnamed)
        #expect(Self.failure(misnamed.path)?.kind == .unreadable)
        let doctype = directory.file("entities.xml")
        try Data("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>".utf8).write(to: doctype)
        #expect(Self.failure(doctype.path)?.description.contains("DOCTYPE") == true)
        let broken = directory.file("broken.xml")
        try Data("<a><nom>Léa</a>".utf8).write(to: broken)
        let brokenError = try #require(Self.failure(broken.path))
        #expect(brokenError.kind == .unreadable && !brokenError.description.contains("Léa"))
        let empty = directory.file("vide.txt")
        try Data().write(to: empty)
        #expect(Self.failure(empty.path)?.kind == .noText)
    }

    @Test("a .docx of many small headers, each under the ratio's floor, is refused once its parts expand past the limit in all")
    func manyHeadersBounded() throws {
        let directory = try TemporaryDirectory(prefix: "sablier-extraction")
        defer { directory.remove() }
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        func package(headers: Int) throws -> URL {
            let archive = try Archive(data: Data(), accessMode: .create)
            var parts = [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document \(namespace)><w:body><w:p><w:r><w:t>Corps</w:t></w:r></w:p></w:body></w:document>")]
            for index in 0..<headers {
                parts.append(("word/header\(index).xml", "<w:hdr \(namespace)><w:p><w:r><w:t>" + String(repeating: " ", count: 100_000) + "</w:t></w:r></w:p></w:hdr>"))
            }
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            let file = directory.file("entetes-\(headers).docx")
            try #require(archive.data).write(to: file)
            return file
        }
        let extractor = TextExtractor(limits: ExtractionLimits(package: OpenDocumentLimits(maximumEntryBytes: 1_000_000)))
        #expect(Self.failure(try package(headers: 5).path, extractor: extractor) == nil, "half a megabyte in all is read")
        let error = try #require(Self.failure(try package(headers: 20).path, extractor: extractor))
        #expect(error.kind == .unreadable && error.description.contains("in all"), "\(error.description)")
    }

    @Test("a .docx zip bomb is refused by its compression ratio before it is expanded")
    func zipBomb() throws {
        let document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
            + String(repeating: " ", count: 20_000_000) + "</w:t></w:r></w:p></w:body></w:document>"
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [("[Content_Types].xml", "<Types/>"), ("word/document.xml", document)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        let directory = try TemporaryDirectory(prefix: "sablier-extraction")
        defer { directory.remove() }
        let bomb = directory.file("bombe.docx")
        try #require(archive.data).write(to: bomb)
        let error = try #require(Self.failure(bomb.path))
        #expect(error.kind == .unreadable && error.description.contains("zip bomb"))
    }
}
