public import SablierCore
import SablierStore

extension Sablier {
    /// Every rule of the calendar in force with what the calendar and the records manager say
    /// about its personal information; `flaggedOnly` keeps the rules that flag their documents.
    public func privacyRules(_ session: Session, flaggedOnly: Bool = false) async throws(Refusal) -> [PrivacyRuleEntry] {
        _ = try await authorize(session, .readCalendar, "privacy rules")
        let rules = try await attempt { try await store.rulePrivacy() }
        return rules.filter { !flaggedOnly || $0.flags }.map(PrivacyRuleEntry.init)
    }

    /// The records manager confirms or corrects whether a rule's documents hold personal
    /// information (a GALA calendar only says `documents confidentiels`); the confirmation
    /// replaces the calendar's word for that rule. Written with its audit entry; a refusal
    /// (no calendar, a rule not in force, a measure for a rule without personal information)
    /// changes nothing and is audited.
    public func confirmRulePrivacy(_ session: Session, rule: String, personalInformation: Bool,
                                   measure: PersonalInformationMeasure? = nil, note: String? = nil) async throws(Refusal) -> RulePrivacyConfirmation {
        let useCase = "privacy confirm-rule"
        _ = try await authorize(session, .manageCalendar, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["rule": rule]) {
            let rule = try Refusal.requireText(rule, "rule")
            return try await store.confirmRulePrivacy(rule: rule, personalInformation: personalInformation, measure: measure, note: note,
                                                      by: session.user.name, at: clock.now)
        }
    }
}
