import Foundation
import SablierCore
import SablierTestSupport
import Testing

/// The permission matrix written in docs/PERMISSIONS.md is the one the code enforces, cell by cell.
@Suite("Permission matrix: docs/PERMISSIONS.md and the code agree, cell by cell")
struct PermissionMatrixTests {
    /// The documented cells: permission → role → "all" | "unit" | "-".
    static func documented() throws -> [String: [String: String]] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/PERMISSIONS.md"), encoding: .utf8)
        var header: [String] = []
        var cells: [String: [String: String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let columns = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
            if columns.first == "Permission" { header = columns; continue }
            guard !header.isEmpty, !(columns.first ?? "").hasPrefix("---") else { continue }
            var row: [String: String] = [:]
            for (index, role) in header.enumerated() where index > 0 && Role(rawValue: role) != nil {
                row[role] = columns[index]
            }
            cells[columns[0]] = row
        }
        return cells
    }

    @Test("every permission and every role has a documented cell")
    func complete() throws {
        let cells = try Self.documented()
        #expect(Set(cells.keys) == Set(Permission.allCases.map(\.rawValue)))
        for (permission, row) in cells {
            #expect(Set(row.keys) == Set(Role.allCases.map(\.rawValue)), "\(permission)")
        }
    }

    @Test("each cell: the documented scope is the one Access.decide grants", arguments: Permission.allCases)
    func cell(_ permission: Permission) throws {
        let row = try #require(try Self.documented()[permission.rawValue])
        for role in Role.allCases {
            let user = User(name: "u", unit: "Ressources humaines", roles: [role])
            let documented = row[role.rawValue]
            switch Access.decide(user, name: "u", permission: permission) {
            case .success(let access):
                #expect(documented == access.scope.rawValue, "\(permission.rawValue) × \(role.rawValue)")
            case .failure(let refusal):
                #expect(documented == "-", "\(permission.rawValue) × \(role.rawValue)")
                #expect(refusal.code == .missingPermission && refusal.values["permission"] == permission.rawValue)
            }
        }
    }

    @Test("unknown and disabled users are refused whatever their roles; unit scope reaches only the user's unit")
    func usersAndUnits() {
        #expect(throws: Refusal(.unknownUser, ["user": "bob"])) { try Access.decide(nil, name: "bob", permission: .readCalendar).get() }
        let disabled = User(name: "eve", unit: "RH", roles: Set(Role.allCases), active: false)
        #expect(throws: Refusal(.disabledUser, ["user": "eve"])) { try Access.decide(disabled, name: "eve", permission: .readCalendar).get() }
        let agent = User(name: "rh.agent", unit: "Ressources humaines", roles: [.utilisateur])
        let access = try? Access.decide(agent, name: "rh.agent", permission: .readDocuments).get()
        #expect(access?.scope == .ownUnit)
        #expect(access?.reaches(holder: " ressources HUMAINES ") == true)
        #expect(access?.reaches(holder: "Secrétariat général") == false)
        // Confidential: the holder unit and the AIPRP officer only, even for a role over all documents.
        let manager = User(name: "gd", unit: "Secrétariat général", roles: [.gestionDocumentaire])
        let wide = try? Access.decide(manager, name: "gd", permission: .readDocuments).get()
        #expect(wide?.reaches(holder: "Ressources humaines") == true)
        #expect(wide?.reaches(holder: "Ressources humaines", confidential: true) == false)
        let officer = User(name: "p", unit: "Secrétariat général", roles: [.aiprp])
        #expect((try? Access.decide(officer, name: "p", permission: .readDocuments).get())?.reaches(holder: "Ressources humaines", confidential: true) == true)
        // The widest of several roles wins.
        let both = User(name: "b", unit: "RH", roles: [.utilisateur, .verificateur])
        #expect((try? Access.decide(both, name: "b", permission: .readDocuments).get())?.scope == .all)
    }
}
