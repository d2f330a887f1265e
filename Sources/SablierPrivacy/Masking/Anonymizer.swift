/// An anonymized copy of a text (Access Act, s. 73): every finding that identifies or reaches a
/// person replaced by its type in brackets (`[NAS]`, `[nom]`, `[téléphone]`). Health terms stay:
/// once nobody can be identified they are no longer about someone.
public enum Anonymizer {
    /// `text` with the findings' scalar ranges replaced; findings may come in any order and
    /// overlap (the union is replaced).
    public static func anonymize(_ text: String, findings: [Finding]) -> String {
        let scalars = Array(text.unicodeScalars)
        let ranges = findings.filter { $0.type != .health }
            .map { (range: max(0, $0.start)..<min(scalars.count, $0.end), type: $0.type) }
            .filter { !$0.range.isEmpty }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out = String.UnicodeScalarView()
        var index = 0
        for (range, type) in ranges {
            if range.lowerBound < index {
                index = max(index, range.upperBound)
                continue
            }
            out.append(contentsOf: scalars[index..<range.lowerBound])
            out.append(contentsOf: "[\(type.label)]".unicodeScalars)
            index = range.upperBound
        }
        if index < scalars.count { out.append(contentsOf: scalars[index...]) }
        return String(out)
    }
}
