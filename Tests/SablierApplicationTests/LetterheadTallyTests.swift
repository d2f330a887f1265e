@testable import SablierApplication
import SablierPrivacy
import Testing

@Suite("The letterhead's tally: counts per document and unit, in bounded memory")
struct LetterheadTallyTests {
    static func phone(_ digits: String) -> LetterheadValue { LetterheadValue(kind: .phone, value: digits) }
    static func reference(_ document: Int32) -> String { "D-\(document)" }

    @Test("a value is counted once per document and each unit once; the thresholds select, most documents first")
    func counts() {
        var tally = LetterheadTally(minDocuments: 3)
        let letterhead = Self.phone("8195550100")
        let school = Self.phone("8195550200")
        for (index, unit) in ["A", "B", "C", "A", "B"].enumerated() {
            tally.count([letterhead, Self.phone("81956210\(index)0")], unit: unit, document: Int32(index))
        }
        for index in 5..<9 { tally.count([school], unit: "C", document: Int32(index)) }
        let byUnits = tally.suggestions(minUnits: 3, reference: Self.reference)
        #expect(byUnits.map(\.value) == ["8195550100"] && byUnits.first?.documents == 5 && byUnits.first?.units == 3)
        #expect(tally.suggestions(minUnits: 1, reference: Self.reference).map { "\($0.value) \($0.documents) \($0.units)" }
            == ["8195550100 5 3", "8195550200 4 1"])
        // The first three documents holding each, so that the officer can look before confirming.
        #expect(tally.suggestions(minUnits: 1, reference: Self.reference).map(\.examples) == [["D-0", "D-1", "D-2"], ["D-5", "D-6", "D-7"]])
    }

    @Test("a value under the threshold not seen in forgetAfter documents is forgotten; one at the threshold is kept")
    func forgets() {
        var tally = LetterheadTally(minDocuments: 3, forgetAfter: 10)
        let letterhead = Self.phone("8195550100")
        let early = Self.phone("8195550300")
        tally.count([early, letterhead], unit: "A", document: 0)
        tally.count([early, letterhead], unit: "B", document: 1)
        for index in 0..<100 {
            // A person's number in each document, the letterhead in every fifth.
            let person = Self.phone("819562\(String(1000 + index))")
            tally.count(index % 5 == 0 ? [person, letterhead] : [person], unit: ["A", "B", "C"][index % 3], document: Int32(index + 2))
            // The persons of the last ten to twenty documents, the letterhead, the early value.
            #expect(tally.tracked <= 22)
        }
        #expect(tally.tracked < 30)
        tally.count([early], unit: "C", document: 102)
        let kept = tally.suggestions(minUnits: 1, reference: Self.reference)
        #expect(kept.map(\.value) == ["8195550100"] && kept.first?.documents == 22 && kept.first?.units == 3)
    }
}
