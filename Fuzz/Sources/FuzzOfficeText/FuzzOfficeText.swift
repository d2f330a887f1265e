import FuzzSupport
import SablierExtraction

/// libFuzzer's entry: the input as a `.docx` file read by `TextExtractor`, as a privacy scan
/// reads a document (a Word or OpenDocument package: its content says which, whatever its
/// name); its text must come out as valid UTF-8, and nothing may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size, extension: "docx")
    var text = ExtractedText()
    _ = try? TextExtractor().extract(fileAt: path) { text.append($0) }
    text.requireUTF8("the .docx extractor")
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzOfficeText_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
