import ArgumentParser
import Foundation
import SablierApplication
import SablierCore

/// `sablier privacy rules`: what the calendar in force and the records manager say about each rule.
struct PrivacyRules: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules of the calendar in force: personal information from the calendar, GALA's confidential flag, confirmations."
    )

    @Flag(help: "Only the rules that flag their documents.") var flagged = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let entries = try await sablier.privacyRules(session, flaggedOnly: flagged)
        let table = Table(columns: ["rule", "flags", "source", "measure", "confirmed_by", "title"], rows: entries.map {
            [$0.rule, $0.flags ? "yes" : "no", $0.source, $0.measure ?? "", $0.confirmedBy ?? "", $0.title]
        })
        try Listing.print(output, table: table, json: entries)
    }
}

/// `sablier privacy confirm-rule RULE`: the records manager confirms or corrects a rule.
struct PrivacyConfirmRule: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-rule",
        abstract: "Confirm or correct whether a rule's documents hold personal information (a GALA calendar only says confidential).",
        discussion: """
            The confirmation replaces what the calendar says for this rule, in every version to come, until confirmed \
            again. It is written to the audit trail.
            """
    )

    enum Answer: String, ExpressibleByArgument, CaseIterable { case yes, no }

    @Argument(help: "The rule's number.") var rule: String
    @Option(name: .customLong("personal-information"), help: "yes or no.") var personalInformation: Answer
    @Option(help: "detruire or anonymiser, when yes.") var measure: MeasureArgument?
    @Option(help: "Why.") var note: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let confirmation = try await sablier.confirmRulePrivacy(session, rule: rule, personalInformation: personalInformation == .yes,
                                                                measure: measure?.measure, note: note)
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
        abstract: "Declare the organisation's own numbers, e-mail domains, street addresses and postal codes, which have a public character and never flag.",
        subcommands: [Add.self, List.self, Remove.self, Suggest.self]
    )

    struct Add: UseCaseCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Declare switchboard or fax numbers, e-mail domains or addresses, postal codes.",
            discussion: """
                Each option may be repeated: every value is checked before any is declared. The documents waiting in \
                the review queue that were flagged by telephone numbers, postal codes, e-mail or street addresses \
                alone are scanned again at once; the others at the next privacy scan --all.
                """)

        @Option(help: "A telephone number (switchboard, fax, service line).") var phone: [String] = []
        @Option(name: .customLong("email-domain"), help: "A domain of the organisation's addresses (staff, services).") var emailDomain: [String] = []
        @Option(help: "A general address outside those domains.") var email: [String] = []
        @Option(name: .customLong("postal-code"), help: "The postal code of one of its buildings.") var postalCode: [String] = []
        @Option(help: "The street address or post office box of one of its buildings (\"1200, boulevard Industriel, Granby\"; apartment, municipality and postal code do not count).")
        var address: [String] = []
        @Option(help: "What it is.") var note: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions

        var given: [(kind: PublicIdentifier.Kind, value: String)] {
            phone.map { (PublicIdentifier.Kind.phone, $0) } + emailDomain.map { (.emailDomain, $0) } + email.map { (.email, $0) }
                + postalCode.map { (.postalCode, $0) } + address.map { (.address, $0) }
        }

        func validate() throws {
            guard !given.isEmpty else { throw ValidationError("give at least one of --phone, --email-domain, --email, --postal-code or --address") }
        }

        func run(_ sablier: Sablier, _ session: Session) async throws {
            let added = try await sablier.addPublicIdentifiers(session, given, note: note)
            for identifier in added.identifiers {
                Console.out("\(identifier.kind.rawValue) \(identifier.value) declared public: scans never report it")
            }
            Console.out("\(added.rescanned) document\(added.rescanned == 1 ? "" : "s") flagged only by telephone numbers, postal codes, "
                + "e-mail or street addresses scanned again: \(added.leftQueue) left the review queue; "
                + "the others are scanned again at the next privacy scan --all")
            if !added.rescanProblems.isEmpty {
                // The identifiers stand: what could not be scanned again waits for privacy scan --all.
                Console.error("\(added.notRescanned) document\(added.notRescanned == 1 ? "" : "s") could not be scanned again "
                    + "(the identifiers above are declared all the same):")
                for problem in added.rescanProblems {
                    Console.error("  " + MessageCatalogue.message(problem, in: actor.language))
                }
            }
        }
    }

    struct List: UseCaseCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the public identifiers.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: OutputOptions

        func run(_ sablier: Sablier, _ session: Session) async throws {
            let identifiers = try await sablier.publicIdentifiers(session)
            let table = Table(columns: ["kind", "value", "note", "added_by"], rows: identifiers.map { [$0.kind.rawValue, $0.value, $0.note ?? "", $0.addedBy] })
            try Listing.print(output, table: table, json: identifiers)
        }
    }

    struct Remove: UseCaseCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a public identifier.")
        @Argument(help: "phone, email-domain, email, postal-code or address.") var kind: KindArgument
        @Argument(help: "The value.") var value: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions

        func run(_ sablier: Sablier, _ session: Session) async throws {
            let kind = PublicIdentifier.Kind(rawValue: kind.rawValue)!
            let removed = try await sablier.removePublicIdentifier(session, kind: kind, value: value)
            Console.out("\(kind.rawValue) \(removed) is no longer public")
        }
    }

    /// The kinds of public identifier, as typed.
    enum KindArgument: String, ExpressibleByArgument, CaseIterable {
        case phone, email, emailDomain = "email-domain", postalCode = "postal-code", address
    }
}
