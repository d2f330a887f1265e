import Foundation
import GRDB
import SablierStore

/// A GRDB row read through the backend-neutral `StoreRowReading`.
struct SQLiteRow: StoreRowReading {
    let row: Row

    func integer(_ column: String) throws -> Int? {
        switch try value(column).storage {
        case .null: return nil
        case .int64(let value): return Int(value)
        default: throw mismatch(column, expected: "an integer")
        }
    }

    func text(_ column: String) throws -> String? {
        switch try value(column).storage {
        case .null: return nil
        case .string(let value): return value
        default: throw mismatch(column, expected: "text")
        }
    }

    func boolean(_ column: String) throws -> Bool? {
        switch try value(column).storage {
        case .null: return nil
        case .int64(0): return false
        case .int64(1): return true
        default: throw mismatch(column, expected: "a boolean (0 or 1)")
        }
    }

    func bytes(_ column: String) throws -> [UInt8]? {
        switch try value(column).storage {
        case .null: return nil
        case .blob(let data): return [UInt8](data)
        default: throw mismatch(column, expected: "bytes")
        }
    }

    private func value(_ column: String) throws -> DatabaseValue {
        guard row.hasColumn(column) else { throw CorruptValue("column \(column) is missing") }
        return row[column]
    }

    private func mismatch(_ column: String, expected: String) -> CorruptValue {
        CorruptValue("column \(column) holds \((row[column] as DatabaseValue).description) where \(expected) is expected")
    }
}

extension StoreValue {
    /// The value as GRDB binds it: booleans as 0/1, bytes as a BLOB.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        case .boolean(let value): return value.databaseValue
        case .bytes(let value): return Data(value).databaseValue
        }
    }
}

extension StoredRow {
    var statementArguments: StatementArguments {
        StatementArguments(values.map(\.databaseValue))
    }
}
