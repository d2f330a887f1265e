import Foundation
public import SablierOffice

/// Receives extracted text as valid UTF-8, chunk after chunk.
public typealias ExtractedTextSink = (UnsafeRawBufferPointer) -> Void

/// The formats whose text Sablier reads.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case text, csv, html, xml, rtf, docx, odt, pdf

    /// The file-name extensions read as each format (the content decides first: a PDF, a zip
    /// package or an RTF file is recognised whatever its name).
    public static let extensions: [String: DocumentFormat] = [
        "txt": .text, "text": .text, "md": .text, "log": .text, "csv": .csv, "tsv": .csv, "html": .html, "htm": .html,
        "xhtml": .html, "xml": .xml, "rtf": .rtf, "docx": .docx, "docm": .docx, "odt": .odt, "ott": .odt, "pdf": .pdf,
    ]
}

/// Limits on what extraction holds in memory.
public struct ExtractionLimits: Sendable, Hashable {
    /// Zip packages (`.docx`, `.odt`) are read whole: the largest accepted, in bytes.
    public var maximumPackageBytes: Int
    /// The limits on a package's entries (size, compression ratio).
    public var package: OpenDocumentLimits
    /// How long `pdftotext` may run on one file, in seconds of wall-clock time: then its whole
    /// process group is killed. `$SABLIER_PDF_TIMEOUT`, else 30.
    public var pdfTimeout: Double
    /// How much processor time `pdftotext` may use on one file, in seconds (its `RLIMIT_CPU`,
    /// set before it starts): the kernel stops it there even if Sablier itself was killed and
    /// its watchdog with it. `$SABLIER_PDF_CPU`, else 30.
    public var pdfCPUSeconds: Int

    /// 30 s for each PDF: a real one is read in well under a second, a hostile one ran 250 s.
    public static let defaultPDFSeconds = 30

    public init(maximumPackageBytes: Int = 256_000_000, package: OpenDocumentLimits = OpenDocumentLimits(),
                pdfTimeout: Double = ExtractionLimits.configuredSeconds("SABLIER_PDF_TIMEOUT"),
                pdfCPUSeconds: Int = Int(ExtractionLimits.configuredSeconds("SABLIER_PDF_CPU"))) {
        self.maximumPackageBytes = maximumPackageBytes
        self.package = package
        self.pdfTimeout = pdfTimeout
        self.pdfCPUSeconds = max(1, pdfCPUSeconds)
    }

    /// A number of seconds from the environment (as `$SABLIER_PDFTOTEXT` names the tool), or
    /// `defaultPDFSeconds` when it is unset or not a positive number.
    public static func configuredSeconds(_ variable: String) -> Double {
        guard let text = ProcessInfo.processInfo.environment[variable], let seconds = Double(text), seconds > 0, seconds.isFinite else {
            return Double(defaultPDFSeconds)
        }
        return seconds.rounded(.up)
    }
}

/// Why a file's text could not be read. A file that cannot be read is never "without personal
/// information": callers report it for a person to look at.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// Missing, unreadable, damaged or corrupt.
        case unreadable
        /// Not a format Sablier reads (an image, a spreadsheet, an archive…).
        case unsupported
        /// Read, but holds no text at all (a scanned PDF without a text layer, an empty file).
        case noText = "no-text"
        /// The tool a format needs (`pdftotext`) is not installed.
        case toolMissing = "tool-missing"
    }

    public let kind: Kind
    /// One sentence, naming the file's part at fault; never the file's content.
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// Reads the text of a file, streamed to a sink with bounded memory (zip packages excepted,
/// which are read whole under `ExtractionLimits`), as valid UTF-8 whatever the file's encoding.
///
/// `.txt`: UTF-8, UTF-16 with a byte-order mark, or Windows-1252 (bytes that are not UTF-8 are
/// read as Windows-1252). `.csv`: each cell on a line as `column: value` when the first row is a
/// header. `.html`: the text without tags, scripts and styles, entities decoded. `.xml`: each
/// element's text as `name: text` (libxml2, streamed). `.rtf`: the text and the headers,
/// without font tables, pictures and field codes. `.docx`, `.odt`: the text of headers, body,
/// notes and footers (libxml2). `.pdf`: poppler's `pdftotext`, run as a separate process.
public struct TextExtractor: Sendable {
    public var limits: ExtractionLimits
    /// The `pdftotext` executable; nil looks for it in `$SABLIER_PDFTOTEXT`, then on the PATH.
    public var pdftotext: String?

    public init(limits: ExtractionLimits = ExtractionLimits(), pdftotext: String? = nil) {
        self.limits = limits
        self.pdftotext = pdftotext
    }

