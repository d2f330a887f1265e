/// A box of non-digital documents (boîte): a thing of its own, with a code, a place and a
/// description of what it holds; documents name the box they sit in.
public struct Box: Sendable, Hashable, Codable {
    /// The box's code, unique in the organisation (its label).
    public var code: String
    public var location: PhysicalLocation
    /// What it holds, in words.
    public var contents: String?
    /// The shelf space it takes, in millimetres, when known: the volumes report adds these up
    /// into linear metres.
    public var linearMillimetres: Int?

    public init(code: String, location: PhysicalLocation = PhysicalLocation(), contents: String? = nil, linearMillimetres: Int? = nil) {
        self.code = code
        self.location = location
        self.contents = contents
        self.linearMillimetres = linearMillimetres
    }
}
