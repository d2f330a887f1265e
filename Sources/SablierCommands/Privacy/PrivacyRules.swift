import ArgumentParser
import Foundation
import SablierCore
import SablierPrivacy
import SablierStore

/// `sablier privacy rules`: what the calendar in force and the records manager say about each rule.
struct PrivacyRules: GuardedCommand {
    static let permission = Permission.readCalendar

    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules of the calendar in force: personal information from the calendar, GALA's confidential flag, confirmations."
    )

    @Flag(help: "Only the rules that flag their documents.") var flagged = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var rule: String
        var title: String
        var source: String
        var flags: Bool
        var measure: String?
        var calendarPersonalInformation: Bool?
        var confidential: Bool?
        var confirmedBy: String?
        var confirmedAt: Date?
        var note: String?
    }

    func run(with access: Access) async throws {
        let rules = try await store.openPrivacy().rulePrivacy().filter { !flagged || $0.flags }
        let entries = rules.map {
            Entry(rule: $0.rule, title: $0.title, source: $0.source.rawValue, flags: $0.flags, measure: $0.measure?.rawValue,
                  calendarPersonalInformation: $0.calendarPersonalInformation?.present, confidential: $0.confidential,
                  confirmedBy: $0.confirmation?.confirmedBy, confirmedAt: $0.confirmation?.confirmedAt, note: $0.confirmation?.note)
        }
        let table = Table(columns: ["rule", "flags", "source", "measure", "confirmed_by", "title"], rows: entries.map {
            [$0.rule, $0.flags ? "yes" : "no", $0.source, $0.measure ?? "", $0.confirmedBy ?? "", $0.title]
        })
        try Listing.print(output.format, table: table, json: entries)
    }
}

/// `sablier privacy confirm-rule RULE`: the records manager confirms or corrects a rule.
struct PrivacyConfirmRule: GuardedCommand {
    static let permission = Permission.manageCalendar

    static let configuration = CommandConfiguration(
        commandName: "confirm-rule",
        abstract: "Confirm or correct whether a rule's documents hold personal information (a GALA calendar only says confidential).",
        discussion: "The confirmation replaces what the calendar says for this rule, in every version to come, until confirmed again."
    )

    enum Answer: String, ExpressibleByArgument, CaseIterable { case yes, no }

    @Argument(help: "The rule's number.") var rule: String
    @Option(name: .customLong("personal-information"), help: "yes or no.") var personalInformation: Answer
    @Option(help: "detruire or anonymiser, when yes.") var measure: MeasureArgument?
    @Option(help: "Why.") var note: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(with access: Access) async throws {
        let confirmation = try await store.openPrivacy().confirmRulePrivacy(
            rule: rule, personalInformation: personalInformation == .yes, measure: measure?.measure, note: note, by: access.user.name, at: Date())
        let what = confirmation.personalInformation
            ? "holds personal information\(confirmation.measure.map { " (measure \($0.rawValue))" } ?? "")"
            : "holds no personal information"
        Console.out("rule \(rule) \(what), confirmed by \(confirmation.confirmedBy) (calendar version \(confirmation.calendarVersion))")
    }
}

/// `sablier privacy public …`: the organisation's public identifiers (Access Act, s. 57).
struct PrivacyPublic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public",
        abstract: "Declare the organisation's own numbers, e-mail domains and postal codes, which have a public character and never flag.",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: GuardedCommand {
        static let permission = Permission.reviewPrivacy

        static let configuration = CommandConfiguration(commandName: "add", abstract: "Declare a switchboard or fax number, an e-mail domain or address, a postal code.")

        @Option(help: "A telephone number (switchboard, fax, service line).") var phone: String?
        @Option(name: .customLong("email-domain"), help: "A domain of the organisation's addresses (staff, services).") var emailDomain: String?
        @Option(help: "A general address outside those domains.") var email: String?
        @Option(name: .customLong("postal-code"), help: "The postal code of one of its buildings.") var postalCode: String?
        @Option(help: "What it is.") var note: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions

        func run(with access: Access) async throws {
            let given = [phone.map { (PublicIdentifier.Kind.phone, $0) }, emailDomain.map { (.emailDomain, $0) }, email.map { (.email, $0) },
                         postalCode.map { (.postalCode, $0) }].compactMap { $0 }
            guard given.count == 1, let (kind, raw) = given.first else {
                throw CommandFailure.invalid("give exactly one of --phone, --email-domain, --email or --postal-code")
            }
            guard let value = PrivacyPublic.normalised(kind, raw) else { throw CommandFailure.invalid("'\(raw)' is not a valid \(kind.rawValue)") }
            try await store.openPrivacy().addPublicIdentifier(PublicIdentifier(kind: kind, value: value, note: note, addedAt: Date(),
                                                                               addedBy: access.user.name))
            Console.out("\(kind.rawValue) \(value) declared public: scans never report it (documents already scanned are scanned again)")
        }
    }

    struct List: GuardedCommand {
        static let permission = Permission.reviewPrivacy

        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the public identifiers.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: OutputOptions

        func run(with access: Access) async throws {
            let identifiers = try await store.openPrivacy().publicIdentifiers()
            let table = Table(columns: ["kind", "value", "note", "added_by"], rows: identifiers.map { [$0.kind.rawValue, $0.value, $0.note ?? "", $0.addedBy] })
            try Listing.print(output.format, table: table, json: identifiers)
        }
    }

    struct Remove: GuardedCommand {
        static let permission = Permission.reviewPrivacy

        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a public identifier.")
        @Argument(help: "phone, email-domain, email or postal-code.") var kind: String
        @Argument(help: "The value.") var value: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions

        func run(with access: Access) async throws {
            guard let kind = PublicIdentifier.Kind(rawValue: kind), let normalised = PrivacyPublic.normalised(kind, value) else {
                throw CommandFailure.invalid("unknown kind or value: \(kind) \(value)")
            }
            guard try await store.openPrivacy().removePublicIdentifier(kind: kind, value: normalised) else {
                throw CommandFailure.invalid("\(kind.rawValue) \(normalised) was not declared public")
            }
            Console.out("\(kind.rawValue) \(normalised) is no longer public")
        }
    }

    /// The stored form of a value: ten digits, a lowercase domain or address, `A9A9A9`.
    static func normalised(_ kind: PublicIdentifier.Kind, _ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .phone:
            // The scanner's own rules, so that what is stored is what it compares.
            return PublicCharacter.normalisedPhone(trimmed)
        case .emailDomain:
            let domain = trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@."))
            return domain.contains(".") && !domain.contains("@") && !domain.contains(" ") ? domain : nil
        case .email:
            let address = trimmed.lowercased()
            return address.split(separator: "@").count == 2 && !address.contains(" ") ? address : nil
        case .postalCode:
            return PublicCharacter.normalisedPostalCode(trimmed)
        }
    }
}
