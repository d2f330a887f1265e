public import SablierCore
import SablierMail
import SablierStore

/// One message of a notices run: to whom, about which unit, what it counts, and whether it was
/// handed over. `sablier notify --format json`, `POST /api/v1/notices`.
public struct NoticeMessage: Sendable, Hashable, Codable {
    /// The détenteur's user name.
    public var recipient: String
    public var address: String
    public var unit: String
    public var subject: String
    /// Documents due in the unit by the horizon (already due ones included).
    public var due: Int
    /// Proposed disposition lists holding documents of the unit.
    public var lists: Int
    public var overdueLoans: Int
    /// `sent`, `failed`, or `dry-run` (composed, not sent).
    public var status: String
    /// The whole message as it would be handed to sendmail: in a dry run only.
    public var text: String?
    /// The message's body as a person reads it (the text is quoted-printable): in a dry run only.
    public var body: String?
}

/// A message that sendmail did not accept, and why (what it said).
public struct NoticeFailure: Sendable, Hashable, Codable {
    public var recipient: String
    public var unit: String
    public var reason: String
}

/// A unit with something to say that one of its détenteurs will not hear of: the détenteur has
/// no e-mail address, or (`detenteur` absent) the unit has no active détenteur at all.
public struct NoticeGap: Sendable, Hashable, Codable {
    public var unit: String
    public var detenteur: String?
    public var due: Int
    public var lists: Int
    public var overdueLoans: Int
}

/// What a notices run did.
public struct NoticeRun: Sendable, Hashable, Codable {
    public var asOf: String
    /// The last day counted: `asOf` plus `days`.
    public var through: String
    public var days: Int
    public var dryRun: Bool
    public var messages: [NoticeMessage]
    public var failures: [NoticeFailure]
    /// Who was not told, though their unit had something to say: never skipped silently.
    public var withoutAddress: [NoticeGap]
    public var sent: Int
}

extension Sablier {
    /// The longest horizon a notice looks ahead: ten years of days.
    public static let maximumNoticeDays = 3660

    /// Tells each active détenteur what concerns their unit (`sablier notify`): what falls due
    /// in the next `days` days after `asOf` (today by default; already due documents included),
    /// which proposed disposition lists hold its documents and wait for their approval, and
    /// which loans of its files are overdue. One message per détenteur with something to say,
    /// in French, from `sender`; a détenteur without an address, or a unit without a
    /// détenteur, is reported in `withoutAddress`.
    ///
    /// With a `transport` every message is handed to it, one at a time: a failure is reported
    /// for that message and the others are still sent. Without one (a dry run) the messages are
    /// returned whole and nothing leaves Sablier; asking to send (`dryRun` false) without a
    /// transport — over the API, which holds none — is refused (`notices.dry-run-only`).
    ///
    /// The audit entry `notices.send` (recipients by name, counts; no address and no document
    /// title) is written before anything is handed to the transport, so that a message never
    /// leaves without the trail saying it would; a second entry, `notices.sent`, then records
    /// how many were accepted and which failed.
    public func sendNotices(_ session: Session, asOf: CivilDate? = nil, days: Int = 30, from sender: String,
                            transport: (any MailTransport)?, dryRun: Bool? = nil) async throws(Refusal) -> NoticeRun {
        let useCase = "notify"
        let access = try await authorize(session, .sendNotices, useCase)
        let actor = access.user.name
        let from: String = try await auditingRefusals(by: actor, useCase: useCase, permission: access.permission) { () throws(Refusal) in
            if dryRun == false && transport == nil { throw Refusal(.noticesDryRunOnly, [:]) }
            guard (0...Self.maximumNoticeDays).contains(days) else {
                throw Refusal(.noticeDaysOutOfRange, ["value": String(days), "maximum": String(Self.maximumNoticeDays)])
            }
            return try EmailAddress.checked(sender)
        }
        let transport = dryRun == true ? nil : transport
        let day = asOf ?? clock.today
        let through = day.adding(days: days)
        let now = clock.now
        let facts = try await noticeFacts(asOf: day, through: through)
        let domain = String(from.split(separator: "@").last ?? "localhost")

        var run = NoticeRun(asOf: day.description, through: through.description, days: days, dryRun: transport == nil,
                            messages: [], failures: [], withoutAddress: [], sent: 0)
        let detenteurs = try await attempt { try await store.users() }.filter { $0.active && $0.roles.contains(.detenteur) }
        let byUnit = Dictionary(grouping: detenteurs) { Access.unitKey($0.unit) }
        for key in facts.units.keys.sorted() {
            let notice = facts.notice(key, asOf: day, days: days, through: through)
            if notice.isEmpty { continue }
            let counts = (due: notice.due.count, lists: notice.lists.count, loans: notice.overdueLoans.count)
            guard let people = byUnit[key], !people.isEmpty else {
                run.withoutAddress.append(NoticeGap(unit: notice.unit, detenteur: nil, due: counts.due, lists: counts.lists,
                                                    overdueLoans: counts.loans))
                continue
            }
            for person in people.sorted(by: { $0.name < $1.name }) {
                guard let address = person.email else {
                    run.withoutAddress.append(NoticeGap(unit: person.unit, detenteur: person.name, due: counts.due, lists: counts.lists,
                                                        overdueLoans: counts.loans))
                    continue
                }
                var personal = notice
                personal.unit = person.unit
                let body = personal.body(to: person.name)
                let message = MailMessage(from: from, to: [address], subject: personal.subject, date: now,
                                          messageID: MailMessage.messageID(at: now, recipient: person.name, about: key, domain: domain),
                                          body: body)
                run.messages.append(NoticeMessage(recipient: person.name, address: address, unit: person.unit, subject: personal.subject,
                                                  due: counts.due, lists: counts.lists, overdueLoans: counts.loans, status: "dry-run",
                                                  text: message.rendered(), body: body))
            }
        }
        _ = try await attempt {
            try await store.appendAudit(user: actor, action: "notices.send", target: "notices", details: Self.auditDetails(run), at: now)
        }
        guard let transport else { return run }
        for index in run.messages.indices {
            let text = run.messages[index].text ?? ""
            run.messages[index].text = nil
            run.messages[index].body = nil
            do {
                try await transport.deliver(text, to: [run.messages[index].address])
                run.messages[index].status = "sent"
                run.sent += 1
            } catch {
                run.messages[index].status = "failed"
                run.failures.append(NoticeFailure(recipient: run.messages[index].recipient, unit: run.messages[index].unit,
                                                  reason: String(describing: error)))
            }
        }
        _ = try await attempt {
            try await store.appendAudit(user: actor, action: "notices.sent", target: "notices", details: [
                "asOf": run.asOf, "messages": String(run.messages.count), "sent": String(run.sent), "failed": String(run.failures.count),
                "failedRecipients": run.failures.map(\.recipient).joined(separator: ","),
            ], at: clock.now)
        }
        return run
    }

