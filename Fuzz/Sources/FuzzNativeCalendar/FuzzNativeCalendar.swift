import FuzzSupport
import SablierCore
import SablierXML

/// libFuzzer's entry: the input as a calendar in Sablier's own XML, read, then validated and
/// applied to an empty calendar as an import would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var submission = NativeCalendarReader.read(bytes: FuzzInput.bytes(data, size), file: "fuzz.xml")
    _ = CalendarValidator.validate(&submission)
    _ = CalendarDelta.apply(submission, to: nil)
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzNativeCalendar_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
