import SablierCore

/// A document's dates as counted: what a correction, a reclassification or a new calendar
/// version moves (`document correct`, `document reclassify`, `calendar impact`).
public struct RetentionDates: Sendable, Hashable, Codable {
    public var transferOn: String?
    public var finalOn: String?
    public var finalAction: String?
    /// The next date something falls due.
    public var dueOn: String?
    /// What the count waits for (a `waiting` code), when it cannot be dated.
    public var waiting: String?

    init(_ status: RetentionStatus) {
        transferOn = status.transferOn?.description
        finalOn = status.finalOn?.description
        finalAction = status.finalAction?.rawValue
        dueOn = status.dueOn?.description
        waiting = status.waiting?.code
    }
}
