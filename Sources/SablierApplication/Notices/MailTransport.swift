/// How a composed notice leaves Sablier: the seam between the use case, which decides what to
/// say and to whom, and the adapter that hands a message to the system (`Sendmail`, injected
/// by the command line). The application layer itself never starts a process.
public protocol MailTransport: Sendable {
    /// Hands `message` (RFC 5322 text, lines ending in a line feed) over for `recipients`;
    /// throws, with a sentence saying why, when it was not accepted.
    func deliver(_ message: String, to recipients: [String]) async throws
}
