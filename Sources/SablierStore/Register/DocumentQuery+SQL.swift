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
                // Case and accents folded on both sides, the same on every backend (`SQLDialect.folded`).
                parts.append("\(dialect.folded(column)) LIKE \(parameter) ESCAPE '\\'")
                arguments.append("%" + Self.escapeLike(SQLDialect.folded(term.value)) + "%")
            case "^=":
                parts.append("\(dialect.folded(column)) LIKE \(parameter) ESCAPE '\\'")
                arguments.append(Self.escapeLike(SQLDialect.folded(term.value)) + "%")
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
