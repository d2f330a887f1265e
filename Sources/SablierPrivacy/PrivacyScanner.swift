/// Finds personal information in text: the detectors of `Detectors/`, run in one pass over the
/// text's UTF-8 bytes, with bounded memory whatever the text's length.
///
/// Pure: no I/O, no clock. Text comes in as UTF-8 (`PrivacyStream.append`), in chunks of any
/// size; findings come out with Unicode-scalar offsets, a masked excerpt and the reason.
public struct PrivacyScanner: Sendable {
    /// Changes whenever a detector changes what it finds: a text scanned by another version is
    /// scanned again.
    public static let version = "2"

    public var publicCharacter: PublicCharacter
    /// Findings kept per text (the count of each type goes on past it).
    public var maximumFindings: Int
    /// Hands back the normalised telephone numbers, postal codes, e-mail domains and addresses
    /// found (`PrivacyScanResult.letterheadValues`), for `privacy public suggest`; off for every
    /// other scan, which has no use for the values. Not part of the fingerprint: it changes
    /// nothing that is found.
    public var collectsLetterheadValues: Bool

    public init(publicCharacter: PublicCharacter = PublicCharacter(), maximumFindings: Int = 10_000,
                collectsLetterheadValues: Bool = false) {
        self.publicCharacter = publicCharacter
        self.maximumFindings = maximumFindings
        self.collectsLetterheadValues = collectsLetterheadValues
    }

    /// Whether findings carry their masked excerpt and their reason. Off only where nobody
    /// reads them (`privacy scan PATH…` prints types and offsets): on dense text, writing an
    /// excerpt and a reason for every line is most of a scan's work. Not part of the
    /// fingerprint: what is found, and its confidence, do not change.
    public var describesFindings = true

    /// A stream to feed one text into, chunk after chunk.
    public func stream() -> PrivacyStream {
        var stream = PrivacyStream(publicCharacter: publicCharacter, maximumFindings: maximumFindings,
                                   collectsLetterheadValues: collectsLetterheadValues)
        stream.describesFindings = describesFindings
        return stream
    }

    /// Scans a whole text at once.
    public func scan(_ text: String) -> PrivacyScanResult {
        var stream = stream()
        stream.append(Array(text.utf8))
        return stream.finish()
    }

    /// What decides whether an earlier scan still holds: the detectors' version and the
    /// public-character configuration.
    public var fingerprint: String { "\(Self.version)|\(publicCharacter.fingerprint)" }
}

/// What a scan found in one text.
public struct PrivacyScanResult: Sendable, Hashable {
    /// In text order; at most `PrivacyScanner.maximumFindings`.
    public var findings: [Finding]
    /// Every finding counted by type, past the maximum too.
    public var counts: [FindingType: Int]
    /// The text's length in Unicode scalars and in UTF-8 bytes.
    public var scalarCount: Int
    public var byteCount: Int
    /// True when findings were left out past the maximum.
    public var truncated: Bool
    /// The letterhead's kinds of value found, normalised, past the maximum too, the first
    /// 1,000 of each kind (`PrivacyStream.letterheadValuesPerKind`); empty unless the scanner
    /// collects them (`PrivacyScanner.collectsLetterheadValues`). Memory only.
    public var letterheadValues: Set<LetterheadValue> = []

    public var verdict: PrivacyVerdict { PrivacyVerdict(findings: findings, counts: counts) }
}

/// One text scanned as it arrives: `append` its UTF-8 bytes in chunks, then `finish`.
///
/// The text is scanned in regions of 256 kB cut at a line break; each pass reads 1 kB of the
/// text on either side of its region, so context words, codes and excerpts that cross a cut are
/// seen whole, and memory stays bounded by the region and the findings kept.
public struct PrivacyStream {
    let publicCharacter: PublicCharacter
    let maximumFindings: Int
    let collectsLetterheadValues: Bool
    static let regionSize = 256 * 1024
    static let margin = 1024

