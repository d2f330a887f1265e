import Foundation
import SablierCore
import SablierStore
import Testing

/// The row of a document being registered is written straight from the document
/// (`DocumentRow.write(id:…)`): read back as a stored row, it must give everything again.
@Suite("Document rows written from the document")
struct DocumentRowTests {
    /// Collects the values written, and reads them back in the same order.
    struct Values: StoreRowWriting, StoreRowReading {
        var values: [StoreValue] = []
        var position = 0

        mutating func integer(_ value: Int?) { values.append(value.map(StoreValue.integer) ?? .null) }
        mutating func text(_ value: String?) { values.append(value.map(StoreValue.text) ?? .null) }
        mutating func boolean(_ value: Bool?) { values.append(value.map(StoreValue.boolean) ?? .null) }
        mutating func bytes(_ value: [UInt8]?) { values.append(value.map(StoreValue.bytes) ?? .null) }

        mutating func next() -> StoreValue {
            defer { position += 1 }
            return values[position]
        }

        mutating func integer(_ column: String) throws -> Int? {
            if case .integer(let value) = next() { return value }
            return nil
        }

        mutating func text(_ column: String) throws -> String? {
            if case .text(let value) = next() { return value }
            return nil
        }

        mutating func boolean(_ column: String) throws -> Bool? {
            if case .boolean(let value) = next() { return value }
            return nil
        }

        mutating func bytes(_ column: String) throws -> [UInt8]? {
            if case .bytes(let value) = next() { return value }
            return nil
        }
    }

    @Test("every field, the registration, the phase, the hold and the count come back as written", arguments: [false, true])
    func roundTrip(full: Bool) throws {
        let instant = Date(timeIntervalSince1970: 1_795_000_000.25)
        var document = Document(reference: "RH-EMP-0042", title: "Dossier d'employé", rule: "2101", copy: .secondaire, holder: "RH",
                                support: .numerique)
        var status = RetentionStatus(calendarVersion: 3, waiting: .event("fin de l'emploi"))
        if full {
            document.openedOn = CivilDate(iso: "2015-02-01")
            document.closedOn = CivilDate(iso: "2019-08-15")
            document.identifiers = ["matricule": "0042", "ancien": "E-42"]
            document.file = DigitalFile(path: "/srv/rh/0042.pdf", sha256: String(repeating: "ab", count: 32), size: 1_234, format: "pdf")
            document.location = PhysicalLocation(building: "Siège", room: "B-12", shelving: "3")
            document.box = "B-2023-RH-01"
            document.digitizedFrom = "RH-EMP-0042-P"
            document.replaces = "RH-EMP-0041"
            status = RetentionStatus(calendarVersion: 3, transferOn: CivilDate(iso: "2022-06-30"), finalOn: CivilDate(iso: "2027-06-30"),
                                     finalAction: .destroy, dueOn: CivilDate(iso: "2022-06-30"))
        }
        var values = Values()
        DocumentRow.write(id: 17, document, registeredAt: instant, registeredBy: "gestion.doc", phase: .semiActif, held: full,
                          retention: status, to: &values)
        #expect(values.values.count == DocumentRow.table.columns.count)
        let row = try DocumentRow(reading: &values)
        #expect(row.id == 17)
        #expect(try row.document() == document)
        #expect(try row.retention() == status)
        #expect(row.phase == Phase.semiActif.rawValue && row.held == full && row.registeredBy == "gestion.doc")
        #expect(row.registeredAt == StoredCode.microseconds(instant))
    }
}
