/// A fast RFC 4180 CSV reader that knows where every record starts.
///
/// Sablier writes its own reader, rather than using SwiftCSV or CSV.swift, because its messages
/// read `FILE:LINE: error: … column 'x'`: for every record it needs the 1-based physical line
/// where the record starts (a quoted cell may span several lines, so record numbers and line
/// numbers differ) and the column index of each field. It also has to be fast: documents are
/// imported by the million through it, so it works on bytes (`[UInt8]` or a raw buffer, such
/// as a mapped file), never on `Character`s, and makes a `String` only for a field you ask for.
///
/// What it reads: UTF-8, with or without a byte-order mark; `,` or another one-byte separator
/// (`CSVDialect`); CRLF, LF or CR line breaks; quoted fields with `""` for a quote and line
/// breaks inside; blank lines skipped (`CSVDialect.skipsBlankLines`). An unterminated quote,
/// a quote inside an unquoted field, text after a closing quote and invalid UTF-8 throw a
/// `CSVError` with the line; the reader never traps on malformed input.
public struct CSVReader: Sendable {
    public let bytes: [UInt8]
    public let dialect: CSVDialect

    public init(bytes: [UInt8], dialect: CSVDialect = .comma) {
        self.bytes = bytes
        self.dialect = dialect
    }

    public init(string: String, dialect: CSVDialect = .comma) {
        self.init(bytes: Array(string.utf8), dialect: dialect)
    }

    /// Calls `body` with each record, in order, as a view of the input: no field is copied
    /// until you ask for it. The view is valid only during the call.
    ///
    /// Throws the first `CSVError`, or what `body` throws; records before a malformed one have
    /// been delivered.
    public func forEachRecord(_ body: (borrowing CSVRecordView) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try CSVReader.forEachRecord(in: buffer, dialect: dialect, body)
        }
    }

    /// The same over memory you own, such as a mapped file.
    public static func forEachRecord(
        in buffer: UnsafeRawBufferPointer, dialect: CSVDialect = .comma,
        _ body: (borrowing CSVRecordView) throws -> Void
    ) throws {
        try buffer.withMemoryRebound(to: UInt8.self) { bytes in
            try forEachRecord(in: bytes, dialect: dialect, body)
        }
    }

    static func forEachRecord(
        in bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect,
        _ body: (borrowing CSVRecordView) throws -> Void
    ) throws {
        var tokenizer = CSVTokenizer(dialect: dialect, bytes: bytes)
        while let line = try tokenizer.next(in: bytes) {
            try body(CSVRecordView(line: line, bytes: bytes, spans: tokenizer.fields))
        }
    }

    /// Every record, with its fields as strings.
    public func records() throws(CSVError) -> [CSVRecord] {
        var result: [CSVRecord] = []
        var cursor = makeCursor()
        while let record = try cursor.next() { result.append(record) }
        return result
    }

    /// A cursor that reads one record at a time.
    public func makeCursor() -> Cursor { Cursor(reader: self) }

    /// Reads records one at a time (`while let record = try cursor.next()`).
    public struct Cursor {
        private let reader: CSVReader
        private var tokenizer: CSVTokenizer?
        private var failed = false

        init(reader: CSVReader) {
            self.reader = reader
        }

        /// The next record, or nil at the end. After an error, nil.
        public mutating func next() throws(CSVError) -> CSVRecord? {
            guard !failed else { return nil }
            let bytes = reader.bytes
            do {
                return try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> CSVRecord? in
                    var tokenizer = self.tokenizer ?? CSVTokenizer(dialect: reader.dialect, bytes: buffer)
                    defer { self.tokenizer = tokenizer }
                    guard let line = try tokenizer.next(in: buffer) else { return nil }
                    return CSVRecordView(line: line, bytes: buffer, spans: tokenizer.fields).record
                }
            } catch {
                failed = true
                throw error
            }
        }
    }
}

/// One record as read: the line where it starts and its fields, unquoted.
public struct CSVRecord: Sendable, Hashable, RandomAccessCollection {
    /// The 1-based physical line where the record starts.
    public let line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> String { fields[position] }

    /// The field at `index`, or nil when the record is shorter.
    public func field(_ index: Int) -> String? {
        fields.indices.contains(index) ? fields[index] : nil
    }
}

/// A record seen in place, during `CSVReader.forEachRecord`: fields are decoded on demand.
public struct CSVRecordView: ~Copyable {
    /// The 1-based physical line where the record starts.
    public let line: Int
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let spans: UnsafeBufferPointer<CSVFieldSpan>

    init(line: Int, bytes: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<CSVFieldSpan>) {
        self.line = line
        self.bytes = bytes
        self.spans = spans
    }

    /// The number of fields.
    @inlinable public var count: Int { spans.count }

    /// The field at `index` (0-based), unquoted, as a string.
    @inlinable public subscript(index: Int) -> String {
        withBytes(ofField: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when the field is empty (`` or `""`).
    @inlinable public func isEmpty(field index: Int) -> Bool {
        spans[index].start == spans[index].end
    }

    /// True when the field was written between quotes.
    @inlinable public func isQuoted(field index: Int) -> Bool {
        spans[index].isQuoted
    }

    /// Calls `body` with the field's UTF-8 bytes, unquoted (validated UTF-8). Without doubled
    /// quotes to collapse, these are the input bytes themselves: no copy is made.
    @inlinable public func withBytes<R, E: Error>(ofField index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        let span = spans[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        guard span.hasEscapes else { return try body(raw) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            unescaped.append(raw[i])
            // Inside a quoted field every quote is doubled: keep the first, skip the second.
            i += raw[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer { (buffer) throws(E) -> R in try body(buffer) }
    }

    /// Every field, as strings.
    public var fields: [String] {
        (0..<count).map { self[$0] }
    }

    /// The record, copied out of the input.
    public var record: CSVRecord {
        CSVRecord(line: line, fields: fields)
    }
}
