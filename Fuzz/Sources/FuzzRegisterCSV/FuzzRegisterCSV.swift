import Foundation
import FuzzSupport
import SablierCore
import SablierImport
import SablierRegister
import SablierSQLite
import SablierStore

/// The instant every import is recorded at: fixed, so a run replays.
let recordedAt = Date(timeIntervalSince1970: 1_795_000_000)

/// A real store, made once per process in the run's temporary folder with its audit key (a
/// store without one refuses every change): the example calendar
/// (`calendars/exemple-css`) imported and the example register's two boxes added, so rows can
/// name real rules, copies and boxes.
let store: SQLiteStore = {
    let calendar = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("calendars/exemple-css/calendrier-exemple-css.xml")
    let made = waitFor {
        let path = FuzzInput.folder.appendingPathComponent("register.sqlite").path
        _ = try AuditKey.create(AuditKey.defaultFile(forStore: path))
        let store = try SQLiteStore(path: path)
        _ = try await CalendarImporter(store: store).importFile(path: calendar.path, actor: "fuzz", now: recordedAt)
        try await store.addBox(Box(code: "B-2023-RF-01"), by: "fuzz", at: recordedAt)
        try await store.addBox(Box(code: "B-2014-RF-01"), by: "fuzz", at: recordedAt)
        return store
    }
    switch made {
    case .success(let store): return store
    case .failure(let error): fatalError("the fuzzing store cannot be made: \(error)")
    }
}()

/// libFuzzer's entry: the input imported as a register CSV, all or nothing (a file with any
/// bad row writes nothing; a good one is registered, so the store grows a little over a run).
/// The files its `path` column names are not read (`readsFiles: false`): which files the
/// register may open is the file roots' concern, tested on its own, and a fuzzer must not
/// wander the machine's files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size, extension: "csv")
    let store = store
    _ = waitFor {
        try await DocumentRegistrar(store: store).importCSV(path: path, skipInvalid: false, actor: "fuzz", now: recordedAt, readsFiles: false)
    }
    return 0
}

/// The process's entry point (SwiftPM's name for `main`): libFuzzer, on `fuzz`.
@_cdecl("FuzzRegisterCSV_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
