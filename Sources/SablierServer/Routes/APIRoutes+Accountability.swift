import Hummingbird
import SablierApplication
import SablierCore

/// Users and roles, the audit trail, integrity checks, incidents.
extension APIRoutes {
    struct UserForm: Decodable, Sendable { var name: String; var unit: String; var roles: [String] }
    struct IntegrityForm: Decodable, Sendable { var documents: [String]? }
    struct IncidentForm: Decodable, Sendable { var type: String; var description: String; var documents: [String]? }
    struct IncidentUpdateForm: Decodable, Sendable { var status: String; var note: String }

    func addAccountability(to api: RouterGroup<APIRequestContext>) {
        api.get("users") { request, context -> Response in
            try page(try await sablier.users(try context.session), request)
        }
        api.post("users") { request, context -> Response in
            let form = try await request.json(UserForm.self, context: context)
            var roles: Set<Role> = []
            for role in form.roles { roles.insert(try Role.parse(role, field: "roles")) }
            return try json(try await sablier.addUser(try context.session, name: form.name, unit: form.unit, roles: roles), status: .created)
        }
        api.post("users/:name/disable") { _, context -> Response in
            try json(try await sablier.setUserActive(try context.session, try context.parameters.text("name"), active: false))
        }
        api.post("users/:name/enable") { _, context -> Response in
            try json(try await sablier.setUserActive(try context.session, try context.parameters.text("name"), active: true))
        }
        api.put("users/:name/roles/:role") { _, context -> Response in
            let role = try Role.parse(try context.parameters.text("role"), field: "role")
            return try json(try await sablier.grantRole(try context.session, role, to: try context.parameters.text("name")))
        }
        api.delete("users/:name/roles/:role") { _, context -> Response in
            let role = try Role.parse(try context.parameters.text("role"), field: "role")
            return try json(try await sablier.revokeRole(try context.session, role, from: try context.parameters.text("name")))
        }
        api.get("audit/log") { request, context -> Response in
            let entries = try await sablier.auditLog(try context.session, since: try request.queryDate("since"),
                                                     user: request.query("user"), target: request.query("target"))
            return try page(entries, request)
        }
        api.get("audit/verification") { _, context -> Response in
            try json(try await sablier.verifyAudit(try context.session))
        }
        api.post("integrity/checks") { request, context -> Response in
            let form = try await request.json(IntegrityForm.self, context: context)
            // An action, not a list: the whole report, as `integrity check --format json` gives its entries.
            return try json(try await sablier.checkIntegrity(try context.session, references: form.documents))
        }
        // Listed only: a folder of the server's disk is added or removed at its command line.
        api.get("roots") { request, context -> Response in
            try page(try await sablier.fileRoots(try context.session), request)
        }
        api.get("incidents") { request, context -> Response in
            try page(try await sablier.incidents(try context.session), request)
        }
        api.post("incidents") { request, context -> Response in
            let form = try await request.json(IncidentForm.self, context: context)
            let kind = try Incident.Kind.parse(form.type, field: "type")
            return try json(try await sablier.reportIncident(try context.session, kind: kind, description: form.description,
                                                             documents: form.documents ?? []), status: .created)
        }
        api.patch("incidents/:id") { request, context -> Response in
            let form = try await request.json(IncidentUpdateForm.self, context: context)
            let status = try Incident.Status.parse(form.status, field: "status")
            return try json(try await sablier.updateIncident(try context.session, try context.parameters.number("id"),
                                                             status: status, note: form.note))
        }
    }
}
