import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a text file's bytes into valid UTF-8, chunk after chunk: a UTF-8 byte-order mark is
/// dropped, UTF-16 with a byte-order mark is converted, and any byte that does not belong to a
/// valid UTF-8 sequence is read as Windows-1252 (what Quebec offices save "ANSI" text as), so a
/// file mixing both still reads as its author saw it.
struct Transcoder {
    private enum Encoding { case undecided, utf8, utf16LE, utf16BE }
    private var encoding = Encoding.undecided
    /// Bytes held back: the start of a sequence cut by the chunk's end.
    private var pending: [UInt8] = []

    /// Windows-1252's 0x80–0x9F; the rest of the upper half is Latin-1.
    static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The UTF-8 of one Windows-1252 byte.
    static func windows1252UTF8(_ byte: UInt8, into out: inout [UInt8]) {
        let scalar = byte < 0xA0 ? windows1252[Int(byte - 0x80)] : UInt32(byte)
        appendUTF8(scalar, into: &out)
    }

    static func appendUTF8(_ scalar: UInt32, into out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// When the chunk can be used as it is — UTF-8 already decided, nothing held back, every
    /// byte valid — how many of its bytes form whole scalars (the rest, a scalar the chunk cuts,
    /// is to be held with `hold`); nil when it must be converted.
    mutating func passThrough(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard pending.isEmpty else { return nil }
        if encoding == .undecided {
            guard bytes.count >= 3 else { return nil }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
            encoding = .utf8
        }
        guard encoding == .utf8, let base = bytes.baseAddress else { return nil }
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        while index < count {
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { index += 8 }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? (byte <= 0xEF ? 3 : 0) : byte >= 0xC2 ? 2 : 0
            guard length > 0 else { return nil }
            if index + length > count {
                for offset in 1..<(count - index) where bytes[index + offset] & 0xC0 != 0x80 { return nil }
                return index
            }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
            if length == 3, (byte == 0xE0 && bytes[index + 1] < 0xA0) || (byte == 0xED && bytes[index + 1] >= 0xA0) { return nil }
            if length == 4, (byte == 0xF0 && bytes[index + 1] < 0x90) || (byte == 0xF4 && bytes[index + 1] >= 0x90) { return nil }
            index += length
        }
        return count
    }

    /// Holds the start of a scalar cut by a chunk, for the next one.
    mutating func hold(_ bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes)
    }

