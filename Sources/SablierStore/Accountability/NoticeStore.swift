/// What the application needs to tell each détenteur what concerns their unit: the users'
/// e-mail addresses.
public protocol NoticeStore: Sendable {}