    private var buffer: [UInt8] = []
    /// The text's byte offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Where in `buffer` the next region starts, and the scalars of the text before it.
    private var next = 0
    private var scalarsBeforeNext = 0
    private var kept: [Located] = []
    private var counts: [FindingType: Int] = [:]
    private var truncated = false
    /// The names found so far, for their later mentions in the next regions (bounded).
    private var names = Detection.NameMemory()
    private var letterheadValues: Set<LetterheadValue> = []
    /// How many distinct values of each kind `letterheadValues` holds: at most
    /// `letterheadValuesPerKind`, since a letterhead is a handful and a directory of ten
    /// thousand numbers must not fill the memory of `privacy public suggest`.
    private var letterheadKinds: [LetterheadValue.Kind: Int] = [:]
    public static let letterheadValuesPerKind = 1_000
    /// `PrivacyScanner.describesFindings`: excerpts and reasons are left empty when false.
    var describesFindings = true

    /// A finding located in the whole text.
    struct Located {
        var finding: RawFinding
        var byteStart: Int
        var byteEnd: Int
        var scalarStart: Int
        var scalarEnd: Int
        var excerpt: String
    }

    init(publicCharacter: PublicCharacter, maximumFindings: Int, collectsLetterheadValues: Bool = false) {
        self.publicCharacter = publicCharacter
        self.maximumFindings = maximumFindings
        self.collectsLetterheadValues = collectsLetterheadValues
    }

    /// The text's bytes so far.
    public private(set) var byteCount = 0

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        buffer.append(contentsOf: bytes)
        byteCount += bytes.count
        guard buffer.count - next >= Self.regionSize + 2 * Self.margin else { return }
        while buffer.count - next >= Self.regionSize + 2 * Self.margin {
            scanRegion(final: false)
        }
        // Keep a margin of text before the next region for context; drop the rest, once per
        // chunk appended rather than once per region (each drop moves what follows).
        let drop = max(0, next - Self.margin)
        if drop > 0 {
            buffer.removeFirst(drop)
            bufferOffset += drop
            next -= drop
        }
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Scans what remains and returns every finding.
    public mutating func finish() -> PrivacyScanResult {
        scanRegion(final: true)
        adjustForIdentifiedPersons()
        let findings = kept.map {
            Finding(type: $0.finding.type, confidence: $0.finding.confidence, start: $0.scalarStart, end: $0.scalarEnd,
                    excerpt: $0.excerpt, reason: $0.finding.reason)
        }
        let result = PrivacyScanResult(findings: findings, counts: counts, scalarCount: scalarsBeforeNext, byteCount: byteCount,
                                       truncated: truncated, letterheadValues: letterheadValues)
        let describes = describesFindings
        self = PrivacyStream(publicCharacter: publicCharacter, maximumFindings: maximumFindings,
                             collectsLetterheadValues: collectsLetterheadValues)
        describesFindings = describes
        return result
    }