    /// Converts a chunk; `final` flushes what was held back.
    mutating func convert(_ chunk: UnsafeRawBufferPointer, final: Bool = false, into out: inout [UInt8]) {
        var input = pending
        input.append(contentsOf: chunk)
        pending.removeAll(keepingCapacity: true)
        var index = 0
        if encoding == .undecided {
            if input.count < 3, !final { pending = input; return }
            if input.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; encoding = .utf8 }
            else if input.starts(with: [0xFF, 0xFE]) { index = 2; encoding = .utf16LE }
            else if input.starts(with: [0xFE, 0xFF]) { index = 2; encoding = .utf16BE }
            else { encoding = .utf8 }
        }
        out.reserveCapacity(out.count + input.count)
        switch encoding {
        case .utf16LE, .utf16BE:
            index = convertUTF16(input, from: index, littleEndian: encoding == .utf16LE, final: final, into: &out)
        default:
            index = convertUTF8(input, from: index, final: final, into: &out)
        }
        if index < input.count { pending = Array(input[index...]) }
    }

    /// Returns where it stopped (the start of a sequence the chunk cuts).
    private func convertUTF8(_ input: [UInt8], from start: Int, final: Bool, into out: inout [UInt8]) -> Int {
        input.withUnsafeBufferPointer { bytes in
            var index = start
            let count = bytes.count
            while index < count {
                // A run of ASCII, eight bytes at a time, copied at once.
                let run = index
                while index + 8 <= count,
                      UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                while index < count, bytes[index] < 0x80 { index += 1 }
                if index > run {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    continue
                }
                let byte = bytes[index]
                let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? (byte <= 0xEF ? 3 : 0) : byte >= 0xC2 ? 2 : 0
                if length == 0 {
                    Self.windows1252UTF8(byte, into: &out)
                    index += 1
                    continue
                }
                if index + length > count {
                    // Cut by the chunk: wait for the rest, unless this is the end.
                    var valid = true
                    for offset in 1..<(count - index) where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
                    if valid, !final { return index }
                    Self.windows1252UTF8(byte, into: &out)
                    index += 1
                    continue
                }
                var valid = true
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
                // Overlong and surrogate forms.
                if valid, length == 3, (byte == 0xE0 && bytes[index + 1] < 0xA0) || (byte == 0xED && bytes[index + 1] >= 0xA0) { valid = false }
                if valid, length == 4, (byte == 0xF0 && bytes[index + 1] < 0x90) || (byte == 0xF4 && bytes[index + 1] >= 0x90) { valid = false }
                if valid {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                    index += length
                } else {
                    Self.windows1252UTF8(byte, into: &out)
                    index += 1
                }
            }
            return index
        }
    }

    private func convertUTF16(_ input: [UInt8], from start: Int, littleEndian: Bool, final: Bool, into out: inout [UInt8]) -> Int {
        var index = start
        func unit(_ at: Int) -> UInt32 {
            littleEndian ? UInt32(input[at]) | UInt32(input[at + 1]) << 8 : UInt32(input[at]) << 8 | UInt32(input[at + 1])
        }
        while index + 1 < input.count {
            let first = unit(index)
            if first >= 0xD800, first < 0xDC00 {
                guard index + 3 < input.count else { return final ? input.count : index }
                let second = unit(index + 2)
                if second >= 0xDC00, second < 0xE000 {
                    Self.appendUTF8(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), into: &out)
                    index += 4
                } else {
                    Self.appendUTF8(0xFFFD, into: &out)
                    index += 2
                }
            } else if first >= 0xDC00, first < 0xE000 {
                Self.appendUTF8(0xFFFD, into: &out)
                index += 2
            } else {
                Self.appendUTF8(first, into: &out)
                index += 2
            }
        }
        return final ? input.count : index
    }
}

/// Reads a file in 1 MiB chunks.
enum ChunkedFile {
    static let chunkSize = 1 << 20

    /// Reads with `read(2)` into one buffer reused for every chunk: no allocation, and no fresh
    /// pages to fault in, per chunk.
    static func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ExtractionError(.unreadable, "the file cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw ExtractionError(.unreadable, "the file cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The file's bytes as valid UTF-8 (see `Transcoder`), chunk after chunk. A chunk that is
    /// already valid UTF-8 (the common case) is handed on as read, without a copy.
    static func readText(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var transcoder = Transcoder()
        var out: [UInt8] = []
        try read(path) { (chunk) in
            let bytes = chunk.bindMemory(to: UInt8.self)
            if let valid = transcoder.passThrough(bytes) {
                try body(UnsafeBufferPointer(rebasing: bytes[0..<valid]))
                if valid < bytes.count { transcoder.hold(UnsafeRawBufferPointer(rebasing: chunk[valid...])) }
                return
            }
            out.removeAll(keepingCapacity: true)
            transcoder.convert(chunk, into: &out)
            try out.withUnsafeBufferPointer { (buffer) in try body(buffer) }
        }
        out.removeAll(keepingCapacity: true)
        transcoder.convert(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &out)
        try out.withUnsafeBufferPointer { (buffer) in try body(buffer) }
    }
}

/// Plain text: the file, decoded.
enum PlainText {
    static func extract(_ path: String, into sink: ExtractedTextSink) throws {
        try ChunkedFile.readText(path) { buffer in
            if !buffer.isEmpty { sink(UnsafeRawBufferPointer(buffer)) }
        }
    }
}
