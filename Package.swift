// swift-tools-version: 6.1
import PackageDescription

// Upcoming-feature flags every Swift target shares: explicit `any`, imports that say
// what they expose, and member lookup limited to what a file imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Footage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "footage", targets: ["footage"]),
        .executable(name: "footage-probe-worker", targets: ["footage-probe-worker"]),
        .executable(name: "footage-index-worker", targets: ["footage-index-worker"]),
        .library(name: "FootageModel", targets: ["FootageModel"]),
        .library(name: "ContainerIndex", targets: ["ContainerIndex"]),
        .library(name: "MediaProbe", targets: ["MediaProbe"]),
        .library(name: "ProbeIsolation", targets: ["ProbeIsolation"]),
        .library(name: "TimingClaims", targets: ["TimingClaims"]),
        .library(name: "Exports", targets: ["Exports"]),
        .library(name: "MediaAnalysis", targets: ["MediaAnalysis"]),
        .library(name: "Casework", targets: ["Casework"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat libavcodec libavutil libswscale libswresample",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev", "libswresample-dev"])]
        ),
        .target(name: "FootageModel", swiftSettings: strictSettings),
        // MP4/MOV sample tables and Matroska cues read with plain file I/O: no libav.
        .target(name: "ContainerIndex", dependencies: ["FootageModel"], swiftSettings: strictSettings),
        .target(name: "MediaProbe", dependencies: ["CFFmpeg", "FootageModel", "ContainerIndex"], swiftSettings: strictSettings),
        .target(name: "ProbeIsolation", dependencies: ["CFFmpeg", "FootageModel", "MediaProbe"], swiftSettings: strictSettings),
        // Reads an MP4/MOV keyframe list from the sample tables alone: starts in a few
        // milliseconds because it links neither libav nor Foundation's larger parts.
        .executableTarget(
            name: "footage-index-worker",
            dependencies: ["ContainerIndex", "FootageModel"],
            swiftSettings: strictSettings,
            linkerSettings: [.unsafeFlags(["-static-stdlib"])]
        ),
        // The probe worker: a separate small executable, so that a worker loads only FFmpeg and the probe.
        .executableTarget(name: "footage-probe-worker", dependencies: ["ProbeIsolation"], swiftSettings: strictSettings),
        // `footage probe --keyframes`: the index worker first, a probe worker's scan where it cannot answer.
        .target(
            name: "KeyframeListing",
            dependencies: ["ContainerIndex", "FootageModel", "MediaProbe", "ProbeIsolation"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MediaAnalysis",
            dependencies: ["CFFmpeg", "FootageModel", "MediaProbe", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "CVaultShim"),
        .target(name: "CExportsSystem"),
        .target(
            name: "Exports",
            dependencies: [
                "FootageModel", "CExportsSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "bench-bag", dependencies: ["Exports"], swiftSettings: strictSettings),
        .target(
            name: "TimingClaims",
            dependencies: ["FootageModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Vault",
            dependencies: ["FootageModel", "CVaultShim", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Catalogue",
            dependencies: ["FootageModel", "Vault", "TimingClaims", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Casework",
            dependencies: ["Catalogue", "MediaAnalysis", "MediaProbe", "FootageModel", "TimingClaims"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "footage",
            dependencies: [
                "FootageModel", "MediaProbe", "MediaAnalysis", "ProbeIsolation", "Catalogue", "Vault", "TimingClaims",
                "Casework", "Exports", "KeyframeListing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "FootageModelTests", dependencies: ["FootageModel"], swiftSettings: strictSettings),
        .testTarget(name: "MediaProbeTests", dependencies: ["MediaProbe", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "TimingClaimsTests",
            dependencies: [
                "TimingClaims", "FootageModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ExportsTests", dependencies: ["Exports", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ContainerIndexTests", dependencies: ["ContainerIndex", "MediaProbe", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "IsolationTests", dependencies: ["ProbeIsolation", "MediaProbe", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "KeyframeListingTests",
            dependencies: ["KeyframeListing", "ContainerIndex", "FootageModel", "MediaProbe", "ProbeIsolation", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "VaultTests", dependencies: ["Vault", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "CatalogueTests",
            dependencies: ["Catalogue", "Vault", "FootageModel", "MediaProbe", "TestSupport", "TimingClaims",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MediaAnalysisTests",
            dependencies: ["MediaAnalysis", "FootageModel", "TestSupport", "Catalogue", "Vault",
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CaseworkTests",
            dependencies: ["Casework", "Catalogue", "MediaAnalysis", "MediaProbe", "Vault", "FootageModel", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CheckTests",
            dependencies: ["Casework", "MediaAnalysis", "MediaProbe", "TimingClaims", "FootageModel", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["Catalogue", "Vault", "FootageModel", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
