@testable import SablierPrivacy
import Testing

/// The memory of names found keeps its keys in a ring of `NameMemory.capacity` and finds them
/// through a hash index; the index must say exactly what a walk over the ring would say, however
/// many keys were forgotten (backward-shift deletion is where an index goes wrong).
@Suite("The memory of names found: the ring and its index agree")
struct NameMemoryTests {
    /// Keys from a small generator, many sharing a home slot (low variety in the high bits).
    private static func keys(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state % 700 // repeats on purpose: a key met again is not added twice
        }
    }

    @Test("after thousands of keys, known and public are what the last 128 distinct keys remembered say, with their positions")
    func indexAgreesWithTheRing() {
        var memory = Detection.NameMemory()
        var ring: [(key: UInt64, at: Int)] = []
        var publicRing: [(key: UInt64, at: Int)] = []
        for (position, key) in Self.keys(5_000, seed: 17).enumerated() {
            if position % 3 == 0 {
                memory.rememberPublic(key, at: position)
                if !publicRing.contains(where: { $0.key == key }) {
                    publicRing.append((key, position))
                    if publicRing.count > Detection.NameMemory.capacity { publicRing.removeFirst() }
                }
            } else {
                memory.remember(key, at: position)
                if !ring.contains(where: { $0.key == key }) {
                    ring.append((key, position))
                    if ring.count > Detection.NameMemory.capacity { ring.removeFirst() }
                }
            }
            // Every key of the range, checked against the model now and then.
            guard position % 97 == 0 else { continue }
            for key in UInt64(0)..<700 {
                let remembered = ring.first { $0.key == key }
                #expect(memory.isKnown(key) == (remembered != nil), "key \(key) after \(position) keys")
                #expect(memory.isKnown(key, before: position / 2) == (remembered.map { $0.at < position / 2 } ?? false))
                let publicKey = publicRing.first { $0.key == key }
                #expect(memory.isPublic(key) == (publicKey != nil), "public key \(key) after \(position) keys")
                #expect(memory.isPublic(key, before: position / 2) == (publicKey.map { $0.at < position / 2 } ?? false))
            }
        }
        // Carried to the next pass: the keys found before its end, positions forgotten (-1).
        let end = ring[ring.count / 2].at
        let carried = memory.carried(before: end)
        for key in UInt64(0)..<700 {
            let expected = ring.contains { $0.key == key && $0.at < end }
            #expect(carried.isKnown(key) == expected)
            #expect(carried.isKnown(key, before: 0) == expected)
        }
    }
}
