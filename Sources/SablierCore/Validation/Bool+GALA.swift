/// GALA's yes/no flags (`DOCUMESSEN`, `DOCUMCONFI`, `GRILLECHAN`) are written `O` (oui) or `N` (non).
public enum YesNo {
    /// Reads `O`/`N` (also `Y`, `oui`, `non`, `true`, `false`, `1`, `0`); nil for blank or unknown.
    public static func parse(_ text: String?) -> Bool? {
        let trimmed = text.nonBlank
        if let trimmed, let byte = SingleASCII.lowercased(trimmed) {
            switch byte {
            case UInt8(ascii: "o"), UInt8(ascii: "y"), UInt8(ascii: "1"): return true
            case UInt8(ascii: "n"), UInt8(ascii: "0"): return false
            default: return nil
            }
        }
        switch trimmed?.lowercased() {
        case "o", "oui", "y", "yes", "true", "1": return true
        case "n", "non", "no", "false", "0": return false
        default: return nil
        }
    }

    public static func code(_ value: Bool) -> String { value ? "O" : "N" }
}
