import ArgumentParser
import Foundation
import SablierApplication
import SablierCore
import SablierMail

/// `sablier notify`: one message to each détenteur about their unit — what falls due in the
/// next days, the disposition lists awaiting their approval, their overdue loans — handed to
/// the system's sendmail. Meant to run nightly (docs/sablier-notify.service and .timer).
struct NotifyCommand: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Write to each détenteur what concerns their unit: due documents, lists to approve, overdue loans.",
        discussion: """
            One message in French per active détenteur whose unit has something to say: the \
            documents falling due within --days days of --as-of (already due ones included; \
            confidential titles masked as [confidentiel]), the proposed disposition lists holding \
            documents of the unit, and the overdue loans of its files. Messages go through the \
            sendmail interface (`sendmail -i -- ADDRESS`, message on standard input), so any mail \
            transfer agent delivers them. A détenteur without an e-mail address (`sablier user email`), \
            or a unit without a détenteur, is reported on standard error. Exit status 1 when a \
            message was not accepted by sendmail (the others are still sent). Environment: \
            $SABLIER_NOTICE_DAYS, $SABLIER_SENDMAIL, $SABLIER_MAIL_FROM, $SABLIER_SENDMAIL_TIMEOUT (seconds sendmail
            may take per message, 60 by default; once it is stopped after that long, the messages left are not
            handed to it, and are reported as not sent).
            """
    )

    @OptionGroup var asOf: AsOfOptions
    @Option(help: ArgumentHelp("How many days ahead to look (default: $SABLIER_NOTICE_DAYS, else 30).", valueName: "n"))
    var days: Int?
    @Flag(help: "Print the messages instead of sending them; nothing leaves Sablier.") var dryRun = false
    @Option(help: ArgumentHelp("The sendmail program (default: $SABLIER_SENDMAIL, else /usr/sbin/sendmail).", valueName: "path"))
    var sendmail: String?
    @Option(help: ArgumentHelp("The sender's address (default: $SABLIER_MAIL_FROM, else sablier@HOSTNAME).", valueName: "address"))
    var from: String?
    @Option(name: .customLong("format"), help: "Output: table (the messages of a dry run, for people; the default) or json.")
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    static let defaultDays = 30
    static let defaultSendmail = "/usr/sbin/sendmail"

    func validate() throws {
        if format == .csv { throw ValidationError("notify writes table or json, not csv.") }
        _ = try resolvedDays()
        // The default sender is only a guess from the host's name: say how to give one rather
        // than refuse `sablier@HOST` as an address without a domain.
        // A dry run sends nothing: it shows the messages with the guess, whatever it is.
        if !dryRun, from.nonBlank == nil, ProcessInfo.processInfo.environment["SABLIER_MAIL_FROM"].nonBlank == nil {
            let guess = HostSender.guess()
            if !EmailAddress.isAcceptable(guess) {
                throw ValidationError("This host's name gives no sender address (\(guess) has no domain): give --from ADDRESS or set $SABLIER_MAIL_FROM.")
            }
        }
    }

    /// `--days`, else `$SABLIER_NOTICE_DAYS`, else 30; the range is the use case's to check.
    func resolvedDays() throws -> Int {
        if let days { return days }
        guard let text = ProcessInfo.processInfo.environment["SABLIER_NOTICE_DAYS"], !text.isEmpty else { return Self.defaultDays }
        guard let value = Int(text) else { throw ValidationError("$SABLIER_NOTICE_DAYS must be a number of days, not '\(text)'.") }
        return value
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        let environment = ProcessInfo.processInfo.environment
        let program = sendmail.nonBlank ?? environment["SABLIER_SENDMAIL"].nonBlank ?? Self.defaultSendmail
        var sender = from.nonBlank ?? environment["SABLIER_MAIL_FROM"].nonBlank ?? HostSender.guess()
        if dryRun, !EmailAddress.isAcceptable(sender) {
            // The host's name has no domain: the preview says so rather than refuse to show anything.
            Console.error(actor.language == .fr
                ? "(\(sender) n'est pas une adresse d'expéditeur valable : l'essai montre les messages avec sablier@localhost.localdomain ; pour les envoyer, donnez --from ADRESSE ou $SABLIER_MAIL_FROM)"
                : "(\(sender) is no valid sender address: the dry run shows the messages from sablier@localhost.localdomain; to send them, give --from ADDRESS or $SABLIER_MAIL_FROM)")
            sender = "sablier@localhost.localdomain"
        }
        let timeout = Double(environment["SABLIER_SENDMAIL_TIMEOUT"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 60
        let transport: (any MailTransport)? = dryRun ? nil : SendmailTransport(sendmail: Sendmail(path: program, timeout: timeout))
        let run = try await sablier.sendNotices(session, asOf: asOf.asOf?.date, days: try resolvedDays(), from: sender, transport: transport)
        switch format {
        case .json:
            Console.out(try JSONOutput.render(run))
        default:
            // The preview as a person reads it; `--format json` gives the message as sent too.
            for (index, message) in run.messages.enumerated() {
                guard let body = message.body else { continue }
                let (to, subject) = actor.language == .fr ? ("À : ", "Objet : ") : ("To: ", "Subject: ")
                Console.out("----- \(index + 1)/\(run.messages.count) — \(message.recipient) (\(message.unit)) -----\n"
                            + "\(to)\(message.address)\n\(subject)\(message.subject)\n\n" + body)
            }
        }
        for gap in run.withoutAddress { Console.error(Self.describe(gap, actor.language)) }
        for failure in run.failures { Console.error(Self.describe(failure, actor.language)) }
        Console.error(Self.summary(run, actor.language))
        if !run.failures.isEmpty { throw ExitCode(1) }
    }

    /// Who will not hear of their unit, in the reader's language (`--lang`, French by default).
    static func describe(_ gap: NoticeGap, _ language: Language) -> String {
        switch language {
        case .fr:
            let what = "\(gap.due) échéance(s), \(gap.lists) liste(s), \(gap.overdueLoans) prêt(s) en retard"
            guard let detenteur = gap.detenteur else {
                return "unité « \(gap.unit) » : aucun détenteur actif — personne n'est avisé (\(what))"
            }
            return "unité « \(gap.unit) » : le détenteur \(detenteur) n'a pas d'adresse électronique — rien ne lui est envoyé (\(what)) ; "
                + "« sablier user email \(detenteur) ADRESSE »"
        case .en:
            let what = "\(gap.due) due document(s), \(gap.lists) list(s), \(gap.overdueLoans) overdue loan(s)"
            guard let detenteur = gap.detenteur else {
                return "unit '\(gap.unit)': no active détenteur — nobody is told (\(what))"
            }
            return "unit '\(gap.unit)': détenteur \(detenteur) has no e-mail address — nothing is sent to them (\(what)); "
                + "`sablier user email \(detenteur) ADDRESS`"
        }
    }

    /// A message sendmail did not accept, and what it said.
    static func describe(_ failure: NoticeFailure, _ language: Language) -> String {
        switch language {
        case .fr: "non envoyé à \(failure.recipient) (\(failure.unit)) : \(failure.reason)"
        case .en: "not sent to \(failure.recipient) (\(failure.unit)): \(failure.reason)"
        }
    }

    /// `avis du D au T (N jours) : M message(s) — S envoyé(s), F en échec ; W sans adresse`, or
    /// its English.
    static func summary(_ run: NoticeRun, _ language: Language) -> String {
        switch language {
        case .fr:
            "avis du \(run.asOf) au \(run.through) (\(run.days) jours) : \(run.messages.count) message(s) — "
                + (run.dryRun ? "essai, aucun envoyé" : "\(run.sent) envoyé(s), \(run.failures.count) en échec")
                + " ; \(run.withoutAddress.count) sans adresse"
        case .en:
            "notify on \(run.asOf) through \(run.through) (\(run.days) days): \(run.messages.count) message(s) — "
                + (run.dryRun ? "dry run, none sent" : "\(run.sent) sent, \(run.failures.count) failed")
                + "; \(run.withoutAddress.count) without address"
        }
    }
}

/// The sendmail adapter behind the application's `MailTransport`, run on a thread of its own:
/// its wait for sendmail blocks, which a task of the concurrency pool must not.
///
/// Once sendmail has been stopped after its timeout, the messages left are not handed to it:
/// a mail transfer agent that hangs once hangs for every message, and a nightly run over fifty
/// units would otherwise wait fifty times as long. Each message left is reported as not sent.
actor SendmailTransport: MailTransport {
    let sendmail: Sendmail
    private var hung: String?

    init(sendmail: Sendmail) { self.sendmail = sendmail }

    func deliver(_ message: String, to recipients: [String]) async throws {
        if let hung { throw Sendmail.Failure(description: hung) }
        let sendmail = self.sendmail
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                Thread.detachNewThread {
                    do {
                        try sendmail.deliver(message, to: recipients)
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        } catch let failure as Sendmail.Failure where failure.timedOut {
            hung = "not handed to \(sendmail.path): it did not answer within \(Int(sendmail.timeout)) s for an earlier message"
            throw failure
        }
    }
}
