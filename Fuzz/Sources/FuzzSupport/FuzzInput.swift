import CLibFuzzer
public import Foundation

/// One libFuzzer input, as the readers take it: bytes, or a file for the readers that take a
/// path (`TextExtractor`, the register import), since they decide by the file what to read.
public enum FuzzInput {
    /// The input's bytes, copied out of libFuzzer's buffer (which it reuses after the call).
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A folder of this process's own under `$TMPDIR` (`scripts/fuzz.sh` points it into the
    /// run's work folder), so parallel runs never write each other's input.
    public static let folder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sablier-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes the input to `input.<ext>` in `folder`, replacing the previous input, and returns
    /// its path: the same name each time, so a run leaves one file, not one per execution.
    public static func file(_ data: UnsafePointer<UInt8>, _ size: Int, extension ext: String) -> String {
        let url = folder.appendingPathComponent("input.\(ext)")
        let written = FileManager.default.createFile(atPath: url.path, contents: Data(bytes: data, count: size))
        precondition(written, "the fuzzing input cannot be written to \(url.path)")
        return url.path
    }
}

/// Runs an async call from libFuzzer's synchronous callback and waits for it: the register's
/// import and the calendar import are async, the fuzzing entry point is not.
public func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return box.result!
}

/// The result of one task, written by it once before it signals and read after the wait.
private final class ResultBox<T>: @unchecked Sendable { // written once before `done.signal()`, read after `done.wait()`: the semaphore orders them
    var result: Result<T, any Error>?
}

/// The text an extractor wrote, checked against `TextExtractor`'s promise: valid UTF-8,
/// whatever the file's encoding. A break of that promise stops the run as a crash would.
public struct ExtractedText {
    private var bytes: [UInt8] = []

    public init() {}

    /// Keeps a chunk the extractor handed over.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
    }

    /// Stops the process (a finding, with the input saved by libFuzzer) unless the chunks,
    /// put together, are valid UTF-8.
    public func requireUTF8(_ reader: String) {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            fatalError("\(reader) wrote \(bytes.count) bytes of text that are not valid UTF-8")
        }
    }
}

/// Starts libFuzzer on `testOneInput`; each target's entry point returns what this returns.
///
/// SwiftPM links an executable with `main` renamed to `<Target>_main` (so tests can link
/// executables), which hides the `main` that `-sanitize=fuzzer` brings: each target therefore
/// defines `<Target>_main` itself and hands over to libFuzzer's driver here.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}
