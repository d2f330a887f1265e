/// The register's reports: dispositions of a year, volumes, access rights.
extension Refusal.Code {
    static let reports: [Self] = []
}
