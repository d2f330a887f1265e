/// Reads and writes a rule's numbered remarks as GALA and spreadsheets carry them: one text
/// holding `R1 : …` `R2 : …`, on separate lines or run together on one line.
public enum RemarkText {
    /// The remarks found in a text, and what had to be assumed to find them.
    public struct Parsed: Sendable, Hashable {
        public var remarks: [Remark]
        /// Text before the first marker, which belongs to no numbered remark.
        public var preamble: String?
        /// Markers written as `1:` instead of `R1:` (seen in a Constellio export).
        public var unprefixedMarkers: [RemarkID]
        /// Identifiers defined twice; the texts were joined under the first.
        public var duplicates: [RemarkID]
    }

    /// Splits a remarks text into numbered remarks.
    ///
    /// A marker is `R<n>` followed by optional spaces and a colon, at the start or after white
    /// space; or `<n>:` at the start of a line. Text after a blank line stays with the remark
    /// before it.
    public static func parse(_ text: String) -> Parsed {
        let scalars = Array(text.unicodeScalars)
        var markers: [(start: Int, bodyStart: Int, id: RemarkID, prefixed: Bool)] = []
        var i = 0
        while i < scalars.count {
            let atLineStart = i == 0 || scalars[i - 1] == "\n" || scalars[i - 1] == "\r"
            let afterSpace = i == 0 || isSpace(scalars[i - 1])
            var j = i
            var prefixed = false
            if (scalars[j] == "R" || scalars[j] == "r") && afterSpace {
                prefixed = true
                j += 1
            } else if !atLineStart {
                i += 1
                continue
            }
            let digitsStart = j
            while j < scalars.count, j - digitsStart < 3, ("0"..."9").contains(scalars[j]) { j += 1 }
            guard j > digitsStart, j - digitsStart <= 2 else { i += 1; continue }
            var number = 0
            for k in digitsStart..<j { number = number * 10 + Int(scalars[k].value - 48) }
            var k = j
            while k < scalars.count, isSpace(scalars[k]), scalars[k] != "\n" { k += 1 }
            guard k < scalars.count, scalars[k] == ":", number > 0 else { i += 1; continue }
            markers.append((i, k + 1, RemarkID(number: number), prefixed))
            i = k + 1
        }
        func slice(_ from: Int, _ to: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[from..<to])
            return String(s).trimmingSpaces()
        }
        var parsed = Parsed(remarks: [], preamble: nil, unprefixedMarkers: [], duplicates: [])
        let head = slice(0, markers.first?.start ?? scalars.count)
        if !head.isEmpty { parsed.preamble = head }
        for (index, marker) in markers.enumerated() {
            let end = index + 1 < markers.count ? markers[index + 1].start : scalars.count
            let body = slice(marker.bodyStart, end)
            if !marker.prefixed { parsed.unprefixedMarkers.append(marker.id) }
            if let existing = parsed.remarks.firstIndex(where: { $0.id == marker.id }) {
                parsed.duplicates.append(marker.id)
                parsed.remarks[existing].text += "\n" + body
            } else {
                parsed.remarks.append(Remark(id: marker.id, text: body))
            }
        }
        return parsed
    }

    /// Writes remarks one per line as `R1 : text`, the form BAnQ's recueils use.
    public static func format(_ remarks: [Remark]) -> String {
        remarks.map { "\($0.id) : \($0.text)" }.joined(separator: "\n")
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }
}

/// Splits and joins the multi-valued cells of calendars (classification codes, document types,
/// processes), which real files separate with `;`, `,` or line breaks.
public enum ListCell {
    /// The non-blank items of a cell, trimmed, in order, without duplicates.
    public static func split(_ cell: String?, separators: Set<Character> = [";", ",", "\n", "\r"]) -> [String] {
        guard let cell else { return [] }
        var result: [String] = []
        for part in cell.split(whereSeparator: { separators.contains($0) }) {
            let item = part.trimmingSpaces()
            if !item.isEmpty, !result.contains(item) { result.append(item) }
        }
        return result
    }

    /// Joins items with `; `, GALA's separator.
    public static func join(_ items: [String]) -> String {
        items.joined(separator: "; ")
    }
}
