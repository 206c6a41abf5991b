// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for appraise, kept out of the root package so that its `swift build` and
/// `swift test` never build or instrument them. Build and run them with `scripts/fuzz.sh`,
/// which passes `-sanitize=fuzzer,address` and `-parse-as-library` (each target defines
/// `LLVMFuzzerTestOneInput` through `@_cdecl` and has no Swift `main`). SwiftPM links an
/// executable with `main` aliased to `<module>_main`; each target defines that symbol and
/// hands control to `LLVMFuzzerRunDriver`, so libFuzzer's usual flags all work.
let package = Package(
    name: "appraise-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "appraise", path: "..")],
    targets: [
        /// Declares `LLVMFuzzerRunDriver` for Swift (no code of its own).
        .target(name: "FuzzerDriver"),
        /// Bytes → YAML nodes.
        .executableTarget(
            name: "fuzz-yaml",
            dependencies: ["FuzzerDriver", .product(name: "YAML", package: "appraise")]
        ),
        /// Text → checked CEL program → value.
        .executableTarget(
            name: "fuzz-cel",
            dependencies: ["FuzzerDriver", .product(name: "CEL", package: "appraise")]
        ),
        /// Rule file bytes → loaded, compiled and linted rule set → findings on the base dossier.
        .executableTarget(
            name: "fuzz-rules",
            dependencies: ["FuzzerDriver", .product(name: "RuleEngine", package: "appraise")]
        ),
        /// Dossier bytes → findings of the shipped rules.
        .executableTarget(
            name: "fuzz-dossier",
            dependencies: [
                "FuzzerDriver",
                .product(name: "RuleEngine", package: "appraise"),
                .product(name: "Reports", package: "appraise"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
