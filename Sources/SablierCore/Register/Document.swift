/// An information asset under a rule (dossier or document): digital or not, as the security
/// policy defines them (actif informationnel numérique / non numérique).
public struct Document: Sendable, Hashable, Codable, Identifiable {
    /// Reference unique in the organisation (cote).
    public var reference: String
    public var id: String { reference }
    public var title: String
    /// The rule it falls under, by number, in the calendar in force.
    public var rule: String
    /// Which copy it is (exemplaire principal or secondaire).
    public var copy: CopyKind
    /// The holder unit (unité détentrice, détenteur de l'information).
    public var holder: String
    /// The medium, with the calendar's codes (PA papier, DM numérique, FI film, MI microfilm, …).
    public var support: Support
    /// Date d'ouverture and date de fermeture (nil while open).
    public var openedOn: CivilDate?
    public var closedOn: CivilDate?
    /// Free identifiers (student number, file number in another system, …), by name.
    public var identifiers: [String: String]
    /// What a digital asset is: its file, measured at registration.
    public var file: DigitalFile?
    /// Where a non-digital asset is.
    public var location: PhysicalLocation?
    /// The box it sits in, by code, when it is in one.
    public var box: String?
    /// For a digitized copy: the reference of the original it was made from. Per the policy,
    /// a digitized non-digital asset keeps the original's status.
    public var digitizedFrom: String?
    /// The reference of the earlier version this document replaces (999 periods).
    public var replaces: String?

    public init(
        reference: String, title: String, rule: String, copy: CopyKind, holder: String, support: Support,
        openedOn: CivilDate? = nil, closedOn: CivilDate? = nil, identifiers: [String: String] = [:],
        file: DigitalFile? = nil, location: PhysicalLocation? = nil, box: String? = nil,
        digitizedFrom: String? = nil, replaces: String? = nil
    ) {
        self.reference = reference
        self.title = title
        self.rule = rule
        self.copy = copy
        self.holder = holder
        self.support = support
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.identifiers = identifiers
        self.file = file
        self.location = location
        self.box = box
        self.digitizedFrom = digitizedFrom
        self.replaces = replaces
    }

    /// True for a digital asset (a file), false for paper, film, microfilm.
    public var isDigital: Bool { file != nil }
}

/// A registered file: where it is and what it was when registered.
public struct DigitalFile: Sendable, Hashable, Codable {
    /// Path or URI.
    public var path: String
    /// SHA-256 of the content at registration, lowercase hex.
    public var sha256: String
    public var size: Int
    /// Format, from the file name's extension (pdf, docx, …) or a media type.
    public var format: String

    public init(path: String, sha256: String, size: Int, format: String) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.format = format
    }
}

/// Where a non-digital asset or a box is kept (bâtiment, local, rayonnage). The box a
/// document sits in is `Document.box`, since boxes move as a whole.
public struct PhysicalLocation: Sendable, Hashable, Codable {
    public var building: String?
    public var room: String?
    public var shelving: String?

    public init(building: String? = nil, room: String? = nil, shelving: String? = nil) {
        self.building = building
        self.room = room
        self.shelving = shelving
    }

    /// Reads `building / room / shelving` (the form `description` writes); empty parts stay unknown.
    public init(slashed text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        func part(_ index: Int) -> String? { index < parts.count && !parts[index].isEmpty ? parts[index] : nil }
        self.init(building: part(0), room: part(1), shelving: parts.count > 3 ? parts[2...].joined(separator: " / ") : part(2))
    }

    /// True when no part is known.
    public var isEmpty: Bool { building == nil && room == nil && shelving == nil }

    /// `building / room / shelving`, the parts that are known.
    public var description: String {
        [building, room, shelving].compactMap { $0 }.joined(separator: " / ")
    }
}
