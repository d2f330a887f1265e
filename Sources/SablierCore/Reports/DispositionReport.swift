/// What one disposition list did to the documents of one holder unit and one rule, as the
/// store counts it (one `GROUP BY` line): the unit of the yearly report's arithmetic.
public struct DispositionTally: Sendable, Hashable, Codable {
    public var holder: String
    public var rule: String
    /// destroy, deposit or sort (transfers to semi-active storage are not dispositions of the year).
    public var action: DueAction
    /// destroyed, deposited, or for a sort kept or destroyed.
    public var outcome: DispositionOutcome
    public var list: Int
    /// The method the list named for what it destroyed without a file (paper, film).
    public var method: String?
    /// The certificate the destruction vendor gave for the list, if recorded.
    public var vendorCertificate: String?
    public var count: Int
    /// Of `count`, the documents destroyed without a file Sablier deletes (paper, film).
    public var destroyedWithoutFile: Int

    public init(holder: String, rule: String, action: DueAction, outcome: DispositionOutcome, list: Int, method: String?,
                vendorCertificate: String?, count: Int, destroyedWithoutFile: Int) {
        self.holder = holder; self.rule = rule; self.action = action; self.outcome = outcome; self.list = list
        self.method = method; self.vendorCertificate = vendorCertificate; self.count = count
        self.destroyedWithoutFile = destroyedWithoutFile
    }
}

/// One line of the yearly disposition report: a holder unit, a rule, what was done.
public struct DispositionReportLine: Sendable, Hashable, Codable {
    public var holder: String
    public var rule: String
    /// The rule's title in the calendar in force, else in the latest version that had it.
    public var title: String?
    public var action: DueAction
    public var outcome: DispositionOutcome
    public var count: Int
    /// The disposition lists that did it, by number: each has its certificate (`disposition certificate N`).
    public var lists: [Int]
    /// The destruction vendors' certificates of those lists, when recorded: for what was destroyed only.
    public var vendorCertificates: [String]
}

/// A total of the year for one action and outcome (a sort counts its kept and its destroyed apart).
public struct DispositionReportTotal: Sendable, Hashable, Codable {
    public var action: DueAction
    public var outcome: DispositionOutcome
    public var count: Int
    public var lists: [Int]
    public var vendorCertificates: [String]
}

/// What was destroyed without a file (paper, film) under one destruction method.
public struct DestructionMethodTotal: Sendable, Hashable, Codable {
    /// The method as the lists recorded it; nil for lists that destroyed paper without naming one
    /// (only lists executed before a method was required).
    public var method: String?
    public var count: Int
    public var lists: [Int]
    public var vendorCertificates: [String]
}

/// The yearly disposition report for the secrétariat général: what was destroyed, deposited
/// (versé) and sorted (tri) in a year, by holder unit and rule, with the lists and certificates
/// that prove it.
public struct DispositionReport: Sendable, Hashable, Codable {
    public var year: ReportYear
    /// The unit the report was limited to (`--unit`, or a détenteur's own), nil for the whole organisation.
    public var unit: String?
    /// By holder unit, rule, action and outcome.
    public var lines: [DispositionReportLine]
    /// Per action and outcome, in the order destroyed, deposited, sort kept, sort destroyed.
    public var totals: [DispositionReportTotal]
    /// The documents destroyed without a file, by the method the list recorded.
    public var destroyedWithoutFileByMethod: [DestructionMethodTotal]

    /// Folds the store's tallies (already limited to what the reader may see) into the report.
    ///
    /// Units are compared as `Access.sameUnit` compares them, so `RH` and `rh ` make one line,
    /// named as first met in holder order.
    public init(year: ReportYear, unit: String?, tallies: [DispositionTally], titles: [String: String]) {
        self.year = year
        self.unit = unit
        struct LineKey: Hashable { var holder: String; var rule: String; var action: DueAction; var outcome: DispositionOutcome }
        struct Sum { var holder: String; var count = 0; var lists: Set<Int> = []; var certificates: Set<String> = [] }
        var lineSums: [LineKey: Sum] = [:]
        var totalSums: [DispositionOutcomeKey: Sum] = [:]
        var methodSums: [String?: Sum] = [:]
        for tally in tallies.sorted(by: { ($0.holder, $0.rule, $0.list) < ($1.holder, $1.rule, $1.list) }) {
            let key = LineKey(holder: Access.unitKey(tally.holder), rule: tally.rule, action: tally.action, outcome: tally.outcome)
            func add(_ sum: inout Sum, _ count: Int) {
                sum.count += count
                sum.lists.insert(tally.list)
                // The vendor's certificate attests a destruction: a list that also deposited or
                // kept documents does not make it theirs.
                if tally.outcome == .destroyed, let certificate = tally.vendorCertificate { sum.certificates.insert(certificate) }
            }
            add(&lineSums[key, default: Sum(holder: tally.holder)], tally.count)
            add(&totalSums[DispositionOutcomeKey(action: tally.action, outcome: tally.outcome), default: Sum(holder: "")], tally.count)
            if tally.destroyedWithoutFile > 0 {
                add(&methodSums[tally.method, default: Sum(holder: "")], tally.destroyedWithoutFile)
            }
        }
        lines = lineSums.map { key, sum in
            DispositionReportLine(holder: sum.holder, rule: key.rule, title: titles[key.rule], action: key.action, outcome: key.outcome,
                                  count: sum.count, lists: sum.lists.sorted(), vendorCertificates: sum.certificates.sorted())
        }.sorted { a, b in
            if a.holder != b.holder { return String.reportOrder(a.holder, b.holder) }
            return (a.rule, DispositionOutcomeKey.order(a.action, a.outcome)) < (b.rule, DispositionOutcomeKey.order(b.action, b.outcome))
        }
        totals = DispositionOutcomeKey.reported.compactMap { key in
            totalSums[key].map { DispositionReportTotal(action: key.action, outcome: key.outcome, count: $0.count,
                                                        lists: $0.lists.sorted(), vendorCertificates: $0.certificates.sorted()) }
        }
        destroyedWithoutFileByMethod = methodSums.map { method, sum in
            DestructionMethodTotal(method: method, count: sum.count, lists: sum.lists.sorted(), vendorCertificates: sum.certificates.sorted())
        }.sorted { ($0.method ?? "") < ($1.method ?? "") }
    }

    /// The documents destroyed in the year, whether by a destruction or by a sort.
    public var destroyed: Int { totals.filter { $0.outcome == .destroyed }.reduce(0) { $0 + $1.count } }
}

/// An action and what it did: the keys of the report's totals.
struct DispositionOutcomeKey: Hashable {
    var action: DueAction
    var outcome: DispositionOutcome

    /// The four the report totals, in the order it prints them.
    static let reported = [
        DispositionOutcomeKey(action: .destroy, outcome: .destroyed), DispositionOutcomeKey(action: .deposit, outcome: .deposited),
        DispositionOutcomeKey(action: .sort, outcome: .kept), DispositionOutcomeKey(action: .sort, outcome: .destroyed),
    ]

    /// Where `action` and `outcome` come in the report: the order of `reported`.
    static func order(_ action: DueAction, _ outcome: DispositionOutcome) -> Int {
        reported.firstIndex(of: DispositionOutcomeKey(action: action, outcome: outcome)) ?? reported.count
    }
}
