import Foundation
import SablierCore
import ZIPFoundation
// zlib's inflate: through the module ZIPFoundation itself uses (CZlib on Linux, zlib where the
// toolchain ships one), so the package gains no new dependency.
#if canImport(zlib)
import zlib
#elseif canImport(CZlib)
import CZlib
#else
#error("SablierOffice needs zlib, which ZIPFoundation brings (CZlib on Linux)")
#endif

/// The zip container of an OpenDocument file, read from memory: what it is (`mimetype`), and
/// its `content.xml`, extracted under the size and ratio limits.
///
/// ZIPFoundation opens the archive and must agree with the central directory read here on the
/// entry's sizes. The bytes of an entry are inflated here, by zlib, from exactly the entry's
/// compressed range: ZIPFoundation 0.9.20's Linux inflate loops forever when a deflate stream
/// is cut short (weichsel/ZIPFoundation#389), which a damaged or hostile file does at will, and
/// reading the range ourselves also lets the limits be checked before any byte is expanded.
enum OpenDocumentPackage {
    /// `content.xml`, checked and extracted; throws what makes the file unreadable.
    static func contentXML(of bytes: [UInt8], limits: OpenDocumentLimits) throws(PackageProblem) -> [UInt8] {
        // The end record is looked for in the last 64 kB only, as the format allows, before
        // ZIPFoundation, which would scan a whole file of garbage for it, four bytes at a time.
        let directory = try ZipDirectory(bytes)
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .notZip
        }
        guard let mimetype = directory.entry("mimetype") else {
            throw directory.isOfficeOpenXML ? (directory.hasWorkbook ? .excelWorkbook : .officeOpenXML) : .notOpenDocument
        }
        let mediaType = String(decoding: try directory.read(mimetype, maximumBytes: 1024, limits: limits), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard mediaType == OpenDocumentSpreadsheet.mediaType else {
            throw mediaType.hasPrefix("application/vnd.oasis.opendocument.") ? .otherOpenDocument(mediaType) : .notOpenDocument
        }
        if let manifest = directory.entry("META-INF/manifest.xml"), manifest.uncompressedSize <= 1_000_000 {
            let text = try directory.read(manifest, maximumBytes: 1_000_000, limits: limits)
            if text.firstRange(of: Array("encryption-data".utf8)) != nil { throw .passwordProtected }
        }
        guard let content = directory.entry("content.xml") else { throw .missingEntry("content.xml") }
        // Both readings of the archive must see the same entry.
        guard let seen = archive["content.xml"], seen.type == .file,
              seen.compressedSize == UInt64(content.compressedSize), seen.uncompressedSize == UInt64(content.uncompressedSize) else {
            throw .damaged(entry: "content.xml", reason: "its headers contradict each other")
        }
        return try directory.read(content, maximumBytes: limits.maximumEntryBytes, limits: limits)
    }
}

/// Why a zip cannot be read as an OpenDocument spreadsheet.
enum PackageProblem: Error {
    case notZip
    case excelWorkbook
    case officeOpenXML
    case notOpenDocument
    case otherOpenDocument(String)
    case passwordProtected
    case missingEntry(String)
    case unsupported(entry: String, reason: String)
    case tooLarge(entry: String, bytes: Int, limit: Int)
    case ratio(entry: String, expanded: Int, compressed: Int, limit: Int)
    case damaged(entry: String?, reason: String)

    func diagnostic(file: String) -> [Diagnostic] {
        [.error(at: SourceLocation(file: file, line: 0), message)]
    }

    static let saveAs = "save the sheet as CSV UTF-8 or OpenDocument (.ods)"

