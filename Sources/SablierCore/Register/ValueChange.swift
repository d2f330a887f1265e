import Foundation

/// A value as it was and as it is now, as an event's detail keeps it: `{"from":…,"to":…}`,
/// an empty value as `null`.
///
/// Why one type: corrections, reclassifications and relinks all record what they changed in
/// the document's history, and the history must read the same whatever wrote it and on every
/// backend (keys sorted, slashes of paths unescaped).
public struct ValueChange: Sendable, Hashable, Encodable {
    public var from: String?
    public var to: String?

    public init(from: String?, to: String?) {
        self.from = from
        self.to = to
    }

    /// Both keys always written, an empty value as `null`, so that a cleared field reads as such.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
    }

    enum Key: String, CodingKey { case from, to }

    /// The change alone as JSON: `{"from":…,"to":…}`.
    public var json: String { Self.json(self) }

    /// Several changes as JSON, by name: `{"field":{"from":…,"to":…},…}`, keys sorted.
    public static func json(_ changes: [String: ValueChange]) -> String { json(changes as any Encodable) }

    static func json(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