    private mutating func scanRegion(final: Bool) {
        let regionEnd = final ? buffer.count : cut(near: buffer.count - 2 * Self.margin)
        guard regionEnd > next || final else { return }
        let regionStart = next
        let collecting = collectsLetterheadValues
        var found: [LetterheadValue] = []
        // Past the maximum, findings are only counted: no offsets, no excerpt.
        let room = max(0, maximumFindings - kept.count)
        let (located, overflow, scalars) = buffer.withUnsafeBufferPointer { text -> ([Located], [FindingType], Int) in
            var detection = Detection(text: text, publicCharacter: publicCharacter)
            detection.describes = describesFindings
            detection.names = names
            detection.run(max(0, regionStart - Self.margin)..<min(text.count, regionEnd + Self.margin))
            names = detection.names.carried(before: regionEnd)
            // Taken out of the pass, so that the sort works in place rather than on a copy.
            var all = detection.findings
            detection.findings = []
            all.sort { $0.start < $1.start }
            // Sorted by start, the region's findings are one run of `all`.
            let lower = all.firstIndex { $0.start >= regionStart } ?? all.count
            let inRegion = all[lower..<(all[lower...].firstIndex { $0.start >= regionEnd } ?? all.count)]
            if collecting {
                for finding in inRegion where FindingType.letterhead.contains(finding.type) {
                    let written = String(decoding: UnsafeBufferPointer(rebasing: text[finding.start..<finding.end]), as: UTF8.self)
                    if let value = LetterheadValue.of(finding.type, text: written) { found.append(value) }
                }
            }
            var located: [Located] = []
            located.reserveCapacity(min(room, inRegion.count))
            var position = regionStart
            var scalars = scalarsBeforeNext
            func advance(to index: Int) {
                // Eight bytes at a time: a scalar starts at every byte that is not 10xxxxxx.
                let base = UnsafeRawPointer(text.baseAddress!)
                while position + 8 <= index {
                    let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                    let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                    scalars += 8 - continuations.nonzeroBitCount
                    position += 8
                }
                while position < index {
                    if !isContinuation(text[position]) { scalars += 1 }
                    position += 1
                }
            }
            for finding in inRegion.prefix(room) {
                advance(to: finding.start)
                let start = scalars
                var end = start
                for index in finding.start..<finding.end where !isContinuation(text[index]) { end += 1 }
                located.append(Located(finding: finding, byteStart: bufferOffset + finding.start, byteEnd: bufferOffset + finding.end,
                                       scalarStart: start, scalarEnd: end, excerpt: describesFindings ? Excerpt.masked(text, finding, among: all) : ""))
            }
            advance(to: regionEnd)
            return (located, inRegion.dropFirst(room).map(\.type), scalars)
        }
        for finding in located {
            counts[finding.finding.type, default: 0] += 1
            kept.append(finding)
        }
        for type in overflow { counts[type, default: 0] += 1 }
        if !overflow.isEmpty { truncated = true }
        for value in found where letterheadKinds[value.kind, default: 0] < Self.letterheadValuesPerKind {
            if letterheadValues.insert(value).inserted { letterheadKinds[value.kind, default: 0] += 1 }
        }
        scalarsBeforeNext = scalars
        next = regionEnd
    }

    /// Where to end a region near `target`: after the last line break within 8 kB before it,
    /// else after the last space within 1 kB, else at a scalar boundary.
    private func cut(near target: Int) -> Int {
        let lowest = max(next + 1, target - 8192)
        var index = target
        while index > lowest {
            if buffer[index - 1] == 0x0A { return index }
            index -= 1
        }
        index = target
        while index > max(next + 1, target - 1024) {
            if buffer[index - 1] == 0x20 { return index }
            index -= 1
        }
        index = target
        while index > next + 1, isContinuation(buffer[index]) { index -= 1 }
        return index
    }

    /// Health terms in a text that identifies someone are health information about that
    /// person; an address, a phone or an e-mail right after a labelled name is that person's.
    private mutating func adjustForIdentifiedPersons() {
        // A weak mention of a person named with confidence elsewhere (`Ms. Lopez` after
        // `Ms. Sandra Lopez` heads the letter) is that person's name.
        let named = Set(kept.compactMap { $0.finding.type == .personName && $0.finding.confidence >= 50 ? $0.finding.key : nil })
        for index in kept.indices where kept[index].finding.type == .personName && kept[index].finding.confidence < 50 {
            if let key = kept[index].finding.key, named.contains(key) {
                kept[index].finding.confidence = 60
                if describesFindings { kept[index].finding.reason += "; a person named elsewhere in the text" }
            }
        }
        let identified = kept.contains { $0.finding.type.identifiesPerson && $0.finding.confidence >= 45 }
        var lastNameEnd: Int?
        // Changed in place: copying each finding out and back cost a retain and a release each.
        for index in kept.indices {
            let type = kept[index].finding.type, confidence = kept[index].finding.confidence
            switch type {
            case .health where identified:
                let strong = confidence >= Detection.healthConfidence.strong
                kept[index].finding.confidence = strong ? Detection.healthConfidence.strongIdentified : Detection.healthConfidence.weakIdentified
                if describesFindings { kept[index].finding.reason += "; the text identifies a person" }
            case .postalCode, .phone, .email:
                if confidence < 60, let lastNameEnd, kept[index].byteStart - lastNameEnd <= 160 {
                    kept[index].finding.confidence = type == .postalCode ? 60 : 65
                    if describesFindings { kept[index].finding.reason += "; follows a person's name" }
                }
            case .personName where confidence >= 45:
                lastNameEnd = kept[index].byteEnd
            default:
                break
            }
        }
    }
}