    var message: String {
        switch self {
        case .notZip:
            return "the file starts as a zip archive (an OpenDocument or Excel file) but cannot be opened as one: it is damaged or truncated"
        case .excelWorkbook:
            return "Excel workbooks are not read: \(Self.saveAs)"
        case .officeOpenXML:
            return "the file is a Word or PowerPoint document, not a calendar: \(Self.saveAs)"
        case .notOpenDocument:
            return "the file is a zip archive but not an OpenDocument spreadsheet (no 'mimetype' entry saying \(OpenDocumentSpreadsheet.mediaType)): \(Self.saveAs)"
        case .otherOpenDocument(let mediaType):
            let kind = mediaType.split(separator: ".").last.map(String.init) ?? mediaType
            return "the file is an OpenDocument \(kind) document ('\(mediaType)'), not a spreadsheet: \(Self.saveAs)"
        case .passwordProtected:
            return "the OpenDocument spreadsheet is password-protected: save it without a password, as CSV UTF-8 or OpenDocument (.ods)"
        case .missingEntry(let name):
            return "the OpenDocument spreadsheet has no '\(name)' entry, which holds its sheets: the file is damaged"
        case .unsupported(let entry, let reason):
            return "the entry '\(entry)' cannot be read: \(reason)"
        case .tooLarge(let entry, let bytes, let limit):
            return "the entry '\(entry)' expands to \(bytes) bytes, over the limit of \(limit) bytes: the file is refused"
        case .ratio(let entry, let expanded, let compressed, let limit):
            return "the entry '\(entry)' expands \(expanded / max(compressed, 1)) times (\(compressed) bytes to \(expanded)), over the limit of \(limit) times: the file is refused as a possible zip bomb"
        case .damaged(let entry, let reason):
            let what = entry.map { "the entry '\($0)' cannot be extracted" } ?? "the zip archive cannot be read"
            return "\(what): \(reason); the file is damaged"
        }
    }
}

/// One central-directory record: where an entry's bytes are and what they expand to.
struct ZipEntry {
    let name: String
    let method: UInt16
    let flags: UInt16
    let crc32: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let localHeaderOffset: Int
}

/// The central directory of a zip held in memory, read with bounds checks at every step.
/// Zip64 archives are refused: a spreadsheet never needs one.
struct ZipDirectory {
    let bytes: [UInt8]
    private(set) var entries: [ZipEntry] = []
    private var firstByName: [String: Int] = [:]

