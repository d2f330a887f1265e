@testable import SablierApplication
import SablierPrivacy
import Testing

@Suite("The letterhead's tally: counts per document and unit, in bounded memory")
struct LetterheadTallyTests {
    static func phone(_ digits: String) -> LetterheadValue { LetterheadValue(kind: .phone, value: digits) }

    @Test("a value is counted once per document and each unit once; the thresholds select, most documents first")
    func counts() {
        var tally = LetterheadTally(minDocuments: 3)
        let letterhead = Self.phone("8195550100")
        let school = Self.phone("8195550200")
        for (index, unit) in ["A", "B", "C", "A", "B"].enumerated() {
            tally.count([letterhead, Self.phone("81956210\(index)0")], unit: unit)
        }
        for _ in 0..<4 { tally.count([school], unit: "C") }
        let byUnits = tally.suggestions(minUnits: 3)
        #expect(byUnits.map(\.value) == ["8195550100"] && byUnits.first?.documents == 5 && byUnits.first?.units == 3)
        #expect(tally.suggestions(minUnits: 1).map { "\($0.value) \($0.documents) \($0.units)" } == ["8195550100 5 3", "8195550200 4 1"])
    }

    @Test("a value under the threshold not seen in forgetAfter documents is forgotten; one at the threshold is kept")
    func forgets() {
        var tally = LetterheadTally(minDocuments: 3, forgetAfter: 10)
        let letterhead = Self.phone("8195550100")
        let early = Self.phone("8195550300")
        tally.count([early, letterhead], unit: "A")
        tally.count([early, letterhead], unit: "B")
        for index in 0..<100 {
            // A person's number in each document, the letterhead in every fifth.
            let person = Self.phone("819562\(String(1000 + index))")
            tally.count(index % 5 == 0 ? [person, letterhead] : [person], unit: ["A", "B", "C"][index % 3])
            // The persons of the last ten to twenty documents, the letterhead, the early value.
            #expect(tally.tracked <= 22)
        }
        #expect(tally.tracked < 30)
        tally.count([early], unit: "C")
        let kept = tally.suggestions(minUnits: 1)
        #expect(kept.map(\.value) == ["8195550100"] && kept.first?.documents == 22 && kept.first?.units == 3)
    }
}
