import ArgumentParser
import SablierApplication

/// `sablier hold …`: holds (gels) stop destruction of the documents they cover.
struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Place, release and list holds (gels): a held document is never destroyed.",
        subcommands: [HoldPlace.self, HoldRelease.self, HoldList.self]
    )
}

struct HoldPlace: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Place a hold on a document, on every document of a rule (now and later), or on the documents a query selects."
    )

    @Option(help: "Why (litigation, access request, audit, …).") var reason: String
    @Option(help: "One document, by reference.") var document: String?
    @Option(help: "Every document of a rule, including those registered later.") var rule: String?
    @Option(help: "The documents a query selects now, e.g. \"holder=RH; closed<2020-07-01\" (see `document list --help`).") var query: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard [document, rule, query].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --document, --rule or --query")
        }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let target: HoldTarget = document.map(HoldTarget.document) ?? rule.map(HoldTarget.rule) ?? .query(query ?? "")
        let hold = try await sablier.placeHold(session, on: target, reason: reason)
        Console.out("hold \(hold.id) placed on \(hold.scope) \(hold.target): \(hold.documents) document\(hold.documents == 1 ? "" : "s") held")
    }
}

struct HoldRelease: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a hold.")

    @Argument(help: "The hold's number.") var id: Int
    @Option(help: "Why it ends.") var reason: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let hold = try await sablier.releaseHold(session, id, reason: reason)
        Console.out("hold \(hold.id) released: \(hold.documents) document\(hold.documents == 1 ? "" : "s") no longer held by it")
    }
}

struct HoldList: UseCaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List holds (active ones unless --all).")

    @Flag(help: "Include released holds.") var all = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let listing = try await sablier.holds(session, includingReleased: all)
        let table = Table(columns: ["id", "scope", "target", "documents", "placed_by", "released", "reason"],
                          rows: listing.holds.map { [String($0.id), $0.scope, $0.target, String($0.documents), $0.placedBy,
                                                     $0.releasedAt == nil ? "" : "yes", $0.reason] })
        try Listing.print(output, table: table, json: listing.holds)
        Listing.withheld(listing.withheld)
    }
}
