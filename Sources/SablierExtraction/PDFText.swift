import Dispatch
import Foundation

/// The text of a PDF through poppler's `pdftotext` (`poppler-utils`, installed by
/// `scripts/setup.sh` and CI), run as a separate process so a hostile PDF cannot take Sablier
/// down: its output is read as it comes (bounded memory), it is stopped after a timeout, and
/// its exit status says why a file was not read (damaged, encrypted).
struct PDFText {
    let executable: String?
    let timeout: Double

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

    func extract(_ path: String, into sink: ExtractedTextSink) throws {
        guard let tool = Self.locate(executable), FileManager.default.isExecutableFile(atPath: tool) else {
            throw ExtractionError(.toolMissing, "pdftotext (poppler-utils) is not installed: run scripts/setup.sh")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExtractionError(.toolMissing, "pdftotext cannot be started (\(TextExtractor.reason(error)))")
        }
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let reader = output.fileHandleForReading
        // pdftotext's output is UTF-8; a chunk may end inside a scalar, which the transcoder holds back.
        var transcoder = Transcoder()
        var converted: [UInt8] = []
        while true {
            let data = reader.availableData
            if data.isEmpty { break }
            converted.removeAll(keepingCapacity: true)
            data.withUnsafeBytes { transcoder.convert($0, into: &converted) }
            if !converted.isEmpty { converted.withUnsafeBytes { sink($0) } }
        }
        converted.removeAll(keepingCapacity: true)
        transcoder.convert(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &converted)
        if !converted.isEmpty { converted.withUnsafeBytes { sink($0) } }
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw ExtractionError(.unreadable, "pdftotext was stopped after \(Int(timeout)) s or crashed on this PDF (signal \(process.terminationStatus))")
        }
        switch process.terminationStatus {
        case 0: return
        case 1: throw ExtractionError(.unreadable, "pdftotext cannot open the PDF: it is damaged, truncated or password-protected")
        case 3: throw ExtractionError(.unreadable, "the PDF's permissions forbid copying its text")
        default: throw ExtractionError(.unreadable, "pdftotext failed on the PDF (exit status \(process.terminationStatus))")
        }
    }
}
