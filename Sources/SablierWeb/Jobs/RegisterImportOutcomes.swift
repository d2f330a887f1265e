import Foundation
import SablierApplication
import Synchronization

/// The outcomes of register imports run as jobs, kept an hour for the person who ran each
/// one: a job's page says only that it ended, and the rejected lines and warnings of a large
/// file would otherwise be lost. Like the jobs themselves, they live in memory only.
final class RegisterImportOutcomes: Sendable {
    struct Kept: Sendable {
        let owner: String
        let imported: DocumentImport
        let skip: Bool
        let kept: Date
    }

    static let keptFor: TimeInterval = 3600
    private let outcomes = Mutex<[String: Kept]>([:])

    /// Keeps `imported` for `owner` and gives the id of its page; drops those older than an hour.
    func keep(_ imported: DocumentImport, skip: Bool, owner: String, now: Date) -> String {
        let id = UUID().uuidString.lowercased()
        outcomes.withLock { outcomes in
            outcomes = outcomes.filter { now.timeIntervalSince($0.value.kept) < Self.keptFor }
            outcomes[id] = Kept(owner: owner, imported: imported, skip: skip, kept: now)
        }
        return id
    }

    /// The outcome `id` if `owner` ran it and it is still kept.
    func outcome(_ id: String, owner: String, now: Date) -> Kept? {
        outcomes.withLock { outcomes in
            outcomes[id].flatMap { $0.owner == owner && now.timeIntervalSince($0.kept) < Self.keptFor ? $0 : nil }
        }
    }
}
