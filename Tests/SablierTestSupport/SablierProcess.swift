public import Foundation

/// Runs the real `sablier` executable, as a person or cron would, and captures what it prints.
public enum SablierProcess {
    /// What one run printed and returned.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built executable: next to the running test bundle, as SwiftPM lays them out.
    public static let executable: URL = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = me.deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("sablier")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return Fixtures.root.appendingPathComponent(".build/debug/sablier")
    }()

    /// Runs `sablier` with the arguments, in `directory`, with extra environment variables.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SABLIER_DB")
        // Tests act as the records manager of the standard cast unless they say otherwise.
        env["SABLIER_USER"] = "gestion.doc"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so neither stream can fill a pipe and block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The users every end-to-end test may act as: name, unit, roles.
    public static let cast: [(name: String, unit: String, roles: [String])] = [
        ("gestion.doc", "Secrétariat général", ["gestion-documentaire"]),
        ("archiviste", "Secrétariat général", ["gestion-documentaire"]),
        ("technicien", "Secrétariat général", ["gestion-documentaire"]),
        ("directrice", "Secrétariat général", ["gestion-documentaire"]),
        ("alice", "Secrétariat général", ["gestion-documentaire"]),
        ("gd", "Secrétariat général", ["gestion-documentaire"]),
        ("aiprp", "Secrétariat général", ["aiprp"]),
        ("verif", "Vérification interne", ["verificateur"]),
        ("csgi", "Sécurité de l'information", ["csgi"]),
        ("rh.agent", "Ressources humaines", ["utilisateur"]),
        ("rh.chef", "Ressources humaines", ["detenteur"]),
    ]

    /// A store with its first user (`admin`, RSI) and the `cast`, created once through the real
    /// binary (`sablier init`, `sablier user add`) and copied for each test.
    /// Its audit key and head file are copied beside it, as `sablier init` left them.
    public static func prepareStore(at path: String) throws {
        try FileManager.default.copyItem(atPath: template, toPath: path)
        for suffix in [".audit-key", ".audit-key.head"] {
            try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    private static let template: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-users-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("template.sqlite").path
        let initialised = try! run(["init", "--admin", "admin", "--db", db])
        precondition(initialised.status == 0, "sablier init failed: \(initialised.stderr)")
        for user in cast {
            let added = try! run(["user", "add", user.name, "--unit", user.unit] + user.roles.flatMap { ["--role", $0] } + ["--db", db, "--as", "admin"])
            precondition(added.status == 0, "sablier user add \(user.name) failed: \(added.stderr)")
        }
        return db
    }()
}
