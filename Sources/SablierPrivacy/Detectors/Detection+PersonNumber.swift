// A person's number in the organisation, where a label says so, typed by whose it is so that
// the review queue says which: a student's (numéro de fiche, numéro d'élève, student number/ID)
// or an employee's (matricule, numéro d'employé, employee number/ID). Four to ten digits.
//
// `matricule` alone is an employee's: in a school service centre's files a student has a
// `fiche` or a code permanent, and the payroll and HR files say `matricule`.
//
// Three shapes: the number after its label (`Matricule : 302219`, `Student ID 2104458`); after
// its label and a comma, in a sentence (`Your employee number, 226614, …`: five digits at least,
// so that `matricule, 2025` is no number); and a table column (`Élève⇥Fiche⇥Autobus`, then one
// row a line), where the label is a header cell of its own and each row's cell in that column
// holding only four to ten digits is the number. Extraction writes a table's rows as lines and
// its cells separated by tabs (HTML, CSV, RTF, office documents); the header is remembered for
// the rows below it only while each line is a row (holds a tab) or blank, and no further than
// `NumberColumn.reach` bytes past the last row read.

extension Detection {
    static let employeeNumberKeywords: [Keyword] = [
        "matricule", "numero d'employe", "numero de l'employe", "no d'employe", "no employe", "numero employe", "employee number",
        "employee no", "employee id", "employee #", "matricule de l'employe", "matricule d'employe",
    ].map { Keyword($0, .personNumber(.employeeNumber)) }
    static let studentNumberKeywords: [Keyword] = [
        "numero de fiche", "no de fiche", "=fiche", "numero de l'eleve", "numero d'eleve", "no d'eleve", "no eleve", "student number",
        "student no", "student id", "student #", "numero de dossier de l'eleve", "matricule de l'eleve", "matricule d'eleve",
    ].map { Keyword($0, .personNumber(.studentNumber)) }
    static let personNumberKeywords = employeeNumberKeywords + studentNumberKeywords

    /// A column of a table headed by a person-number label, remembered for the rows below
    /// (offsets as `Int32`: the pass keeps its value small, see `Detection`).
    struct NumberColumn {
        /// How far past the last row read a row may still start: a longer line is no table row.
        static let reach = 4096
        /// The header cell's label, for the reason.
        var header: Range<Int32> = 0..<0
        /// Where the next line not yet known to be a row starts; -1: no column remembered.
        var checkedTo: Int32 = -1
        /// The column's place in its row (tabs before it).
        var column: Int16 = 0
        var student = true

        var isActive: Bool { checkedTo >= 0 }
    }

    mutating func personNumber(_ keyword: Keyword, _ type: FindingType, start: Int, end: Int) -> Int? {
        let whose = type == .studentNumber ? "a student's" : "an employee's"
        if let (range, resume) = labelledNumber(after: end, digits: 4...10) {
            add(type, range, confidence: 70, "\(whose) number after the label « \(keyword.text) »")
            return resume
        }
        // `employee number, 226614,`: the number in apposition after a comma.
        let comma = text.skipSpaces(from: end, limit: limit)
        if comma < limit, text[comma] == 0x2C, let (range, resume) = labelledNumber(after: comma + 1, digits: 5...10) {
            add(type, range, confidence: 70, "\(whose) number after the label « \(keyword.text) » and a comma")
            return resume
        }
        rememberNumberColumn(type, start: start, end: end)
        return nil
    }

    /// Remembers a header cell holding only the label (`⇥Fiche⇥`, `Matricule⇥` at a line start)
    /// on a line that holds a tab: the rows below hold the numbers in its column.
    private mutating func rememberNumberColumn(_ type: FindingType, start: Int, end: Int) {
        let after = cellEnd(after: end)
        guard after >= limit || text[after] == 0x09 || text[after] == 0x0A || text[after] == 0x0D else { return }
        var position = start
        while position > 0, text[position - 1] == 0x20 { position -= 1 }
        guard position == 0 || text[position - 1] == 0x09 || text[position - 1] == 0x0A else { return }
        var tabs = 0
        while position > 0, text[position - 1] != 0x0A {
            position -= 1
            if text[position] == 0x09 { tabs += 1 }
        }
        guard tabs > 0 || (after < limit && text[after] == 0x09), tabs < Int(Int16.max) else { return }
        var lineEnd = after
        while lineEnd < limit, lineEnd - after < NumberColumn.reach, text[lineEnd] != 0x0A { lineEnd += 1 }
        guard lineEnd < limit, text[lineEnd] == 0x0A else { return }
        numberColumn = NumberColumn(header: Int32(start)..<Int32(end), checkedTo: Int32(lineEnd + 1), column: Int16(tabs),
                                    student: type == .studentNumber)
    }

    /// The number of a row in the remembered column: a cell holding only four to ten digits,
    /// in the header's place, on a line of the table (every line since the header holds a tab).
    mutating func numberInColumn(_ groups: Groups) {
        guard groups.count == 1, (4...10).contains(groups.length(0)) else { return }
        let start = groups.start(0)
        let end = groups.end(0)
        var lineStart = start
        var tabs = 0
        while lineStart > 0, text[lineStart - 1] != 0x0A {
            lineStart -= 1
            if text[lineStart] == 0x09 { tabs += 1 }
            if start - lineStart > NumberColumn.reach { return }
        }
        // Every line from the last one known to be a row up to this one holds a tab, or is blank
        // (extraction writes the spaces between an HTML table's rows as a line of its own).
        var position = Int(numberColumn.checkedTo)
        guard lineStart >= position, lineStart - position <= NumberColumn.reach else {
            if lineStart > position { numberColumn.checkedTo = -1 }
            return
        }
        while position < lineStart {
            var holdsTab = false
            var blank = true
            while position < lineStart, text[position] != 0x0A {
                let byte = text[position]
                if byte == 0x09 { holdsTab = true } else if byte != 0x20 && byte != 0x0D { blank = false }
                position += 1
            }
            guard holdsTab || blank else {
                numberColumn.checkedTo = -1
                return
            }
            position += 1
        }
        numberColumn.checkedTo = Int32(lineStart)
        guard tabs == Int(numberColumn.column) else { return }
        var before = start
        while before > lineStart, text[before - 1] == 0x20 { before -= 1 }
        let after = cellEnd(after: end)
        guard before == lineStart || text[before - 1] == 0x09,
              after >= limit || text[after] == 0x09 || text[after] == 0x0A || text[after] == 0x0D,
              tabs > 0 || (after < limit && text[after] == 0x09) else { return }
        // Another detector already took it (a ten-digit cell read as a telephone number).
        if let last = findings.last, last.end > start { return }
        let column = numberColumn
        let whose = column.student ? "a student's" : "an employee's"
        let header = UnsafeBufferPointer(rebasing: text[Int(column.header.lowerBound)..<Int(column.header.upperBound)])
        add(column.student ? .studentNumber : .employeeNumber, start..<end, confidence: 70,
            "\(whose) number in a column headed « \(String(decoding: header, as: UTF8.self)) »")
    }

    /// Past the spaces after `index` (not tabs: a tab ends the cell).
    private func cellEnd(after index: Int) -> Int {
        var position = index
        while position < limit, text[position] == 0x20 { position += 1 }
        return position
    }
}
