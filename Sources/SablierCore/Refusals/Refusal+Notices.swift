/// Notices sent to each détenteur, and the e-mail addresses they go to.
extension Refusal.Code {
    /// An e-mail address Sablier will not store or write to (`address`): see `EmailAddress`.
    public static let invalidEmail = Self("notices.invalid-email", .invalidInput)
    /// The notices' horizon out of range (`value`, `maximum`): 0 to a year and more.
    public static let noticeDaysOutOfRange = Self("notices.days-out-of-range", .invalidInput)
    /// Over the API notices are only composed, never sent (`dryRun` false was asked).
    public static let noticesDryRunOnly = Self("notices.dry-run-only", .invalidInput)

    static let notices: [Self] = [invalidEmail, noticeDaysOutOfRange, noticesDryRunOnly]
}
