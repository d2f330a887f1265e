import SablierCore
import Testing

@Suite("Diagnostics capped per file")
struct DiagnosticCollectorTests {
    static func warning(_ line: Int) -> Diagnostic { .warning(at: SourceLocation(file: "f.csv", line: line), "w") }
    static func error(_ line: Int) -> Diagnostic { .error(at: SourceLocation(file: "f.csv", line: line), "e") }

    @Test("the first 100 are kept; the rest are counted, by severity, in one last diagnostic")
    func collector() {
        var collector = DiagnosticCollector()
        for line in 1...250 { collector.append(line == 200 ? Self.error(line) : Self.warning(line)) }
        let diagnostics = collector.diagnostics
        #expect(diagnostics.count == 101)
        #expect(diagnostics.prefix(100).map(\.location.line) == Array(1...100))
        let summary = diagnostics[100]
        #expect(summary.code == DiagnosticCode.moreDiagnostics.rawValue)
        #expect(summary.values == ["count": "150", "errors": "1", "warnings": "149", "limit": "100"])
        #expect(summary.severity == .error, "an error left out keeps the file rejected")
        #expect(summary.location == SourceLocation(file: "f.csv", line: 0))
        #expect(summary.message == "and 150 more problems not listed (1 error, 149 warnings): only the first 100 of a file are")
    }

    @Test("a file's error count includes the errors counted past the hundredth, not the line that counts them")
    func totalErrorCount() {
        var collector = DiagnosticCollector()
        for line in 1...250 { collector.append(line.isMultiple(of: 2) ? Self.error(line) : Self.warning(line)) }
        #expect(collector.diagnostics.errors.count == 51)
        #expect(collector.diagnostics.totalErrorCount == 125)
        #expect([Self.error(1), Self.warning(2)].totalErrorCount == 1)
    }

    @Test("warnings alone make a warning; nothing left out adds nothing")
    func warningsOnly() {
        var collector = DiagnosticCollector(limit: 3)
        collector.append(contentsOf: (1...3).map(Self.warning))
        #expect(collector.diagnostics.count == 3 && collector.summary == nil)
        collector.append(Self.warning(4))
        #expect(collector.summary?.severity == .warning)
        #expect(!collector.hasErrors)
    }

    @Test("lists capped apart and put together count every problem once; appendCapped stays under twice the limit")
    func merging() {
        let first = (1...150).map(Self.warning).capped()
        let second = (151...400).map(Self.error).capped()
        let merged = (first + second).capped()
        #expect(merged.count == 101)
        #expect(merged.last?.values?["count"] == "300")
        #expect(merged.last?.values?["errors"] == "250")
        var growing: [Diagnostic] = []
        var largest = 0
        for line in 1...100_000 {
            growing.appendCapped(Self.error(line))
            largest = max(largest, growing.count)
        }
        #expect(largest <= 201)
        #expect(growing.capped().last?.values?["count"] == "99900")
    }
}