    init(_ bytes: [UInt8]) throws(PackageProblem) {
        self.bytes = bytes
        // The end record: the last signature found scanning back (as ZIPFoundation does), within
        // the reach of its comment (at most 65,535 bytes).
        var end = bytes.count - 22
        let earliest = max(0, end - 0xFFFF)
        while end >= earliest, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= earliest else { throw .notZip }
        let count = Int(u16(end + 10))
        let size = Int(u32(end + 12))
        let start = Int(u32(end + 16))
        guard count != 0xFFFF, start != 0xFFFF_FFFF, size != 0xFFFF_FFFF else {
            throw .damaged(entry: nil, reason: "it is a zip64 archive, which a spreadsheet never needs")
        }
        guard start <= end, size <= end - start else {
            throw .damaged(entry: nil, reason: "its central directory lies outside the file")
        }
        var offset = start
        for _ in 0..<count {
            guard offset + 46 <= end, u32(offset) == 0x0201_4B50 else {
                throw .damaged(entry: nil, reason: "its central directory is cut short")
            }
            let nameLength = Int(u16(offset + 28)), extraLength = Int(u16(offset + 30)), commentLength = Int(u16(offset + 32))
            let next = offset + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw .damaged(entry: nil, reason: "its central directory is cut short") }
            let entry = ZipEntry(
                name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                method: u16(offset + 10), flags: u16(offset + 8), crc32: u32(offset + 16),
                compressedSize: Int(u32(offset + 20)), uncompressedSize: Int(u32(offset + 24)),
                localHeaderOffset: Int(u32(offset + 42))
            )
            if firstByName[entry.name] == nil { firstByName[entry.name] = entries.count }
            entries.append(entry)
            offset = next
        }
    }

    func entry(_ name: String) -> ZipEntry? {
        firstByName[name].map { entries[$0] }
    }

    /// An Office Open XML package (`.xlsx`, `.docx`, `.pptx`): it lists its content types, or has
    /// a workbook's parts.
    var isOfficeOpenXML: Bool {
        entry("[Content_Types].xml") != nil || entries.contains { $0.name.hasPrefix("xl/") }
    }

    /// An Office Open XML package that is a workbook: it has a workbook's parts, or neither a
    /// Word document's nor a presentation's.
    var hasWorkbook: Bool {
        entries.contains { $0.name.hasPrefix("xl/") } || !entries.contains { $0.name.hasPrefix("word/") || $0.name.hasPrefix("ppt/") }
    }

    /// The entry's bytes, expanded: refused before any work when its declared size is over
    /// `maximumBytes` or its ratio over the limit, and checked after (exact size, CRC-32).
    func read(_ entry: ZipEntry, maximumBytes: Int, limits: OpenDocumentLimits) throws(PackageProblem) -> [UInt8] {
        let name = entry.name
        guard entry.flags & 0x1 == 0 else {
            throw .unsupported(entry: name, reason: "it is encrypted (a password-protected zip)")
        }
        guard entry.compressedSize != 0xFFFF_FFFF, entry.uncompressedSize != 0xFFFF_FFFF, entry.localHeaderOffset != 0xFFFF_FFFF else {
            throw .unsupported(entry: name, reason: "it is a zip64 entry, which a spreadsheet never needs")
        }
        if entry.uncompressedSize > maximumBytes {
            throw .tooLarge(entry: name, bytes: entry.uncompressedSize, limit: maximumBytes)
        }
        if entry.uncompressedSize > limits.compressionRatioFloor,
           entry.uncompressedSize / max(entry.compressedSize, 1) > max(limits.maximumCompressionRatio, 1) {
            throw .ratio(entry: name, expanded: entry.uncompressedSize, compressed: entry.compressedSize, limit: limits.maximumCompressionRatio)
        }
        let local = entry.localHeaderOffset
        guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else {
            throw .damaged(entry: name, reason: "its local header is missing")
        }
        let dataStart = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw .damaged(entry: name, reason: "its data runs past the end of the file (truncated?)")
        }
        let data = dataStart..<(dataStart + entry.compressedSize)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .damaged(entry: name, reason: "it is stored uncompressed but its two sizes differ")
            }
            output = Array(bytes[data])
        case 8:
            output = try Self.expand(bytes, data, expected: entry.uncompressedSize, name: name)
        default:
            throw .unsupported(entry: name, reason: "its compression method (\(entry.method)) is neither stored nor deflate")
        }
        let crc = output.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
        guard crc == entry.crc32 else { throw .damaged(entry: name, reason: "its CRC-32 does not match") }
        return output
    }

    /// Inflates the raw deflate stream in `range` into exactly `expected` bytes; anything else
    /// (a stream cut short, corrupt, or longer than declared) throws.
    private static func expand(_ bytes: [UInt8], _ range: Range<Int>, expected: Int, name: String) throws(PackageProblem) -> [UInt8] {
        // One spare byte tells a stream longer than declared from one of the exact size.
        var output = [UInt8](repeating: 0, count: expected + 1)
        let outcome: (result: Int32, produced: Int, message: String?) = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                var stream = z_stream()
                guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                    return (Z_MEM_ERROR, 0, nil)
                }
                defer { inflateEnd(&stream) }
                // zlib never writes through next_in; its type is merely not const.
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + range.lowerBound })
                stream.avail_in = UInt32(range.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                let result = inflate(&stream, Z_FINISH)
                return (result, out.count - Int(stream.avail_out), stream.msg.map { String(cString: $0) })
            }
        }
        switch outcome.result {
        case Z_STREAM_END where outcome.produced == expected:
            output.removeLast()
            return output
        case Z_STREAM_END, Z_OK, Z_BUF_ERROR:
            if outcome.produced > expected {
                throw .damaged(entry: name, reason: "it expands beyond its declared size of \(expected) bytes")
            }
            if outcome.result == Z_STREAM_END {
                throw .damaged(entry: name, reason: "it expands to \(outcome.produced) bytes, not its declared \(expected)")
            }
            throw .damaged(entry: name, reason: "its compressed data is cut short")
        default:
            throw .damaged(entry: name, reason: "its compressed data is corrupt (\(outcome.message ?? "zlib error \(outcome.result)"))")
        }
    }

    private func u16(_ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private func u32(_ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
