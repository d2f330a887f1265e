import SablierXML

/// The text of a word-processing document in a zip package: Office Open XML (`.docx`) or
/// OpenDocument (`.odt`, and the text of any other OpenDocument file), read from memory with the
/// package reader's limits (entry size, compression ratio, CRC, no zip64, no encryption) and
/// libxml2's streaming reader.
///
/// Letterheads live in the headers and footers, not the body: they are read first (`.docx`:
/// `word/header*.xml`, then the body, footnotes, endnotes, comments and footers; `.odt`:
/// `styles.xml`, whose master pages hold them, then `content.xml`).
public enum OfficeDocumentText {
    public enum Kind: String, Sendable {
        case wordprocessing = "docx"
        case openDocument = "odt"
    }

    /// Writes the document's text to `sink` and returns its kind; throws what makes it unreadable.
    @discardableResult
    public static func extract(bytes: [UInt8], limits: OpenDocumentLimits = OpenDocumentLimits(), into sink: TextSink) throws(DocumentTextError) -> Kind {
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory(bytes)
        } catch {
            throw DocumentTextError(Self.message(error))
        }
        return try withoutActuallyEscaping(sink) { (sink) throws(DocumentTextError) -> Kind in
            let output = TextBuffer(sink)
            defer { output.flush() }
            if directory.entry("word/document.xml") != nil {
                let names = directory.entries.map(\.name)
                let parts = names.filter { $0.hasPrefix("word/header") && $0.hasSuffix(".xml") }.sorted()
                    + ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"]
                    + names.filter { $0.hasPrefix("word/footer") && $0.hasSuffix(".xml") }.sorted()
                // The parts together expand to `maximumEntryBytes` at most: a package of 65,535
                // small headers, each under the ratio's floor, would otherwise inflate gigabytes.
                var expanded = 0
                for part in parts {
                    guard let entry = directory.entry(part) else { continue }
                    expanded += entry.uncompressedSize
                    if expanded > limits.maximumEntryBytes {
                        throw DocumentTextError(
                            "the document's parts expand to more than \(limits.maximumEntryBytes) bytes in all (at '\(part)'): it is not read")
                    }
                    try read(entry, of: directory, vocabulary: .wordprocessing, limits: limits, into: output)
                }
                return .wordprocessing
            }
            guard let mimetype = directory.entry("mimetype") else {
                throw DocumentTextError(directory.isOfficeOpenXML
                    ? "the file is an Office Open XML package without a Word document (a workbook or a presentation?), which is not read"
                    : "the file is a zip archive, neither a Word (.docx) nor an OpenDocument (.odt) document")
            }
            let mediaBytes: [UInt8]
            do {
                mediaBytes = try directory.read(mimetype, maximumBytes: 1024, limits: limits)
            } catch {
                throw DocumentTextError(Self.message(error))
            }
            let mediaType = String(decoding: mediaBytes, as: UTF8.self)
            guard mediaType.hasPrefix("application/vnd.oasis.opendocument.") else {
                throw DocumentTextError("the zip archive's mimetype is not an OpenDocument one")
            }
            if let manifest = directory.entry("META-INF/manifest.xml"), manifest.uncompressedSize <= 1_000_000 {
                let text: [UInt8]
                do { text = try directory.read(manifest, maximumBytes: 1_000_000, limits: limits) } catch { throw DocumentTextError(Self.message(error)) }
                if text.firstRange(of: Array("encryption-data".utf8)) != nil {
                    throw DocumentTextError("the OpenDocument file is password-protected: its text cannot be read")
                }
            }
            guard let content = directory.entry("content.xml") else {
                throw DocumentTextError("the OpenDocument file has no 'content.xml': it is damaged")
            }
            if let styles = directory.entry("styles.xml") {
                try read(styles, of: directory, vocabulary: .openDocument, limits: limits, into: output)
            }
            try read(content, of: directory, vocabulary: .openDocument, limits: limits, into: output)
            return .openDocument
        }
    }

    private static func read(_ entry: ZipEntry, of directory: ZipDirectory, vocabulary: TextVocabulary, limits: OpenDocumentLimits,
                             into output: TextBuffer) throws(DocumentTextError) {
        let bytes: [UInt8]
        do {
            bytes = try directory.read(entry, maximumBytes: limits.maximumEntryBytes, limits: limits)
        } catch {
            throw DocumentTextError(Self.message(error))
        }
        try XMLTextReading.read(memory: bytes, part: entry.name, vocabulary: vocabulary, into: output)
        output.newline()
    }

    private static func message(_ error: any Error) -> String {
        guard let problem = error as? PackageProblem else { return "the zip archive cannot be read" }
        switch problem {
        case .notZip: return "the file cannot be opened as a zip archive: it is damaged or truncated"
        default: return problem.message
        }
    }
}

/// The text of an XML file, streamed from disk: each element's text as `name: text`, each
/// attribute as `name: value` (see `TextVocabulary.labelled`).
public enum XMLDocumentText {
    public static func extract(fileAt path: String, into sink: TextSink) throws(DocumentTextError) {
        try withoutActuallyEscaping(sink) { (sink) throws(DocumentTextError) in
            let output = TextBuffer(sink)
            defer { output.flush() }
            try XMLTextReading.read(file: path, part: path, into: output)
        }
    }

    /// True when the prolog of an XML document (its first bytes) declares a DOCTYPE.
    public static func hasDoctype(_ prefix: [UInt8]) -> Bool {
        XMLProlog.hasDoctype(prefix)
    }
}
