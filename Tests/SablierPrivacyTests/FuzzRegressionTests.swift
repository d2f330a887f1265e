import Foundation
import SablierExtraction
import SablierTestSupport
import Testing

/// Inputs the libFuzzer targets of `Fuzz/` found to crash a text extractor, minimized by
/// libFuzzer and kept here as they were found, so each failure never comes back
/// (docs/PERFORMANCE.md, "Fuzzing (issue 14)").
@Suite("Text extraction: what fuzzing found")
struct FuzzRegressionTests {
    /// The text of an RTF file holding `content`, read through the real extractor; nil when it
    /// refuses the file. Whatever it writes must be valid UTF-8, the extractor's promise.
    static func rtfText(_ content: String) throws -> String? {
        let directory = try TemporaryDirectory(prefix: "sablier-fuzz-regression")
        defer { directory.remove() }
        let file = try directory.write("found.rtf", content)
        var bytes: [UInt8] = []
        do {
            try TextExtractor().extract(fileAt: file.path) { bytes.append(contentsOf: $0) }
        } catch {
            #expect(bytes.isEmpty || String(validating: bytes, as: UTF8.self) != nil)
            return nil
        }
        #expect(String(validating: bytes, as: UTF8.self) != nil, "not UTF-8: \(bytes)")
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("RTF: a \\u of twelve digits at the end of the file is no character (FuzzRTFText, 2026-12-05: it trapped converting to UInt32)")
    func unicodeBeyondThirtyTwoBits() throws {
        // The control word is cut by the end of the file, so it is finished by `finish()`.
        #expect(try Self.rtfText(#"{\rtf\u232222222222"#) == nil)
        #expect(try Self.rtfText(#"{\rtf\u232222222222 x}"#) == "x")
    }

    @Test("RTF: a \\u beyond U+10FFFF is no character (FuzzRTFText, 2026-12-05: it came out as 4 bytes that are not UTF-8)")
    func unicodeBeyondTheLastScalar() throws {
        #expect(try Self.rtfText(#"{\rtf\u2322222"#) == nil)
        #expect(try Self.rtfText(#"{\rtf1\ansi a\u2322222?b}"#) == "a?b")
    }
}
