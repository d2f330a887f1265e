import FuzzSupport
import SablierCore
import SablierXML

/// libFuzzer's entry: the input as a GALA calendar, read (streamed, or through its tree when
/// it needs mending), then validated and applied to an empty calendar as an import would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var streamed = 0
    var submission = GALACalendarReader.read(bytes: FuzzInput.bytes(data, size), file: "fuzz.xml", mapped: { _ in streamed += 1 })
    _ = CalendarValidator.validate(&submission)
    _ = CalendarDelta.apply(submission, to: nil)
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzGALACalendar_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
