// swift-tools-version: 6.1
import PackageDescription

/// appraise: checks candidates for new Party Committees against YAML eligibility rules.
///
/// Dependency order (each arrow is "may import"):
/// CLibYAML -> YAML; Diagnostics <- YAML, CEL; YAML + CEL -> RuleEngine -> Reports -> Screening
/// -> Server -> appraise; RuleEngine -> LanguageServer -> appraise.
/// CEL never imports YAML; Reports does no I/O; Screening reads input files but never prints;
/// only `appraise` touches terminals and writes report files.
let package = Package(
    name: "appraise",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "appraise", targets: ["appraise"]),
        .library(name: "RuleEngine", targets: ["RuleEngine"]),
        // YAML, CEL and Reports are products so that the fuzz package (Fuzz/) can build them alone.
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "CEL", targets: ["CEL"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "YAML", dependencies: ["CLibYAML", "Diagnostics"]),
        .target(name: "CEL", dependencies: ["Diagnostics"]),
        .target(
            name: "RuleEngine",
            dependencies: [
                "YAML", "CEL", "Diagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Reports",
            dependencies: ["RuleEngine", "Diagnostics", .product(name: "Crypto", package: "swift-crypto")]  // keyed id pseudonyms
        ),
        .target(name: "LanguageServer", dependencies: ["RuleEngine", "CEL", "YAML", "Diagnostics"]),
        .target(
            name: "Screening",
            dependencies: [
                "YAML", "CEL", "RuleEngine", "Reports", "Diagnostics",
            ],
            plugins: ["EmbedShippedRules"]  // rules/ inside the library, so an installed appraise works
        ),
        .target(
            name: "Server",
            dependencies: [
                "Screening", "YAML", "CEL", "RuleEngine", "Reports", "Diagnostics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["WebApp/Assets"],  // embedded by the plugin, served from the binary
            plugins: ["EmbedWebAssets"]
        ),
        .executableTarget(
            name: "appraise",
            dependencies: [
                "YAML", "CEL", "RuleEngine", "Reports", "Diagnostics", "Screening", "Server", "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "EmbedRulesTool", path: "Plugins/EmbedRulesTool"),
        .plugin(name: "EmbedShippedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .plugin(name: "EmbedWebAssets", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .executableTarget(
            name: "appraise-bench",
            dependencies: [
                "YAML", "CEL", "RuleEngine", "Reports", "Diagnostics", "Screening", "SeededRandom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic test data for the bench's generator and randomised tests; no Testing import, so
        // appraise-bench links no test library.
        .target(name: "SeededRandom"),
        .target(name: "TestSupport", dependencies: ["Diagnostics", "SeededRandom"], path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CELTests", dependencies: ["CEL", "TestSupport"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "RuleEngine", "TestSupport"]),
        .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine", "Reports", "Screening", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "TestSupport"],
            exclude: ["Golden", "Schemas"]  // read through #filePath, so no bundle is needed
        ),
        .testTarget(name: "ScreeningTests", dependencies: ["Screening", "RuleEngine", "CEL", "TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Screening", "RuleEngine", "CEL", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["SlowRules"]  // read through #filePath
        ),
        .testTarget(
            name: "CLITests", dependencies: ["TestSupport", "appraise", "YAML"],  // YAML: the redaction test reads every scalar
            exclude: ["Hostile", "Rules", "Lint", "RulesTest"]  // read through #filePath by the built appraise
        ),
    ],
    swiftLanguageModes: [.v6]
)
