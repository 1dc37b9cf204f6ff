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
        .library(name: "FootageModel", targets: ["FootageModel"]),
        .library(name: "MediaProbe", targets: ["MediaProbe"]),
        .library(name: "MediaAnalysis", targets: ["MediaAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat libavcodec libavutil libswscale libswresample",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev", "libswresample-dev"])]
        ),
        .target(name: "FootageModel", swiftSettings: strictSettings),
        .target(name: "MediaProbe", dependencies: ["CFFmpeg", "FootageModel"], swiftSettings: strictSettings),
        .target(
            name: "MediaAnalysis",
            dependencies: ["CFFmpeg", "FootageModel", "MediaProbe", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "footage",
            dependencies: [
                "FootageModel", "MediaProbe", "MediaAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "FootageModelTests", dependencies: ["FootageModel"], swiftSettings: strictSettings),
        .testTarget(name: "MediaProbeTests", dependencies: ["MediaProbe", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ContainerIndexTests", dependencies: ["MediaProbe", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "MediaAnalysisTests",
            dependencies: ["MediaAnalysis", "FootageModel", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
    ]
)
