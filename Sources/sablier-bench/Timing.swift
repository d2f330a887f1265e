import Foundation

/// Wall-clock measurements of the benchmarks, in seconds.
enum Timing {
    /// How long `body` takes, once.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs a closure several times and keeps the fastest wall-clock time.
    static func best(of runs: Int, _ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, runs) { best = min(best, try seconds(body)) }
        return best
    }

    /// Measures two things in alternation, `runs` rounds of one then the other, each closure
    /// returning the seconds it measured (it may prepare outside its clock) and `second`
    /// given the round's number, from 0.
    ///
    /// The machine is shared: its speed changes from one minute to the next (the same binary
    /// measured 7.1 to 10.4 s), so two tools timed in separate series, minutes apart, may each
    /// meet a different moment. Alternating them gives both the same moments.
    static func rounds(_ runs: Int, _ first: () throws -> Double, then second: (Int) throws -> Double) throws -> Rounds {
        var rounds = Rounds()
        for round in 0..<max(1, runs) {
            let a = try first()
            let b = try second(round)
            rounds.pairs.append((a, b))
        }
        return rounds
    }

    /// Measures any number of things in alternation, as `rounds(_:_:then:)` does two: each round
    /// runs every side once, in order, given the round's number; the seconds of each, by name.
    ///
    /// Why: comparing Sablier on SQLite and on PostgreSQL with their reference tools puts four
    /// programs side by side; all four must meet the same moments of the machine.
    static func alternating(_ runs: Int, _ sides: [(name: String, measure: (Int) throws -> Double)]) throws -> Series {
        var series = Series(names: sides.map(\.name))
        for round in 0..<max(1, runs) {
            series.times.append(try sides.map { try $0.measure(round) })
        }
        return series
    }

    /// The seconds of several sides measured round by round (`alternating`).
    struct Series {
        var names: [String]
        /// One row per round, one column per side, in the order of `names`.
        var times: [[Double]] = []

        func column(_ name: String) -> [Double] {
            guard let index = names.firstIndex(of: name) else { return [] }
            return times.map { $0[index] }
        }

        /// The fastest time of a side.
        func best(_ name: String) -> Double { column(name).min() ?? .nan }

        /// Two sides as the pairs of each round: `second` measured against `first`.
        func rounds(_ first: String, _ second: String) -> Rounds {
            Rounds(pairs: zip(column(first), column(second)).map { (first: $0, second: $1) })
        }
    }

    /// Pairs of measurements taken one right after the other.
    struct Rounds {
        var pairs: [(first: Double, second: Double)] = []

        var bestFirst: Double { pairs.map(\.first).min() ?? .nan }
        var bestSecond: Double { pairs.map(\.second).min() ?? .nan }
        /// The best of the second over the best of the first.
        var ratioOfBests: Double { bestSecond / bestFirst }
        var ratios: [Double] { pairs.map { $0.second / $0.first } }
        /// The middle of the rounds' own ratios (the mean of the two middle ones for an even count).
        var medianRatio: Double {
            let sorted = ratios.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        var ratiosText: String { "rounds: " + ratios.map { String(format: "%.2f", $0) }.joined(separator: ", ") }
    }
}
