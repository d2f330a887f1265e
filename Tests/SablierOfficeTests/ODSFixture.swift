import Foundation
import ZIPFoundation

/// OpenDocument files built in memory with ZIPFoundation, for the tests.
enum ODSFixture {
    static let spreadsheetType = "application/vnd.oasis.opendocument.spreadsheet"

    /// A zip of the entries, in order; `deflate` compresses every entry but `mimetype`.
    static func zip(_ entries: [(path: String, bytes: [UInt8])], deflate: Bool = true) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_447_436_520),
                compressionMethod: deflate && path != "mimetype" ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return Array(try require(archive.data))
    }

    /// An .ods whose `content.xml` is `content`, with a manifest.
    static func ods(content: [UInt8], mimetype: String = spreadsheetType, manifest: String = manifest) throws -> [UInt8] {
        try zip([
            ("mimetype", Array(mimetype.utf8)),
            ("META-INF/manifest.xml", Array(manifest.utf8)),
            ("content.xml", content),
        ])
    }

    static func ods(sheets: [String]) throws -> [UInt8] {
        try ods(content: Array(document(sheets: sheets).utf8))
    }

    /// One sheet of rows, each a list of cell XML snippets (see `cell`).
    static func ods(rows: [String]) throws -> [UInt8] {
        try ods(sheets: [sheet(rows: rows)])
    }

    static func sheet(name: String = "Feuille1", rows: [String]) -> String {
        "<table:table table:name=\"\(name)\"><table:table-column table:number-columns-repeated=\"1024\"/>"
            + rows.joined() + "</table:table>"
    }

    /// A row of cells (XML snippets), repeated `repeated` times.
    static func row(_ cells: [String], repeated: Int? = nil) -> String {
        let attribute = repeated.map { " table:number-rows-repeated=\"\($0)\"" } ?? ""
        return "<table:table-row\(attribute)>" + cells.joined() + "</table:table-row>"
    }

    /// A string cell of one paragraph per line of `text` (XML-escaped), repeated `repeated` times.
    static func cell(_ text: String, repeated: Int? = nil) -> String {
        let attribute = repeated.map { " table:number-columns-repeated=\"\($0)\"" } ?? ""
        guard !text.isEmpty else { return "<table:table-cell\(attribute)/>" }
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<text:p>\(escape(String($0)))</text:p>" }.joined()
        return "<table:table-cell office:value-type=\"string\"\(attribute)>\(paragraphs)</table:table-cell>"
    }

    static func cells(_ texts: [String]) -> [String] { texts.map { cell($0) } }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func document(sheets: [String], prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") -> String {
        prolog + """
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2">\
        <office:body><office:spreadsheet>\(sheets.joined())</office:spreadsheet></office:body></office:document-content>
        """
    }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
         <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """

    /// The ADMQ header of the Valcourt file.
    static let admqHeader = [
        "Nom_organisme", "regle", "recueil", "titre", "processus", "code_classification", "description",
        "type_document", "detenteur", "princ_support", "princ_support_rm", "princ_actif", "princ_actif_rem",
        "princ_sa", "princ_sa_rem", "princ_df", "princ_df_rem", "sec_actif", "sec_actif_rem", "sec_sa",
        "sec_df", "sec_support", "sec_support_rm", "remarques", "rem_juridique", "rem_generales",
    ]

    /// An ADMQ row for rule `number`, with `overrides` by column name.
    static func admqRule(_ number: String, _ overrides: [String: String] = [:]) -> [String] {
        let base: [String: String] = [
            "Nom_organisme": "Ville de Test", "regle": number, "recueil": "MUN-2009", "titre": "Titre \(number)",
            "princ_support": "PA, DM", "princ_support_rm": "R1", "princ_actif": "2", "princ_sa": "3", "princ_df": "D",
            "sec_actif": "1", "sec_sa": "0", "sec_df": "D", "sec_support": "PA, DM", "sec_support_rm": "R1",
            "remarques": "R1 : Disque réseau.", "detenteur": "Greffe",
        ]
        return admqHeader.map { overrides[$0] ?? base[$0] ?? "" }
    }

    /// Offsets, in a zip built by `zip`, of the central-directory record and local header of `path`.
    static func headers(of path: String, in bytes: [UInt8]) throws -> (central: Int, local: Int) {
        let name = Array(path.utf8)
        var offset = 0
        while offset + 46 <= bytes.count {
            if bytes[offset..<(offset + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                let length = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
                if bytes[(offset + 46)..<(offset + 46 + length)].elementsEqual(name) {
                    let local = Int(bytes[offset + 42]) | Int(bytes[offset + 43]) << 8 | Int(bytes[offset + 44]) << 16 | Int(bytes[offset + 45]) << 24
                    return (offset, local)
                }
            }
            offset += 1
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    static func patch32(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
        for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
    }

    static func read32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}

private struct MissingData: Error {}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingData() }
    return value
}
