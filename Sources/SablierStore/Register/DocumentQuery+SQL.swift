public import SablierCore

extension DocumentQuery {
    /// The WHERE condition over table `document` and its arguments, parameters numbered from `first`.
    public func sql(_ dialect: SQLDialect, firstParameter first: Int = 1) -> (condition: String, arguments: [String]) {
        var parts: [String] = []
        var arguments: [String] = []
        for term in terms {
            let parameter = dialect.parameter(first + arguments.count)
            let column = Self.dateFields[term.field] ?? term.field
            switch term.op {
            case "~":
                parts.append("LOWER(\(column)) LIKE \(parameter) ESCAPE '\\'")
                arguments.append("%" + Self.escapeLike(term.value.lowercased()) + "%")
            case "^=":
                // Both sides lowered: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
                parts.append("LOWER(\(column)) LIKE LOWER(\(parameter)) ESCAPE '\\'")
                arguments.append(Self.escapeLike(term.value) + "%")
            case "=" where term.field == "copy":
                parts.append("\(column) = \(parameter)")
                arguments.append(CopyKind(code: term.value)?.rawValue ?? term.value)
            case "=" where term.field == "support":
                parts.append("\(column) = \(parameter)")
                arguments.append(Support(code: term.value).code)
            default:
                parts.append("\(column) \(term.op) \(parameter)")
                arguments.append(term.value)
            }
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    static func escapeLike(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
