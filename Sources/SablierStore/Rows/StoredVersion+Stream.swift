import SablierCore

extension StoredVersion {
    /// Refuses a version `finish()` gave for another file than the one streamed: what a store
    /// keeps as the version's provenance (its SHA-256, its bytes) must be the file read.
    /// Throws `StoreError.invalidVersion`.
    public static func checkFinished(_ version: NewCalendarVersion, streamed stream: any CalendarVersionStream) throws {
        guard version.sourceSHA256 == stream.sourceSHA256 else {
            throw StoreError.invalidVersion("the version finished for \(version.sourceFile) is not of the file streamed")
        }
    }
}