    /// Writes the text of the file at `path` to `sink`; returns its format. `name`, when `path`
    /// is a descriptor's (`/proc/self/fd/N`, the file `FileAccess` checked and holds open, so
    /// that no file swapped at its name since is read), is the file's own name, whose extension
    /// helps tell its format.
    @discardableResult
    public func extract(fileAt path: String, named name: String? = nil, into sink: ExtractedTextSink) throws(ExtractionError) -> DocumentFormat {
        do {
            return try extractText(path, named: name ?? path, into: sink)
        } catch let error as ExtractionError {
            throw error
        } catch {
            throw ExtractionError(.unreadable, "the file cannot be read (\(Self.reason(error)))")
        }
    }

    private func extractText(_ path: String, named name: String, into sink: ExtractedTextSink) throws -> DocumentFormat {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExtractionError(.unreadable, "the file does not exist")
        }
        guard !isDirectory.boolValue else { throw ExtractionError(.unsupported, "it is a directory") }
        var format = try recognise(path, named: name)
        var textBytes = 0
        try withoutActuallyEscaping(sink) { sink in
            let counting: ExtractedTextSink = { chunk in
                if textBytes == 0 { textBytes += chunk.contains(where: { $0 > 0x20 }) ? 1 : 0 }
                sink(chunk)
            }
            switch format {
            case .text: try PlainText.extract(path, into: counting)
            case .csv: try CSVText.extract(path, into: counting)
            case .html: try HTMLText.extract(path, into: counting)
            case .rtf: try RTFText.extract(path, into: counting)
            case .xml:
                do {
                    try XMLDocumentText.extract(fileAt: path, into: counting)
                } catch {
                    let description = (error as? DocumentTextError)?.description ?? "the XML cannot be read"
                    throw ExtractionError(.unreadable, description.replacingOccurrences(of: "'\(path)'", with: "the XML"))
                }
            case .docx, .odt:
                // The package says what it is, whatever its name.
                format = try package(path, into: counting) == .openDocument ? .odt : .docx
            case .pdf: try PDFText(executable: pdftotext, timeout: limits.pdfTimeout, cpuSeconds: limits.pdfCPUSeconds).extract(path, into: counting)
            }
        }
        guard textBytes > 0 else {
            throw ExtractionError(.noText, format == .pdf
                ? "the PDF has no text layer (a scanned image?): it must be read by a person or put through OCR"
                : "the file holds no text")
        }
        return format
    }

    /// The format from the first bytes (PDF, zip package, RTF), else from the extension.
    func recognise(_ path: String, named name: String? = nil) throws -> DocumentFormat {
        let name = name ?? path
        let head: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            head = [UInt8](try handle.read(upToCount: 65_536) ?? Data())
        } catch {
            throw ExtractionError(.unreadable, "the file cannot be read (\(Self.reason(error)))")
        }
        let byName = DocumentFormat.extensions[URL(fileURLWithPath: name).pathExtension.lowercased()]
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if OpenDocumentSpreadsheet.looksLikeZip(head) {
            // Told apart when read (`package`): the name's guess until then.
            return byName == .odt ? .odt : .docx
        }
        if head.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ExtractionError(.unsupported, "it is an OLE compound file (an old .doc/.xls, or an encrypted Office document), which is not read")
        }
        switch byName {
        case .pdf?, .docx?, .odt?, .rtf?:
            throw ExtractionError(.unreadable, "its content is not a \(byName!.rawValue.uppercased()) file: it is damaged or misnamed")
        case .xml?:
            if XMLDocumentText.hasDoctype(head) {
                throw ExtractionError(.unreadable, "the XML has a DOCTYPE declaration (its entities could be expanded): it is not read")
            }
            return .xml
        case let format?:
            return format
        case nil:
            if head.contains(0), !(head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])) {
                let name = URL(fileURLWithPath: name).pathExtension
                throw ExtractionError(.unsupported, "it is a binary file\(name.isEmpty ? "" : " (.\(name))") of a format Sablier does not read")
            }
            return .text
        }
    }

    /// Reads a zip package (Word or OpenDocument text) and returns which it was.
    private func package(_ path: String, into sink: ExtractedTextSink) throws -> OfficeDocumentText.Kind {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.maximumPackageBytes else {
            throw ExtractionError(.unreadable, "the document is \(size) bytes, over the limit of \(limits.maximumPackageBytes) for packages read whole")
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ExtractionError(.unreadable, "the file cannot be read (\(Self.reason(error)))")
        }
        do {
            return try OfficeDocumentText.extract(bytes: bytes, limits: limits.package, into: sink)
        } catch {
            throw ExtractionError(.unreadable, error.description)
        }
    }

    /// A file-system error in a few words.
    static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError {
            switch error.code {
            case .fileReadNoPermission: return "permission denied"
            case .fileReadNoSuchFile: return "no such file"
            default: break
            }
        }
        return (error as NSError).localizedDescription
    }
}
