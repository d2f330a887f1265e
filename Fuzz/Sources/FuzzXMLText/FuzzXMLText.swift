import FuzzSupport
import SablierExtraction

/// libFuzzer's entry: the input as a `.xml` file read by `TextExtractor`, as a privacy scan
/// reads a document; its text must come out as valid UTF-8, and nothing may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size, extension: "xml")
    var text = ExtractedText()
    _ = try? TextExtractor().extract(fileAt: path) { text.append($0) }
    text.requireUTF8("the .xml extractor")
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzXMLText_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
