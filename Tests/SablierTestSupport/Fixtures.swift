public import Foundation

/// Paths of the repository's own files, so tests read real inputs without depending on `../shared`.
public enum Fixtures {
    /// The repository root, found from this source file's path.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static func calendar(_ relativePath: String) -> URL {
        root.appendingPathComponent("calendars").appendingPathComponent(relativePath)
    }

    public static func schema(_ name: String) -> URL {
        root.appendingPathComponent("schemas").appendingPathComponent(name)
    }

    /// The real GALA files, the real spreadsheet and the native example, as `calendars/` holds them.
    public static let udemGALA = calendar("udem-constellio-demo/demo.xml")
    public static let hbGALA = calendar("gala-example-hbarchivistes/CalendrierConservationGala.xml")
    public static let hbCSV = calendar("gala-example-hbarchivistes/CalendrierConservationExemple.csv")
    public static let valcourtCSV = calendar("valcourt-admq-2015/ValcourtADMQ_2015-11-09.csv")
    public static let exampleNative = calendar("exemple-css/calendrier-exemple-css.xml")

    /// The example register (`examples/registre-exemple.csv`) and the files it names.
    public static let examples = root.appendingPathComponent("examples")
    public static let exampleRegister = examples.appendingPathComponent("registre-exemple.csv")
}

extension TemporaryDirectory {
    /// Copies `examples/` into the directory and returns the copy of the register CSV, so a
    /// test that measures, changes or deletes the files never touches the repository's.
    public func copyExamples() throws -> URL {
        let target = file("examples")
        try FileManager.default.copyItem(at: Fixtures.examples, to: target)
        return target.appendingPathComponent("registre-exemple.csv")
    }
}

/// A fresh temporary directory, removed when the value is deinitialised… by the caller, with `remove()`.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "sablier-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes text to a file in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        let target = file(name)
        try Data(text.utf8).write(to: target)
        return target
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
