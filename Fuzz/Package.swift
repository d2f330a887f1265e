// swift-tools-version:6.1
// Sablier's fuzzing targets: a package of its own, so the main package's `swift build` and
// `swift test` neither build nor link libFuzzer. Built and run by `scripts/fuzz.sh`.

import PackageDescription

/// The same upcoming features as every Sablier target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// One libFuzzer executable per reader, calling the public reading API of the modules of
/// `SablierReaders` (the main package's product of its readers).
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "SablierReaders", package: "Sablier")],
        swiftSettings: swiftSettings
    )
}

let package = Package(
    name: "SablierFuzz",
    dependencies: [
        .package(name: "Sablier", path: ".."),
    ],
    targets: [
        // libFuzzer's driver, declared (compiler-rt links it with `-sanitize=fuzzer`).
        .systemLibrary(name: "CLibFuzzer"),
        // What every target shares: libFuzzer started from the target's entry point, an input
        // written to a file, an async call waited for.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], swiftSettings: swiftSettings),
        // Calendars: GALA XML, the native XML, spreadsheets (CSV and OpenDocument).
        fuzzTarget("FuzzGALACalendar"),
        fuzzTarget("FuzzNativeCalendar"),
        fuzzTarget("FuzzSpreadsheetCalendar"),
        // The register CSV, imported into a real SQLite store.
        fuzzTarget("FuzzRegisterCSV"),
        // The text extractors, each through `TextExtractor` on a file of its extension.
        fuzzTarget("FuzzPlainText"),
        fuzzTarget("FuzzCSVText"),
        fuzzTarget("FuzzHTMLText"),
        fuzzTarget("FuzzXMLText"),
        fuzzTarget("FuzzRTFText"),
        fuzzTarget("FuzzOfficeText"),
        fuzzTarget("FuzzPDFText"),
    ]
)
