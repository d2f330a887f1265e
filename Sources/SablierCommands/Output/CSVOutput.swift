import Foundation
import SablierCSV

/// Standard output written in blocks of 64 KiB, for listings of hundreds of thousands of lines
/// written as they are read.
final class BufferedOutput: @unchecked Sendable { // written by one command, from one read at a time
    // Raw memory rather than an array: appended to for every cell, it is spared the dynamic
    // exclusivity checks a class's array property gets on each access.
    private let capacity = 1 << 16
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var lineStarted = false
    /// How cells and lines are written (`--excel` or not).
    private let format: CSVFormat

    /// Starts the output with the format's preamble (the BOM for `--excel`).
    init(format: CSVFormat) {
        self.format = format
        buffer = .allocate(capacity: capacity)
        for byte in format.preamble { append(byte) }
    }

    deinit {
        buffer.deallocate()
    }

    /// Appends a CSV cell to the current line.
    func cell(_ value: String) {
        if lineStarted { append(format.separator) }
        lineStarted = true
        var value = value
        value.withUTF8 { bytes in
            // Quoting and neutralising formulas are SablierCSV's (`CSVFormat`, one place for the
            // CLI, the API and the pages); most cells need neither and are copied as they are.
            guard format.needsRewriting(bytes) else { return append(bytes) }
            var rewritten: [UInt8] = []
            format.appendCell(bytes, to: &rewritten)
            rewritten.withUnsafeBufferPointer { append($0) }
        }
    }

    /// Ends the current line.
    func endLine() {
        for byte in format.lineEnd { append(byte) }
        lineStarted = false
        if Console.outIsTerminal { flush() }
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
        guard bytes.count <= capacity else { return write(Data(bytes)) }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func flush() {
        guard count > 0 else { return }
        write(Data(bytesNoCopy: buffer, count: count, deallocator: .none))
        count = 0
    }

    /// To a file or a pipe, the bytes; to a terminal, made safe (`TerminalText`), a line at a
    /// time (`endLine` flushes then), so that no character is cut between two writes.
    private func write(_ data: Data) {
        guard Console.outIsTerminal else { return FileHandle.standardOutput.write(data) }
        FileHandle.standardOutput.write(Data(TerminalText.safe(String(decoding: data, as: UTF8.self)).utf8))
    }
}
