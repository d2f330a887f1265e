// Dates of birth, only where the text says so: after `date de naissance`, `né le`, `née le`,
// `né(e) le`, `DOB`, `date of birth`, `born`… A date alone is a meeting, a resolution or a
// school year, never reported.
//
// Dates read: `2014-03-20`, `2014/03/20`, `20/03/2014`, `03/20/2014`, `20-03-2014`,
// `20 mars 2014`, `1er avril 2010`, `March 20, 2014`, `20 March 2014`.

extension Detection {
    static let birthKeywords: [Keyword] = [
        "date de naissance", "date naissance", "naissance", "date of birth", "birth date", "birthdate", "born on", "=born",
        "=dob", "=d.o.b", "=ddn", "date naiss", "=naiss.",
    ].map { Keyword($0, .birth) }

    /// `né le`, `née le`, `né(e) le` (with their accent: `ne le` is a common phrase).
    mutating func bornOn(at index: Int) -> Int? {
        guard index + 4 < limit, text[index] | 0x20 == 0x6E, text[index + 1] == 0xC3,
              text[index + 2] == 0xA9 || text[index + 2] == 0x89 else { return nil }
        var position = index + 3
        if position < limit, text[position] | 0x20 == 0x65 {
            position += 1
        } else if position + 2 < limit, text[position] == 0x28, text[position + 1] | 0x20 == 0x65, text[position + 2] == 0x29 {
            position += 3
        }
        let space = text.spaceLength(at: position)
        guard space > 0 else { return nil }
        position += space
        guard position + 2 < limit, text[position] | 0x20 == 0x6C, text[position + 1] | 0x20 == 0x65, !text.isAlnum(at: position + 2) else {
            return nil
        }
        return birthDate(after: position + 2, keyword: "né le", labelStart: index)
    }

    /// The first date within 45 bytes after a birth label, on the same line.
    mutating func birthDate(after index: Int, keyword: String, labelStart: Int) -> Int? {
        let stop = min(limit, index + 45)
        var position = index
        while position < stop, text[position] != 0x0A {
            let starts = isDigit(text[position]) ? !(position > 0 && isDigit(text[position - 1])) : (text.letterLength(at: position) > 0 && !text.isLetter(before: position))
            if starts, let end = date(at: position) {
                add(.birthDate, position..<end, confidence: 90, "date after « \(keyword) »")
                return end
            }
            position += 1
        }
        return nil
    }

    /// The end of a date starting at `index`, or nil.
    func date(at index: Int) -> Int? {
        if isDigit(text[index]) { return numericDate(at: index) ?? dayMonthYear(at: index) }
        return monthDayYear(at: index)
    }

    /// Reads up to `maxDigits` digits; returns the value and where it ends.
    private func integer(at index: Int, maxDigits: Int) -> (value: Int, end: Int, digits: Int)? {
        var position = index
        var value = 0
        while position < limit, isDigit(text[position]), position - index < maxDigits {
            value = value * 10 + Int(text[position] - 0x30)
            position += 1
        }
        guard position > index, !(position < limit && isDigit(text[position])) else { return nil }
        return (value, position, position - index)
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `DD/MM/YYYY`, `MM/DD/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`.
    private func numericDate(at index: Int) -> Int? {
        guard let first = integer(at: index, maxDigits: 4), first.end < limit else { return nil }
        let separator = text[first.end]
        guard separator == 0x2D || separator == 0x2F || separator == 0x2E,
              let second = integer(at: first.end + 1, maxDigits: 2), second.end < limit, text[second.end] == separator,
              let third = integer(at: second.end + 1, maxDigits: 4), !text.isAlnum(at: third.end) else { return nil }
        if first.digits == 4, third.digits <= 2 {
            return DateCheck.isPlausible(year: first.value, month: second.value, day: third.value) ? third.end : nil
        }
        guard first.digits <= 2, third.digits == 4 else { return nil }
        let dayFirst = DateCheck.isPlausible(year: third.value, month: second.value, day: first.value)
        let monthFirst = DateCheck.isPlausible(year: third.value, month: first.value, day: second.value)
        return dayFirst || monthFirst ? third.end : nil
    }

    /// `20 mars 2014`, `1er avril 2010`, `8 November 1979`, `20 March, 2014`.
    private func dayMonthYear(at index: Int) -> Int? {
        guard let day = integer(at: index, maxDigits: 2) else { return nil }
        var position = day.end
        if position + 1 < limit, text[position] | 0x20 == 0x65, text[position + 1] | 0x20 == 0x72 { position += 2 }
        let space = text.spaceLength(at: position)
        guard space > 0, let month = monthName(at: position + space) else { return nil }
        position = month.end
        if position < limit, text[position] == 0x2C { position += 1 }
        position = text.skipSpaces(from: position, limit: limit)
        guard position < limit, let year = integer(at: position, maxDigits: 4), year.digits == 4,
              DateCheck.isPlausible(year: year.value, month: month.month, day: day.value) else { return nil }
        return year.end
    }

    /// `March 20, 2014`, `November 8 1979`.
    private func monthDayYear(at index: Int) -> Int? {
        guard let month = monthName(at: index) else { return nil }
        var position = text.skipSpaces(from: month.end, limit: limit)
        guard position < limit, let day = integer(at: position, maxDigits: 2) else { return nil }
        position = day.end
        if position + 1 < limit, [0x73, 0x6E, 0x72, 0x74].contains(text[position] | 0x20) { position += 2 } // 20th, 1st, 2nd, 3rd
        if position < limit, text[position] == 0x2C { position += 1 }
        position = text.skipSpaces(from: position, limit: limit)
        guard position < limit, let year = integer(at: position, maxDigits: 4), year.digits == 4,
              DateCheck.isPlausible(year: year.value, month: month.month, day: day.value) else { return nil }
        return year.end
    }

    static let months: [(name: String, month: Int)] = [
        ("janvier", 1), ("january", 1), ("janv", 1), ("jan", 1), ("fevrier", 2), ("february", 2), ("fevr", 2), ("fev", 2), ("feb", 2),
        ("mars", 3), ("march", 3), ("mar", 3), ("avril", 4), ("april", 4), ("avr", 4), ("apr", 4), ("mai", 5), ("may", 5),
        ("juin", 6), ("june", 6), ("jun", 6), ("juillet", 7), ("july", 7), ("juil", 7), ("jul", 7), ("aout", 8), ("august", 8),
        ("aug", 8), ("septembre", 9), ("september", 9), ("sept", 9), ("sep", 9), ("octobre", 10), ("october", 10), ("oct", 10),
        ("novembre", 11), ("november", 11), ("nov", 11), ("decembre", 12), ("december", 12), ("dec", 12),
    ]

    /// A month's name (French or English, full or abbreviated with an optional `.`) at `index`.
    func monthName(at index: Int) -> (month: Int, end: Int)? {
        for (name, month) in Self.months {
            var position = index
            var matched = true
            for expected in name.utf8 {
                guard position < limit else { matched = false; break }
                let found = text.folded(at: position)
                guard found.byte == expected else { matched = false; break }
                position += found.length
            }
            guard matched else { continue }
            if position < limit, text[position] == 0x2E { position += 1 }
            guard !text.isAlnum(at: position) else { continue }
            return (month, position)
        }
        return nil
    }
}
