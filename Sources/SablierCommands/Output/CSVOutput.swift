import Foundation

/// CSV as Sablier writes it (RFC 4180, `,`, a header row): cells holding a separator, a quote
/// or a line break are quoted, their quotes doubled.
enum CSVCell {
    /// Appends `value` as one cell.
    static func append(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in append(bytes, to: &output) }
    }

    /// Appends the UTF-8 bytes of a value as one cell.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard needsQuotes(bytes) else { return output.append(contentsOf: bytes) }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The cell as a string (`Table.renderCSV`).
    static func text(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A comma, a quote, or a line break: LF, VT, FF, CR, NEL (U+0085), U+2028 or U+2029, the
    /// characters Swift calls newlines.
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A...0x0D:
                return true
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return true
            default:
                index += 1
            }
        }
        return false
    }
}

/// Standard output written in blocks of 64 KiB, for listings of hundreds of thousands of lines
/// written as they are read.
final class BufferedOutput: @unchecked Sendable { // written by one command, from one read at a time
    // Raw memory rather than an array: appended to for every cell, it is spared the dynamic
    // exclusivity checks a class's array property gets on each access.
    private let capacity = 1 << 16
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var lineStarted = false

    init() {
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Appends a CSV cell to the current line.
    func cell(_ value: String) {
        if lineStarted { append(UInt8(ascii: ",")) }
        lineStarted = true
        var value = value
        value.withUTF8 { bytes in
            guard CSVCell.needsQuotes(bytes) else { return append(bytes) }
            var quoted: [UInt8] = []
            CSVCell.append(bytes, to: &quoted)
            quoted.withUnsafeBufferPointer { append($0) }
        }
    }

    /// Ends the current line.
    func endLine() {
        append(0x0A)
        lineStarted = false
    }

    /// One CSV line of `cells`.
    func csvLine(_ cells: [String]) {
        for cell in cells { self.cell(cell) }
        endLine()
    }

    private func append(_ byte: UInt8) {
        if count == capacity { flush() }
        buffer[count] = byte
        count += 1
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { flush() }
        guard bytes.count <= capacity else { return FileHandle.standardOutput.write(Data(bytes)) }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func flush() {
        guard count > 0 else { return }
        FileHandle.standardOutput.write(Data(bytesNoCopy: buffer, count: count, deallocator: .none))
        count = 0
    }
}
