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
        .library(name: "TimingClaims", targets: ["TimingClaims"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
            name: "TimingClaims",
            dependencies: ["FootageModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "footage",
            dependencies: [
                "FootageModel", "MediaProbe", "TimingClaims",
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
    ]
)
