public import SablierCore
public import SablierPrivacy

extension PrivacyScanning {
    /// The telephone numbers, postal codes, e-mail domains and addresses one registered
    /// document's text holds, normalised (`privacy public suggest`); nil when it has no file or
    /// its file cannot be read. Read as `scanDocument` reads it — a file `access` allows, from
    /// the descriptor it checked — and nothing is stored: the values live in the caller's
    /// memory only.
    public func letterheadValues(of document: RegisteredDocument, scanner: PrivacyScanner, access: FileAccess) -> Set<LetterheadValue>? {
        guard let file = document.document.file else { return nil }
        var scanner = scanner
        scanner.collectsLetterheadValues = true
        let read: FileScan
        do {
            let opened = try access.open(file.path)
            read = withExtendedLifetime(opened) { Self.scanFile(opened.descriptorPath, named: opened.path, scanner: scanner, extractor: extractor) }
        } catch {
            return nil
        }
        return read.result?.letterheadValues
    }
}
