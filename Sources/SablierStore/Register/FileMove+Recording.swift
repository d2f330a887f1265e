public import SablierCore

extension FileMove {
    /// Refuses the move unless `row`, the document as the transaction reads it, is still what
    /// the measure relied on: registered, still kept (a document destroyed or deposited
    /// meanwhile has no file to point at), and recorded with the path and SHA-256 measured
    /// against. The document's row when the move may go ahead.
    public func check(_ row: DocumentRow?) throws(Refusal) -> DocumentRow {
        guard let row else { throw Refusal(.documentNotFound, ["reference": reference]) }
        if let phase = Phase(rawValue: row.phase), phase.isInactive {
            throw Refusal(.relinkDisposed, ["reference": reference, "phase": phase.rawValue])
        }
        // Measured against a path and a SHA-256 that must still be the ones recorded.
        guard row.filePath == from, row.fileSHA256 == sha256 else {
            throw Refusal(.relinkChangedMeanwhile, ["reference": reference, "path": from, "found": row.filePath ?? "—"])
        }
        return row
    }

    /// The `relinked` event appended to the document: its old and new path as detail.
    public func event(reason: String?, by actor: String, on day: CivilDate) -> LifecycleEvent {
        LifecycleEvent(kind: .relinked, on: day, by: actor, reason: reason, detail: ValueChange(from: from, to: to).json)
    }
}

extension BatchAudit {
    /// The relink's audit entry: the caller's, with the incidents the store closed, in order.
    public func closing(_ relinked: [Relinked]) -> BatchAudit {
        var audit = self
        audit.details["incidents"] = relinked.flatMap(\.closedIncidents).sorted().map(String.init).joined(separator: ",")
        return audit
    }
}
