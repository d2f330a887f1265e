import SablierStore
import Foundation
public import SablierExtraction
public import SablierPrivacy

/// An anonymized copy of a document's text (Access Act, s. 73): every finding that identifies or
/// reaches a person replaced by its type in brackets (`[NAS]`, `[nom]`), whatever its confidence;
/// written as UTF-8 text next to the original, as `NAME-anonymise.txt`.
public struct AnonymizedCopy: Sendable, Hashable {
    public var reference: String
    public var source: String
    public var path: String
    public var sha256: String
    /// How many findings were replaced.
    public var replaced: Int
}

public enum DocumentAnonymizer {
    /// Where the anonymized copy of `path` is written.
    public static func copyPath(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent + "-anonymise.txt"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the text of `path`, if `access` lets the register read it, replaces every
    /// finding, writes the copy durably and returns it.
    public static func anonymize(reference: String, path: String, publicCharacter: PublicCharacter, access: FileAccess,
                                 extractor: TextExtractor = TextExtractor()) throws(Failure) -> AnonymizedCopy {
        let resolved: String
        do {
            resolved = try access.check(path)
        } catch {
            throw Failure(description: "the register may not read it (\(error.description)), so no anonymized copy can be made")
        }
        var bytes: [UInt8] = []
        var stream = PrivacyScanner(publicCharacter: publicCharacter, maximumFindings: .max).stream()
        do {
            try extractor.extract(fileAt: resolved) { chunk in
                bytes.append(contentsOf: chunk)
                stream.append(chunk)
            }
        } catch {
            throw Failure(description: "its text cannot be read (\(error.description)), so no anonymized copy can be made")
        }
        let findings = stream.finish().findings
        let text = Anonymizer.anonymize(String(decoding: bytes, as: UTF8.self), findings: findings)
        let target = copyPath(of: path)
        let data = Data(text.utf8)
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw Failure(description: "the anonymized copy \(target) cannot be written (\(error.localizedDescription))")
        }
        DispositionExecutor.syncDirectory(of: target)
        let digest = SourceDigest.sha256Hex(data)
        return AnonymizedCopy(reference: reference, source: path, path: target, sha256: digest,
                              replaced: findings.filter { $0.type != .health }.count)
    }
}
