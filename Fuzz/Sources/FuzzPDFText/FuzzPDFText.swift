import FuzzSupport
import SablierExtraction

/// libFuzzer's entry: the input as a `.pdf` file read by `TextExtractor`, as a privacy scan
/// reads a document, through `pdftotext`: a process of its own per input, so a few executions a
/// second, and only Sablier's side of it is instrumented. Its text must come out as valid UTF-8,
/// and nothing may crash or hang (`pdftotext` is stopped after 5 s here, under libFuzzer's 10).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size, extension: "pdf")
    var text = ExtractedText()
    _ = try? TextExtractor(limits: ExtractionLimits(pdfTimeout: 5)).extract(fileAt: path) { text.append($0) }
    text.requireUTF8("the .pdf extractor")
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzPDFText_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
