import CSpawn
import Dispatch
import Foundation

/// Delivery through the system's sendmail interface, the Unix convention every mail transfer
/// agent offers (Postfix, Exim, OpenSMTPD, msmtp, nullmailer): `sendmail -i -- ADDRESS…` with
/// the message on its standard input. Sablier speaks no SMTP itself and holds no password.
///
/// The program is started with `posix_spawn` — no shell, so nothing in an address is ever
/// interpreted — in a process group of its own, with no descriptor of Sablier's but its
/// standard ones. The message is handed over as a file (written, unlinked, rewound), not a
/// pipe: a sendmail that exits without reading cannot stop Sablier with SIGPIPE, nor a large
/// message fill a pipe nobody reads. Its wait is bounded: after `timeout` seconds the group is
/// killed and the delivery reported as failed.
public struct Sendmail: Sendable {
    /// Why one message was not handed over.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
        /// True when sendmail was stopped after `timeout`: a transport that hangs once is likely
        /// to hang for the next message too.
        public var timedOut = false

        public init(description: String, timedOut: Bool = false) {
            self.description = description
            self.timedOut = timedOut
        }
    }

    public let path: String
    public let timeout: Double

    public init(path: String, timeout: Double = 60) {
        self.path = path
        self.timeout = timeout
    }

    /// Hands `message` to sendmail for `recipients` and waits for its exit: status 0 is
    /// delivery accepted; anything else (a missing program, a non-zero exit such as 75, a
    /// signal, the timeout) throws, with what sendmail wrote on its standard error (its first
    /// 500 bytes).
    public func deliver(_ message: String, to recipients: [String]) throws(Failure) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is not an executable program (set --sendmail or $SABLIER_SENDMAIL)")
        }
        let input: Int32
        do { input = try Self.messageFile(message) } catch { throw Failure(description: "the message could not be written for sendmail: \(error)") }
        defer { close(input) }
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&errorPipe) == 0 else { throw Failure(description: "no pipe for sendmail: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        sablier_spawn_file_actions_addclosefrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        sablier_spawnattr_isolate(&attributes)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path, "-i", "--"] + recipients).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        close(errorPipe[1])
        defer { close(errorPipe[0]) }
        guard status == 0 else { throw Failure(description: "\(path) could not be started: \(String(cString: strerror(status)))") }
        let pid = child
        let watchdog = DispatchWorkItem { kill(-pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let said = Self.readBounded(errorPipe[0], keeping: 500)
        var ending: Int32 = 0
        while waitpid(pid, &ending, 0) < 0, errno == EINTR {}
        watchdog.cancel()
        let signal = ending & 0x7F, exitStatus = (ending >> 8) & 0xFF
        let detail = said.isEmpty ? "" : ": " + said
        if signal == SIGKILL {
            throw Failure(description: "\(path) was stopped after \(Int(timeout)) s or killed (signal \(signal))\(detail)", timedOut: true)
        }
        if signal != 0 { throw Failure(description: "\(path) was stopped by signal \(signal)\(detail)") }
        if exitStatus != 0 { throw Failure(description: "\(path) exited with status \(exitStatus)\(detail)") }
    }

    /// A file holding `message`, unlinked at once and rewound: sendmail's standard input.
    private static func messageFile(_ message: String) throws -> Int32 {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("sablier-mail.XXXXXX")
        var name = Array(template.utf8CString)
        let descriptor = name.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        name.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var bytes = Array(message.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let problem = String(cString: strerror(errno))
                close(descriptor)
                throw Failure(description: problem)
            }
            bytes = bytes.dropFirst(written)
        }
        lseek(descriptor, 0, SEEK_SET)
        return descriptor
    }

    /// Everything readable from `descriptor` until its end, keeping the first `limit` bytes,
    /// as one line of text (control characters shown as spaces).
    private static func readBounded(_ descriptor: Int32, keeping limit: Int) -> String {
        var kept: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            if kept.count < limit { kept += chunk[..<min(count, limit - kept.count)] }
        }
        let text = String(decoding: kept, as: UTF8.self)
        return String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
            .trimmingCharacters(in: .whitespaces)
    }
}
