public import Foundation

/// One shared privacy scan of the register (`privacy scan --all --worker`): the documents with a
/// file, not destroyed, when it started, which any number of workers claim in batches.
public struct PrivacyScanRun: Sendable, Hashable {
    public var id: Int
    public var startedAt: Date
    public var startedBy: String
    /// Whether contents already scanned by the same detectors are read again (`--force`); in a
    /// forced run a content is still read once: a worker that meets a content scanned since the
    /// run started takes that scan.
    public var forced: Bool
    /// When every document of the run was done; nil while it is open.
    public var finishedAt: Date?

    public init(id: Int, startedAt: Date, startedBy: String, forced: Bool, finishedAt: Date? = nil) {
        self.id = id
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.forced = forced
        self.finishedAt = finishedAt
    }
}

/// Where a shared scan stands at one instant.
public struct PrivacyScanRunProgress: Sendable, Hashable {
    /// The documents of the run.
    public var total: Int
    /// Those scanned (or found without a file) and marked done.
    public var done: Int
    /// Those claimed by a worker whose claim has not expired.
    public var claimed: Int

    public init(total: Int, done: Int, claimed: Int) {
        self.total = total
        self.done = done
        self.claimed = claimed
    }

    /// Neither done nor held: what a worker may still claim.
    public var free: Int { total - done - claimed }
}

/// The statements of the shared scan, the same text on both backends but for the claim, which
/// PostgreSQL makes with `FOR UPDATE SKIP LOCKED` (workers claim at once, each skipping the rows
/// another is claiming) and SQLite without (one writer at a time: a claim is exclusive by itself).
public enum PrivacyScanRunQueries {
    /// The columns a run is read from, in the order `run` takes them.
    public static let runColumns = "id, started_at, started_by, forced, finished_at"

    /// A stored run.
    public static func run(id: Int, startedAt: Int, startedBy: String, forced: Bool, finishedAt: Int?) -> PrivacyScanRun {
        PrivacyScanRun(id: id, startedAt: StoredCode.date(microseconds: startedAt), startedBy: startedBy, forced: forced,
                       finishedAt: finishedAt.map { StoredCode.date(microseconds: $0) })
    }

    /// The open run, the latest.
    public static let openRun = "SELECT \(runColumns) FROM privacy_scan_run WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"

    /// One row per document of a new run (one parameter: the run): every document with a file
    /// that is not destroyed.
    public static let planRun = """
        INSERT INTO privacy_scan_claim (run, document)
        SELECT ?, id FROM document WHERE file_path IS NOT NULL AND phase <> 'inactif-detruit'
        """

    /// Claims documents: parameters worker, claimed_until, run, run, now, then the ids excluded
    /// (`excluded` markers, none when empty), then the limit. Returns the ids claimed.
    public static func claim(excluded: Int, skipLocked: Bool) -> String {
        let exclusion = excluded == 0 ? "" : " AND document NOT IN (\(Array(repeating: "?", count: excluded).joined(separator: ", ")))"
        return """
            UPDATE privacy_scan_claim SET worker = ?, claimed_until = ?
            WHERE run = ? AND document IN (
                SELECT document FROM privacy_scan_claim
                WHERE run = ? AND done_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)\(exclusion)
                ORDER BY document LIMIT ?\(skipLocked ? " FOR UPDATE SKIP LOCKED" : ""))
            RETURNING document
            """
    }

    /// Extends a worker's claims not done: claimed_until, run, worker. Returns the ids it holds.
    public static let renew = """
        UPDATE privacy_scan_claim SET claimed_until = ? WHERE run = ? AND worker = ? AND done_at IS NULL RETURNING document
        """

    /// Marks a document done if the worker holds it: done_at, run, document, worker.
    public static let complete = """
        UPDATE privacy_scan_claim SET done_at = ? WHERE run = ? AND document = ? AND worker = ? AND done_at IS NULL RETURNING document
        """

    /// Gives a claim back: run, document, worker.
    public static let release = """
        UPDATE privacy_scan_claim SET worker = NULL, claimed_until = NULL WHERE run = ? AND document = ? AND worker = ? AND done_at IS NULL
        """

    /// Counts of a run: now, run.
    public static let progress = """
        SELECT COUNT(*), COUNT(done_at), COUNT(CASE WHEN done_at IS NULL AND claimed_until >= ? THEN 1 END)
        FROM privacy_scan_claim WHERE run = ?
        """

    /// Finishes a run whose documents are all done: finished_at, run, run. Returns the run's id.
    public static let finish = """
        UPDATE privacy_scan_run SET finished_at = ?
        WHERE id = ? AND finished_at IS NULL AND NOT EXISTS (SELECT 1 FROM privacy_scan_claim WHERE run = ? AND done_at IS NULL)
        RETURNING id
        """

    /// The audit target of a run: `scan run N`.
    public static func auditTarget(_ run: Int) -> String {
        "scan run \(run)"
    }
}
