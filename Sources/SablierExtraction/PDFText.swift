import CSpawn
import Dispatch
import Foundation

/// The text of a PDF through poppler's `pdftotext` (`poppler-utils`, installed by
/// `scripts/setup.sh` and CI), run as a separate process so a hostile PDF cannot take Sablier
/// down: its output is read as it comes (bounded memory), it is stopped after a timeout, and
/// its exit status says why a file was not read (damaged, encrypted).
struct PDFText {
    let executable: String?
    let timeout: Double
    /// `pdftotext`'s processor-time limit (`RLIMIT_CPU`), in seconds.
    let cpuSeconds: Int

    /// `pdftotext`'s path: the one given, `$SABLIER_PDFTOTEXT`, or the first on the PATH.
    static func locate(_ given: String?) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let given, !given.isEmpty { return given }
        if let configured = environment["SABLIER_PDFTOTEXT"], !configured.isEmpty { return configured }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The descriptor `path` names when it is one of this process's (`/proc/self/fd/N`).
    static func heldDescriptor(_ path: String) -> Int32? {
        let prefix = "/proc/self/fd/"
        guard path.hasPrefix(prefix), let descriptor = Int32(path.dropFirst(prefix.count)), descriptor > 2 else { return nil }
        return descriptor
    }

    func extract(_ path: String, into sink: ExtractedTextSink) throws {
        guard let tool = Self.locate(executable), FileManager.default.isExecutableFile(atPath: tool) else {
            throw ExtractionError(.toolMissing, "pdftotext (poppler-utils) is not installed: run scripts/setup.sh")
        }
        let child: SpawnedTool
        do {
            // A descriptor Sablier holds (`/proc/self/fd/N`, the file checked) does not reach the
            // child, which inherits only 0-2: it becomes its standard input, read as /dev/stdin
            // (poppler reopens it, whatever the descriptor's offset).
            if let descriptor = Self.heldDescriptor(path) {
                child = try SpawnedTool(tool, ["-q", "-enc", "UTF-8", "-eol", "unix", "/dev/stdin", "-"], cpuSeconds: cpuSeconds, input: descriptor)
            } else {
                child = try SpawnedTool(tool, ["-q", "-enc", "UTF-8", "-eol", "unix", path, "-"], cpuSeconds: cpuSeconds)
            }
        } catch {
            throw ExtractionError(.toolMissing, "pdftotext cannot be started (\(error))")
        }
        // The watchdog kills the whole group with SIGKILL, which nothing can block or catch: the
        // pipe then closes, the read below returns, and no helper of pdftotext's is left running.
        let watchdog = DispatchWorkItem { child.killGroup() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // pdftotext's output is UTF-8; a chunk may end inside a scalar, which the transcoder holds back.
        var transcoder = Transcoder()
        var converted: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(child.output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            converted.removeAll(keepingCapacity: true)
            chunk.withUnsafeBytes { transcoder.convert(UnsafeRawBufferPointer(rebasing: $0[..<count]), into: &converted) }
            if !converted.isEmpty { converted.withUnsafeBytes { sink($0) } }
        }
        converted.removeAll(keepingCapacity: true)
        transcoder.convert(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &converted)
        if !converted.isEmpty { converted.withUnsafeBytes { sink($0) } }
        let ending = child.wait()
        watchdog.cancel()
        // Whatever pdftotext started of its own goes with it.
        child.killGroup()
        switch ending {
        case .signal(SIGXCPU):
            throw ExtractionError(.unreadable, "pdftotext used its \(cpuSeconds) s of processor time on this PDF and was stopped (signal \(SIGXCPU))")
        case .signal(let signal):
            throw ExtractionError(.unreadable, "pdftotext was stopped after \(Int(timeout)) s or crashed on this PDF (signal \(signal))")
        case .exit(0): return
        case .exit(1): throw ExtractionError(.unreadable, "pdftotext cannot open the PDF: it is damaged, truncated or password-protected")
        case .exit(3): throw ExtractionError(.unreadable, "the PDF's permissions forbid copying its text")
        case .exit(let status): throw ExtractionError(.unreadable, "pdftotext failed on the PDF (exit status \(status))")
        }
    }
}

/// A tool run in a process group of its own, with every signal at its default and none
/// blocked, its standard output a pipe, its standard input and error `/dev/null`.
///
/// Why not Foundation's `Process`: the child inherits the caller's blocked signals, so its
/// `terminate()` (SIGTERM) may never be delivered, and it cannot start the child in a group of
/// its own, so what the tool starts would outlive a kill of the tool alone. `posix_spawn` sets both.
///
/// With `cpuSeconds`, the tool starts with that `RLIMIT_CPU` (soft; the hard limit a second
/// more): `/bin/sh` sets it with `ulimit -t`, then `exec`s the tool in its own place (same process, same group), so the
/// limit holds from the tool's first instruction, where `prlimit` after the spawn would leave a
/// moment without it. The kernel enforces it (SIGXCPU, then SIGKILL) even when Sablier was
/// killed with SIGKILL and its watchdog with it; a tool then writing to its output dies of
/// SIGPIPE sooner, the pipe's reader being gone. A parent-death signal (`PR_SET_PDEATHSIG`)
/// would stop an idle one at once too, but it needs code run in the child between fork and
/// exec, which `posix_spawn` does not offer, nor Swift safely after `fork`.
final class SpawnedTool: Sendable {
    enum Ending: Equatable {
        case exit(Int32)
        case signal(Int32)
    }

    struct SpawnError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    let pid: pid_t
    /// The read end of the child's standard output.
    let output: Int32

    init(_ tool: String, _ arguments: [String], cpuSeconds: Int? = nil, input: Int32? = nil) throws {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw SpawnError(code: errno) }
        defer { close(pipeEnds[1]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        // Nothing else of Sablier's reaches the tool: not the SQLite file, not a socket, not
        // another scan's pipe (descriptors are not close-on-exec by default).
        sablier_spawn_file_actions_addclosefrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        sablier_spawnattr_isolate(&attributes)
        // `sh -c SCRIPT TOOL SOFT HARD ARGUMENTS…`: in the script, $0 is the tool, $1 and $2 the
        // limits. At the soft limit the kernel sends SIGXCPU (which says why the tool stopped),
        // at the hard one, a second later, SIGKILL. Should `ulimit` fail, a lower hard limit is
        // already in force, which is as safe.
        let script = "ulimit -H -t \"$2\" 2>/dev/null; ulimit -S -t \"$1\" 2>/dev/null; shift 2; exec \"$0\" \"$@\""
        let command = cpuSeconds.map { ["/bin/sh", "-c", script, tool, String(max(1, $0)), String(max(1, $0) + 1)] } ?? [tool]
        let argv: [UnsafeMutablePointer<CChar>?] = (command + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, command[0], &actions, &attributes, argv, environ)
        guard status == 0 else {
            close(pipeEnds[0])
            throw SpawnError(code: status)
        }
        pid = child
        output = pipeEnds[0]
    }

    deinit { close(output) }

    /// SIGKILL to the child's whole process group (its id is the child's).
    func killGroup() {
        kill(-pid, SIGKILL)
    }

    /// Waits for the child to end, and says how.
    func wait() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? .exit((status >> 8) & 0xFF) : .signal(signal)
    }
}
