import Crypto

/// SHA-256 digests of stored bytes, in the lowercase hex that `CalendarVersionInfo.sourceSHA256`
/// holds, computed with swift-crypto so every module and backend agrees on one implementation.
public enum SourceDigest {
    /// The SHA-256 of `bytes`, as 64 lowercase hex digits.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(bytes)) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