    /// What the trail keeps of a run before anything leaves: names and counts, never an address
    /// or a title.
    private static func auditDetails(_ run: NoticeRun) -> [String: String] {
        [
            "asOf": run.asOf, "through": run.through, "days": String(run.days), "dryRun": String(run.dryRun),
            "messages": String(run.messages.count),
            "recipients": run.messages.map(\.recipient).joined(separator: ","),
            "withoutAddress": run.withoutAddress.map { gap in gap.detenteur.map { "\($0) (\(gap.unit))" } ?? "(\(gap.unit))" }
                .joined(separator: ","),
        ]
    }

    /// Everything the notices say, read once and sorted by unit.
    private func noticeFacts(asOf day: CivilDate, through: CivilDate) async throws(Refusal) -> NoticeFacts {
        let facts = NoticeFacts()
        try await attempt {
            try await store.forEachDueDocument(asOf: through, action: nil) { facts.add($0) }
        }
        facts.confidential = try await attempt { try await store.confidentialReferences() }
        // Only a list of one unit's documents waits for that unit's détenteur: one holding
        // several units' documents is approved by the records manager (`disposition approve`
        // refuses it to a détenteur), so no détenteur is asked for it.
        for list in try await attempt({ try await store.dispositionLists() }) where list.state == .proposed {
            let items = try await attempt { try await store.dispositionItems(of: list.number) }
            let byUnit = Dictionary(grouping: items, by: { Access.unitKey($0.holder) })
            guard byUnit.count == 1, let (key, unitItems) = byUnit.first else { continue }
            facts.add(UnitNotice.PendingList(list: list, unitItems: unitItems.count), unit: unitItems[0].holder, key: key)
        }
        for loan in try await attempt({ try await store.loans(includingReturned: false) }) where loan.isOverdue(on: day) {
            for unit in loan.holderUnits { facts.add(loan, unit: unit, key: Access.unitKey(unit)) }
        }
        return facts
    }
}

/// What each unit's notice says, gathered as the store hands it over.
private final class NoticeFacts: @unchecked Sendable { // filled by one read at a time, then read after them
    struct Unit {
        var name: String
        var due: [DueDocument] = []
        var lists: [UnitNotice.PendingList] = []
        var loans: [Loan] = []
    }

    var units: [String: Unit] = [:]
    var confidential: Set<String> = []

    func add(_ item: DueDocument) {
        units[Access.unitKey(item.holder), default: Unit(name: item.holder)].due.append(item)
    }

    func add(_ list: UnitNotice.PendingList, unit: String, key: String) {
        units[key, default: Unit(name: unit)].lists.append(list)
    }

    func add(_ loan: Loan, unit: String, key: String) {
        units[key, default: Unit(name: unit)].loans.append(loan)
    }

    func notice(_ key: String, asOf: CivilDate, days: Int, through: CivilDate) -> UnitNotice {
        let unit = units[key]!
        return UnitNotice(unit: unit.name, asOf: asOf, days: days, through: through, due: unit.due, confidential: confidential,
                          lists: unit.lists.sorted { $0.list.number < $1.list.number }, overdueLoans: unit.loans.sorted { $0.id < $1.id })
    }
}
