/// Turns the remark that explains an open (888) period into a proposed event and offset, for
/// the records manager to confirm once per rule.
///
/// Calendars describe the event in prose ("Durée de l'emploi + 2 ans", "Jusqu'au départ de
/// l'employé", "Tant que la propriété existe"). The proposal names the event a document will
/// record ("fin de l'emploi", "départ de l'employé", "fin de la propriété") and the years added
/// after it. It is only a proposal: nothing is counted until a person confirms it.
public enum OpenPeriodProposal {
    public static func propose(fromRemark remark: String) -> OpenPeriodEvent {
        var text = remark.trimmingSpaces()
        while let last = text.last, last == "." || last == ";" { text.removeLast() }
        var offset = 0
        // "+ 2 ans", "plus 2 ans"
        if let plus = text.firstRange(of: "+") ?? text.firstRange(of: " plus ") {
            let tail = text[plus.upperBound...].trimmingSpaces()
            let digits = tail.prefix { $0.isNumber }
            if let years = Int(digits) {
                offset = years
                text = String(text[..<plus.lowerBound]).trimmingSpaces()
            }
        }
        let lower = text.lowercased()
        let rewrites: [(prefix: String, replacement: String)] = [
            ("durée de l'", "fin de l'"), ("durée de l’", "fin de l'"), ("durée de la ", "fin de la "),
            ("durée du ", "fin du "), ("durée des ", "fin des "), ("durée de ", "fin de "),
            ("jusqu'au ", ""), ("jusqu’au ", ""), ("jusqu'à la ", ""), ("jusqu’à la ", ""),
            ("jusqu'à l'", ""), ("jusqu’à l’", ""), ("jusqu'à ", ""), ("jusqu’à ", ""),
            ("jusqu'après ", ""), ("jusqu’après ", ""), ("tant que la ", "fin de la "), ("tant que le ", "fin du "),
            ("tant qu'en vigueur", "fin de la validité"), ("tant qu’en vigueur", "fin de la validité"),
        ]
        for rewrite in rewrites where lower.hasPrefix(rewrite.prefix) {
            var event = rewrite.replacement + String(text.dropFirst(rewrite.prefix.count))
            // "Tant que la propriété existe" → "fin de la propriété"
            for verb in [" existe", " est en vigueur", " dure"] where event.lowercased().hasSuffix(verb) {
                event = String(event.dropLast(verb.count))
            }
            return OpenPeriodEvent(event: event.trimmingSpaces(), offsetYears: offset)
        }
        return OpenPeriodEvent(event: text, offsetYears: offset)
    }
}
