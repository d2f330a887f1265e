import Hummingbird
import SablierApplication
import SablierCore

/// The register's reports: `GET /api/v1/reports/disposition?year=2025-2026[&unit=U]`,
/// `GET /api/v1/reports/volumes[?unit=U]`, `GET /api/v1/reports/access[?inactiveDays=N]`: the
/// same JSON as `sablier report … --format json`.
extension APIRoutes {
    func addReports(to api: RouterGroup<APIRequestContext>) {
        api.get("reports/disposition") { request, context -> Response in
            try json(try await sablier.dispositionReport(try context.session, year: request.query("year") ?? "", unit: request.query("unit")))
        }
        api.get("reports/volumes") { request, context -> Response in
            try json(try await sablier.volumeReport(try context.session, unit: request.query("unit")))
        }
        api.get("reports/access") { request, context -> Response in
            try json(try await sablier.accessReport(try context.session, inactiveDays: try request.queryInt("inactiveDays")))
        }
    }
}
