import Foundation
import Hummingbird
import SablierServer
import SablierTestSupport
import Testing

/// docs/openapi.json describes exactly the router's routes.
@Suite("docs/openapi.json and the router agree")
struct OpenAPITests {
    static func document() throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("docs/openapi.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("every route is described, and every described operation is a route")
    func bothWays() async throws {
        let office = try await ServerOffice(register: false)
        let routes = Set(try office.router().routes.map { "\($0.method.rawValue) \($0.path.description.hasPrefix("/") ? "" : "/")\($0.path)" })
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var described: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                described.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(routes.count > 50)
        #expect(routes.subtracting(described).isEmpty, "routes without a description: \(routes.subtracting(described).sorted())")
        #expect(described.subtracting(routes).isEmpty, "described but not routed: \(described.subtracting(routes).sorted())")
    }

    @Test("every operation has a summary, an error response and, under /api/v1 but the session's, the permission its use case checks")
    func operationsAreDocumented() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: [String: Any]]])
        let permissions = Set(PermissionNames.all)
        for (path, operations) in paths {
            for (method, operation) in operations {
                #expect((operation["summary"] as? String)?.isEmpty == false, "\(method) \(path)")
                #expect((operation["responses"] as? [String: Any])?["default"] != nil, "\(method) \(path)")
                if path.hasPrefix("/api/v1/") && !path.hasPrefix("/api/v1/session") {
                    let permission = operation["x-permission"] as? String
                    #expect(permission.map(permissions.contains) == true, "\(method) \(path): \(permission ?? "none")")
                }
            }
        }
    }
}

/// The permissions of docs/PERMISSIONS.md, by name.
enum PermissionNames {
    static let all = ["users.manage", "users.read", "calendar.manage", "calendar.read", "documents.register", "documents.events",
                      "documents.read", "due.read", "holds.manage", "holds.read", "disposition.manage", "disposition.approve",
                      "disposition.read", "privacy.scan", "privacy.review", "audit.read", "integrity.check", "roots.manage", "incidents.report",
                      "incidents.manage", "reports.read", "loans.manage", "loans.read",
                      "documents.correct", "documents.reclassify", "notices.send"]
}
