public import Foundation
public import SablierCore

/// What the application needs to point documents at their moved files (relink) and to record
/// the events of a whole cohort at once: one transaction each, audited as one entry.
///
/// The files are measured before (`SablierRegister`'s `Relinking`): a transaction never waits
/// on a disk. Inside it, the store checks again what the measure relied on (the document still
/// live, its file still the one measured against), so that a change made meanwhile refuses the
/// whole batch rather than half of it.
public protocol RelinkStore: RegisterStore {
    /// Points each document at its new path, appends a `relinked` event (detail
    /// `{"from":…,"to":…}`), closes every open integrity incident of that document whose finding
    /// is `missing` (the file is found again), and appends ONE audit entry, `audit`, to which the
    /// store adds the incidents it closed. All of them or none: a document destroyed meanwhile
    /// (`document.destroyed`), or whose recorded file is no longer the one measured
    /// (`relink.changed-meanwhile`), refuses the batch.
    func relink(_ moves: [FileMove], reason: String?, audit: BatchAudit, by actor: String, at instant: Date) async throws -> [Relinked]

    /// Appends every event and recounts each document, in ONE transaction with ONE audit entry,
    /// `audit`. The same rule as `appendEvent` (`LifecycleEvent.checkRecordable`, today being the
    /// day of `instant`): a kind only the register writes, a document destroyed or deposited, an
    /// event after today or already recorded, or a reference not registered refuses the whole cohort.
    func appendEvents(_ events: [CohortEvent], audit: BatchAudit, by actor: String, at instant: Date) async throws -> [RecordedEvent]

    /// The events recorded on each registered document of `references`, in their order, read
    /// together: what a cohort's events are checked against before anything is written.
    func recordedEvents(of references: [String]) async throws -> [String: [LifecycleEvent]]

    /// The documents of `references` that are registered, read together (a cohort's file names
    /// thousands: one read each would cost more than writing them).
    func documents(_ references: [String]) async throws -> [RegisteredDocument]

    /// Opens an integrity incident on one document, keeping what the check found (`finding`),
    /// so that a relink later closes the `missing` ones it answers. When an incident of that
    /// document with the same finding is still open, no other is opened: that one is returned.
    func reportIntegrityIncident(_ finding: IntegrityFinding, description: String, reference: String, by actor: String,
                                 at instant: Date) async throws -> Incident
}

/// A document's file found at a new path: the path recorded and the SHA-256 it was measured
/// against, so that the store can refuse when either changed meanwhile.
public struct FileMove: Sendable, Hashable, Codable {
    public var reference: String
    /// The path recorded when the file was measured.
    public var from: String
    /// The new path, resolved.
    public var to: String
    /// The SHA-256 recorded, which the file at `to` was found to have.
    public var sha256: String

    public init(reference: String, from: String, to: String, sha256: String) {
        self.reference = reference
        self.from = from
        self.to = to
        self.sha256 = sha256
    }
}

/// One document relinked: its old and new path and the incidents the relink closed.
public struct Relinked: Sendable, Hashable, Codable {
    public var reference: String
    public var from: String
    public var to: String
    public var closedIncidents: [Int]

    public init(reference: String, from: String, to: String, closedIncidents: [Int]) {
        self.reference = reference
        self.from = from
        self.to = to
        self.closedIncidents = closedIncidents
    }
}

/// One event of a cohort, for one document.
public struct CohortEvent: Sendable, Hashable {
    public var reference: String
    public var event: LifecycleEvent

    public init(reference: String, event: LifecycleEvent) {
        self.reference = reference
        self.event = event
    }
}

/// The one audit entry a batch writes: what it did, to what, with which details.
public struct BatchAudit: Sendable, Hashable {
    public var action: String
    public var target: String
    public var details: [String: String]

    public init(action: String, target: String, details: [String: String]) {
        self.action = action
        self.target = target
        self.details = details
    }
}

/// What the integrity check found on a registered file, kept on the incident it opens
/// (`incident.finding`).
public enum IntegrityFinding: String, Sendable, Hashable, Codable, CaseIterable {
    /// No file at its path.
    case missing
    /// Its SHA-256 is not the one recorded.
    case changed
    /// It cannot be read.
    case unreadable
    /// The register may not read it (outside the roots, not a regular file).
    case refused
}
