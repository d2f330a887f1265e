/// Accountability statements both backends run as written (`?` markers: the PostgreSQL store
/// numbers them).
public enum AccountabilityQueries {
    /// Opens incident (type p1, description p2, at p3, by p4) and returns its id, which the
    /// database assigns (`StoreSchema.identityTables`).
    public static let insertIncident = """
        INSERT INTO incident (type, status, description, reported_at, reported_by) VALUES (?, 'ouvert', ?, ?, ?) RETURNING id
        """

    /// Names document p2 in incident p1.
    public static let insertIncidentDocument = "INSERT INTO incident_document (incident, reference) VALUES (?, ?)"

    /// Stores a new token (secret hash p1, user p2, name p3, at p4, by p5, expiring after p6)
    /// and returns its id, which the database assigns. A new token is never revoked.
    public static let insertToken = """
        INSERT INTO api_token (secret_hash, user_name, name, created_at, created_by, expires_on) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
        """
}
