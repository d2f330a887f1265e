public import Foundation
public import SablierCore
public import SablierExtraction
public import SablierPrivacy
public import SablierStore

/// The personal-information scan of real files: text extracted at the edge
/// (`SablierExtraction`), read by the detectors (`SablierPrivacy`), findings stored per content
/// (`PrivacyStore`). Incremental: a document whose file has the SHA-256 of a content already
/// scanned by the same scanner (detectors' version and public configuration) is not read again.
public struct PrivacyScanning: Sendable {
    public let store: any PrivacyStore
    public var extractor: TextExtractor

    public init(store: any PrivacyStore, extractor: TextExtractor = TextExtractor()) {
        self.store = store
        self.extractor = extractor
    }

    /// The detectors, configured with the organisation's public identifiers.
    public func scanner() async throws -> PrivacyScanner {
        Self.scanner(publicIdentifiers: try await store.publicIdentifiers())
    }

    public static func scanner(publicIdentifiers: [PublicIdentifier]) -> PrivacyScanner {
        func values(_ kind: PublicIdentifier.Kind) -> [String] { publicIdentifiers.filter { $0.kind == kind }.map(\.value) }
        return PrivacyScanner(publicCharacter: PublicCharacter(
            phones: values(.phone), emailDomains: values(.emailDomain), emails: values(.email), postalCodes: values(.postalCode),
            addresses: values(.address)))
    }

    /// What decides whether a stored scan still holds: a digest of the scanner's fingerprint.
    public static func fingerprint(_ scanner: PrivacyScanner) -> String {
        "v\(PrivacyScanner.version)-" + SourceDigest.sha256Hex(scanner.fingerprint.utf8).prefix(16)
    }

    /// What scanning one file gave.
    public struct FileScan: Sendable {
        public var path: String
        public var format: DocumentFormat?
        /// Nil when the text was not read.
        public var result: PrivacyScanResult?
        public var error: ExtractionError?

        /// Nil when the file was not read: not knowing is not "no personal information".
        public var flagged: Bool? { result?.verdict.flagged }
    }

    /// Extracts and scans one file, in bounded memory; nothing is stored.
    public func scanFile(_ path: String, scanner: PrivacyScanner) -> FileScan {
        Self.scanFile(path, scanner: scanner, extractor: extractor)
    }

    /// Extracts and scans one file with no store at all, and no check: for a path `FileAccess`
    /// already allowed, resolved (`Sablier.scanPrivacyFiles` checks each before handing it on).
    /// `name`, when `readFrom` is a held descriptor's path (`ReadableFile.descriptorPath`), is
    /// the file's own path, which the scan reports and whose extension tells the format.
    public static func scanFile(_ readFrom: String, named name: String? = nil, scanner: PrivacyScanner,
                                extractor: TextExtractor = TextExtractor()) -> FileScan {
        let path = name ?? readFrom
        var stream = scanner.stream()
        do {
            let format = try extractor.extract(fileAt: readFrom, named: name) { stream.append($0) }
            return FileScan(path: path, format: format, result: stream.finish(), error: nil)
        } catch {
            return FileScan(path: path, format: nil, result: nil, error: error)
        }
    }

    /// What happened to one registered document.
    public struct DocumentOutcome: Sendable {
        public enum Status: String, Sendable, Codable {
            /// Its file was read and scanned now.
            case scanned
            /// Its file's content was scanned before by the same scanner: not read again.
            case unchanged
            /// Its file could not be read (the scan records why).
            case unreadable
            /// It has no file (paper): only its rule can flag it.
            case noFile = "no-file"
            /// Its file is not where the register says.
            case fileMissing = "file-missing"
        }

        public var reference: String
        public var path: String?
        public var status: Status
        /// The stored scan of its content (nil without a file).
        public var scan: ContentScan?
        /// Why the file is missing.
        public var problem: String?
    }

    /// Scans one registered document's file (or reuses the scan of the same content), if
    /// `access` (the store's, when nil) lets the register read it: a file outside the roots, or
    /// not a regular file, is reported as its problem and never opened.
    public func scanDocument(_ document: RegisteredDocument, scanner: PrivacyScanner, fingerprint: String, force: Bool = false,
                             access: FileAccess? = nil, by actor: String, at instant: Date) async throws -> DocumentOutcome {
        let reference = document.document.reference
        guard let file = document.document.file else {
            return DocumentOutcome(reference: reference, path: nil, status: .noFile, scan: nil, problem: nil)
        }
        let access = if let access { access } else { try await FileAccess.of(store) }
        let measured: DigitalFile
        do {
            measured = try FileFingerprint.measure(path: file.path, access: access)
        } catch {
            return DocumentOutcome(reference: reference, path: file.path, status: error.isMissing ? .fileMissing : .unreadable, scan: nil,
                                   problem: error.description)
        }
        if !force, let earlier = try await store.contentScan(sha256: measured.sha256), earlier.scanner == fingerprint {
            try await store.linkScan(sha256: measured.sha256, document: reference, path: file.path, by: actor, at: instant)
            // Not read again; a content that could not be read stays reported as such.
            return DocumentOutcome(reference: reference, path: file.path, status: earlier.status == .read ? .unchanged : .unreadable,
                                   scan: earlier, problem: nil)
        }
        // The text is read from a descriptor checked by `FileAccess` (opened again: measuring
        // closed its own), so a file swapped at the path after the check is never what is read.
        var read: FileScan
        do {
            let opened = try access.open(measured.path)
            read = withExtendedLifetime(opened) { Self.scanFile(opened.descriptorPath, named: opened.path, scanner: scanner, extractor: extractor) }
        } catch {
            return DocumentOutcome(reference: reference, path: file.path, status: error.isMissing ? .fileMissing : .unreadable, scan: nil,
                                   problem: error.description)
        }
        read.path = file.path
        let scan = Self.contentScan(read, sha256: measured.sha256, fingerprint: fingerprint, at: instant)
        try await store.recordScan(scan, document: reference, path: file.path, by: actor, at: instant)
        return DocumentOutcome(reference: reference, path: file.path, status: scan.status == .read ? .scanned : .unreadable, scan: scan, problem: nil)
    }

    /// A file's scan as the store keeps it: findings masked, offsets in scalars.
    public static func contentScan(_ file: FileScan, sha256: String, fingerprint: String, at instant: Date) -> ContentScan {
        guard let result = file.result else {
            let status: ContentScanStatus
            switch file.error?.kind {
            case .unsupported?: status = .unsupported
            case .noText?: status = .noText
            case .toolMissing?: status = .toolMissing
            default: status = .unreadable
            }
            let problem = file.error?.description ?? "unreadable"
            return ContentScan(sha256: sha256, scanner: fingerprint, scannedAt: instant, status: status, problem: problem,
                               format: file.format?.rawValue, summary: "not read: \(problem)")
        }
        let verdict = result.verdict
        return ContentScan(
            sha256: sha256, scanner: fingerprint, scannedAt: instant, status: .read, format: file.format?.rawValue,
            textScalars: result.scalarCount, flagged: verdict.flagged, score: verdict.score, summary: verdict.summary,
            findingCount: result.counts.values.reduce(0, +), truncated: result.truncated,
            findings: result.findings.map {
                StoredFinding(type: $0.type.rawValue, confidence: $0.confidence, start: $0.start, end: $0.end, excerpt: $0.excerpt, reason: $0.reason)
            })
    }
}
