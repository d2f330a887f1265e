import SablierStore

/// A refusal a command reports to the user in one sentence (printed as `Error: …`, exit 1).
///
/// A struct over a private enum, as swift-argument-parser's errors are, so cases can grow.
struct CommandFailure: Error, CustomStringConvertible {
    private enum Reason {
        case noCalendar
        case noSuchVersion(Int, available: ClosedRange<Int>?)
        case noSuchRule(String, version: Int)
        case rejected(String)
        case cannotWrite(String, reason: String)
        case noSuchDocument(String)
        case invalid(String)
        case refused(String)
    }

    private let reason: Reason

    static let noCalendar = CommandFailure(reason: .noCalendar)

    static func noSuchVersion(_ number: Int, available: ClosedRange<Int>?) -> CommandFailure {
        CommandFailure(reason: .noSuchVersion(number, available: available))
    }

    static func noSuchRule(_ number: String, version: Int) -> CommandFailure {
        CommandFailure(reason: .noSuchRule(number, version: version))
    }

    /// The input was refused; the details were already printed as diagnostics.
    static func rejected(_ summary: String) -> CommandFailure {
        CommandFailure(reason: .rejected(summary))
    }

    static func cannotWrite(_ path: String, reason: String) -> CommandFailure {
        CommandFailure(reason: .cannotWrite(path, reason: reason))
    }

    static func noSuchDocument(_ reference: String) -> CommandFailure {
        CommandFailure(reason: .noSuchDocument(reference))
    }

    /// The acting user may not do this (already written to the audit trail).
    static func refused(_ message: String) -> CommandFailure {
        CommandFailure(reason: .refused(message))
    }

    /// A request that cannot be carried out as asked, in one sentence.
    static func invalid(_ message: String) -> CommandFailure {
        CommandFailure(reason: .invalid(message))
    }

    var description: String {
        switch reason {
        case .noCalendar:
            return "no calendar has been imported yet; run `sablier calendar import FILE` first"
        case .noSuchVersion(let number, let available?):
            return "calendar version \(number) does not exist (versions \(available.lowerBound) to \(available.upperBound) do)"
        case .noSuchVersion(let number, nil):
            return "calendar version \(number) does not exist; no calendar has been imported yet"
        case .noSuchRule(let number, let version):
            return "rule \(number) is not in calendar version \(version)"
        case .rejected(let summary):
            return summary
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .noSuchDocument(let reference):
            return "document \(reference) is not registered"
        case .invalid(let message):
            return message
        case .refused(let message):
            return "refused: " + message
        }
    }
}

extension CalendarStore {
    /// The version asked for, or the latest when none is; a clear failure when it does not exist.
    func resolveVersion(_ requested: Int?) async throws -> CalendarVersionInfo {
        let versions = try await calendarVersions()
        let range = versions.isEmpty ? nil : (versions.first!.number)...(versions.last!.number)
        guard let requested else {
            guard let latest = versions.last else { throw CommandFailure.noCalendar }
            return latest
        }
        guard let found = versions.first(where: { $0.number == requested }) else {
            throw CommandFailure.noSuchVersion(requested, available: range)
        }
        return found
    }
}
