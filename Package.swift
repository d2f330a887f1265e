// swift-tools-version:6.1
// Sablier: records retention manager for Quebec public bodies.

import PackageDescription

/// Upcoming features every Sablier target builds with (as Hummingbird does): explicit
/// existentials, imports visible only where written, and internal imports by default so a
/// module's public surface names exactly the modules it re-exposes.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Sablier",
    products: [
        .executable(name: "sablier", targets: ["sablier"]),
        .executable(name: "sablier-bench", targets: ["sablier-bench"]),
        // The readers of untrusted files, for the fuzzing package `Fuzz/` (a package sees only
        // another's products); nothing else links it.
        .library(
            name: "SablierReaders",
            targets: [
                "SablierCore", "SablierXML", "SablierCSV", "SablierOffice", "SablierExtraction", "SablierImport",
                "SablierStore", "SablierSQLite", "SablierRegister",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // The HTTP server (`sablier serve`): only SablierServer, SablierCommands and the server tests see it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // HTTP field names Hummingbird does not export (X-Frame-Options, X-CSRF-Token, …).
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // bcrypt for passwords (its HummingbirdBcrypt product alone: a C implementation, no server).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // The web pages: logic-less templates (SablierWeb only), and the forms that upload a file.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        // The PostgreSQL store (`--db postgres://…`): only SablierPostgres, SablierCommands and
        // the store tests see it, since it brings swift-nio-ssl (about 5 minutes of a cold build).
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev), behind a shim header.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SQLite's process-wide settings (sqlite3_config is variadic), behind a shim header.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The XSDs, shipped with the binary as resources; `schemas/` is their one home.
        .target(
            name: "SablierSchemas",
            path: "schemas",
            exclude: ["README.md"],
            resources: [.copy("gala.xsd"), .copy("calendrier.xsd")],
            swiftSettings: swiftSettings
        ),
        // Pure domain: calendar, rule, copy, period, disposition, diagnostics, validation, diff.
        .target(name: "SablierCore", swiftSettings: swiftSettings),
        // libxml2: safe parsing, XSD validation, GALA and native calendar codecs.
        .target(
            name: "SablierXML",
            dependencies: ["CLibXML2", "SablierCore", "SablierSchemas"],
            swiftSettings: swiftSettings
        ),
        // Personal information in text: detectors, masking, anonymization. Pure: no I/O, no dependency.
        .target(name: "SablierPrivacy", swiftSettings: swiftSettings),
        // Text out of documents (.txt .csv .html .xml .rtf .docx .odt .pdf), streamed, at the edge.
        .target(name: "SablierExtraction", dependencies: ["SablierOffice", "SablierCSV", "CSpawn"], swiftSettings: swiftSettings),
        // glibc's posix_spawn file action that closes every inherited descriptor (a GNU extension).
        .target(name: "CSpawn"),
        // CSV reading with line numbers, and the spreadsheet calendar layouts.
        .target(name: "SablierCSV", dependencies: ["SablierCore"], swiftSettings: swiftSettings),
        // OpenDocument and Office files: zip containers whose XML libxml2 reads (ODS spreadsheets).
        .target(
            name: "SablierOffice",
            dependencies: [
                "CLibXML2", "SablierCore", "SablierCSV", "SablierXML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // Recognises a calendar file's format, validates it and stores it as a new version.
        .target(
            name: "SablierImport",
            dependencies: [
                "SablierCore", "SablierXML", "SablierCSV", "SablierOffice", "SablierStore",
            ],
            swiftSettings: swiftSettings
        ),
        // The register's use cases: documents checked against the calendar in force, files
        // measured (SHA-256), CSV imports all-or-nothing.
        .target(
            name: "SablierRegister",
            dependencies: [
                "SablierCore", "SablierCSV", "SablierStore", .product(name: "Crypto", package: "swift-crypto"),
                "SablierPrivacy", "SablierExtraction",
            ],
            swiftSettings: swiftSettings
        ),
        // Messages for people outside Sablier: RFC 5322 mail handed to the system's sendmail.
        .target(
            name: "SablierMail",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), "CSpawn"],
            swiftSettings: swiftSettings
        ),
        // What the application needs from storage, independent of the backend.
        .target(
            name: "SablierStore",
            dependencies: ["SablierCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The embedded default backend: SQLite through GRDB.
        .target(
            name: "SablierSQLite",
            dependencies: [
                "SablierStore", "SablierCore", "CSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding values without intermediate arrays.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The shared backend for several servers and workers: PostgreSQL through PostgresNIO,
        // the same protocols, schema and migrations as SablierSQLite.
        .target(
            name: "SablierPostgres",
            dependencies: [
                "SablierStore", "SablierCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The application layer: one entry per use case, taking a session and a clock; checks
        // permission, visibility and input, has the change or the refusal audited, returns
        // Codable results or typed refusals. Names no backend and no command-line flag.
        .target(
            name: "SablierApplication",
            dependencies: [
                "SablierCore", "SablierStore", "SablierRegister", "SablierImport", "SablierXML",
                "SablierPrivacy", "SablierExtraction", "SablierMail",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP edge: the JSON API over the same use cases, on Hummingbird. It is handed an
        // opened `Sablier`; it names no backend.
        .target(
            name: "SablierServer",
            dependencies: [
                "SablierApplication", "SablierCore", "SablierCSV", "SablierMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web pages, in French first: server-rendered Mustache templates over the same use
        // cases as the API, behind the same sign-in. Added to the server's router by `serve`.
        .target(
            name: "SablierWeb",
            dependencies: [
                "SablierServer", "SablierApplication", "SablierCore", "SablierCSV",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            // Swift 6.3.1's optimizer crashes (signal 11, LLVM's coroutine splitting) on some of
            // the route closures in a release build; pages spend their time in the store and in
            // Mustache, both optimized, so this module alone is compiled as in debug.
            swiftSettings: swiftSettings + [.unsafeFlags(["-Onone"], .when(configuration: .release))]
        ),
        // The command-line interface: one ArgumentParser command per type; it parses, calls a
        // use case and renders. The SQLite backend is named only where the store is opened.
        .target(
            name: "SablierCommands",
            dependencies: [
                "SablierApplication", "SablierCore", "SablierStore", "SablierSQLite", "SablierPostgres", "SablierImport", "SablierRegister",
                "SablierMail", "SablierServer", "SablierWeb", "SablierCSV",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "sablier", dependencies: ["SablierCommands"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "sablier-bench",
            dependencies: [],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SablierTestSupport",
            dependencies: ["SablierCore"],
            path: "Tests/SablierTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SablierCoreTests", dependencies: ["SablierCore", "SablierTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SablierXMLTests",
            dependencies: ["SablierXML", "SablierCore", "SablierSchemas", "SablierTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierOfficeTests",
            dependencies: ["SablierOffice", "SablierCSV", "SablierCore", "SablierTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierPrivacyTests",
            dependencies: [
                "SablierPrivacy", "SablierExtraction", "SablierOffice", "SablierTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SablierMailTests", dependencies: ["SablierMail", "SablierTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SablierCSVTests", dependencies: ["SablierCSV", "SablierCore", "SablierTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SablierImportTests",
            dependencies: ["SablierImport", "SablierXML", "SablierCore", "SablierStore", "SablierSQLite", "SablierTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierStoreTests",
            dependencies: [
                "SablierStore", "SablierSQLite", "SablierPostgres", "SablierCore", "SablierRegister", "SablierImport", "SablierTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierRegisterTests",
            dependencies: [
                "SablierRegister", "SablierImport", "SablierStore", "SablierSQLite", "SablierCore", "SablierTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierApplicationTests",
            dependencies: [
                "SablierApplication", "SablierCore", "SablierStore", "SablierSQLite", "SablierImport", "SablierRegister", "SablierMail",
                "SablierTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierServerTests",
            dependencies: [
                "SablierServer", "SablierApplication", "SablierCore", "SablierStore", "SablierSQLite", "SablierImport",
                "SablierRegister", "SablierTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierWebTests",
            dependencies: [
                "SablierWeb", "SablierServer", "SablierApplication", "SablierCore", "SablierStore", "SablierSQLite",
                "SablierImport", "SablierRegister", "SablierTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SablierCommandsTests",
            // SablierPostgres: the `db copy` test makes and drops its target database.
            dependencies: ["SablierTestSupport", "SablierPostgres"],
            swiftSettings: swiftSettings
        ),
    ]
)
