// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Upcoming-feature flags every Swift target shares: explicit `any`, imports that say
// what they expose, and member lookup limited to what a file imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// The Swift runtime and Foundation linked into each executable, so that starting one maps a few
// large files instead of loading and relocating a dozen shared libraries.
let staticRuntime: [LinkerSetting] = [.unsafeFlags([
    "-static-stdlib",
    // Foundation's static archives and the archives they need, in link order: the objects were
    // compiled against the shared Foundation, which names only itself.
    "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation",
    "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization",
])]

// Most of a media command's start-up is the dynamic loader binding symbols: Debian's FFmpeg
// libraries bring about 130 others, all bound at load, and each of some 26,000 lookups walks the
// libraries in load order until one defines the symbol. Naming the libraries where the most
// lookups end (counted with LD_DEBUG=bindings; libcrypto alone is a quarter) as direct
// dependencies moves them from the back of that order to the front: `footage-full --version`
// went from 73 to 64 ms. Which library defines each symbol is unchanged; those not installed
// are left out.
let librarySearchOrder: [LinkerSetting] = {
    let mostSearched = [
        "libc.so.6", "libcrypto.so.3", "libglib-2.0.so.0", "libgio-2.0.so.0", "libnettle.so.8", "libmbedcrypto.so.7",
        "libunistring.so.2", "libpango-1.0.so.0", "libharfbuzz.so.0", "liblcms2.so.2", "libhogweed.so.6",
        "libmount.so.1", "libpng16.so.16",
    ]
    let folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]
    let present = mostSearched.filter { name in folders.contains { FileManager.default.fileExists(atPath: "\($0)/\(name)") } }
    let names = present.flatMap { ["-Xlinker", "-l:" + $0] }
    return [.unsafeFlags(["-Xlinker", "--push-state", "-Xlinker", "--no-as-needed"] + names + ["-Xlinker", "--pop-state"])]
}()

let package = Package(
    name: "Footage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "footage", targets: ["footage"]),
        .executable(name: "footage-lean", targets: ["footage-lean"]),
        .executable(name: "footage-full", targets: ["footage-full"]),
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
        .library(name: "FootageCommands", targets: ["FootageCommands"]),
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
        // The parent's side of probing: pool, spawning, deadlines, limits; it never links FFmpeg.
        .target(name: "ProbeIsolation", dependencies: ["FootageModel"], swiftSettings: strictSettings),
        // The worker's side: serves requests with MediaProbe.
        .target(name: "ProbeWorkerService", dependencies: ["FootageModel", "MediaProbe", "ProbeIsolation"], swiftSettings: strictSettings),
        // The probe worker: a separate small executable, so that a worker loads only FFmpeg and the probe.
        .executableTarget(name: "footage-probe-worker", dependencies: ["ProbeWorkerService"],
                          swiftSettings: strictSettings, linkerSettings: staticRuntime + librarySearchOrder),
        // Reads an MP4/MOV keyframe list from the sample tables alone: starts in a few
        // milliseconds because it links neither libav nor Foundation's larger parts.
        .executableTarget(name: "footage-index-worker", dependencies: ["ContainerIndex", "FootageModel"],
                          swiftSettings: strictSettings, linkerSettings: staticRuntime),
        // `footage probe --keyframes`: the index worker first, a probe worker's scan where it cannot answer.
        .target(name: "KeyframeListing", dependencies: ["ContainerIndex", "FootageModel", "ProbeIsolation"],
                swiftSettings: strictSettings),
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
        // The check itself: reads the catalogue and stores verdicts; media work comes from outside.
        .target(name: "CheckCore", dependencies: ["Catalogue", "FootageModel", "TimingClaims"], swiftSettings: strictSettings),
        .target(
            name: "Casework",
            dependencies: ["Catalogue", "CheckCore", "MediaAnalysis", "MediaProbe", "FootageModel", "TimingClaims"],
            swiftSettings: strictSettings
        ),
        // The commands that need no media libraries in their own process: nothing here may reach CFFmpeg.
        .target(
            name: "FootageCommands",
            dependencies: [
                "FootageModel", "ProbeIsolation", "Catalogue", "CheckCore", "Vault", "TimingClaims", "Exports", "KeyframeListing",
                "LaunchRule", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Which commands `footage-lean` runs: one rule in C, for `footage` and `footage-lean` alike.
        .target(name: "LaunchRule"),
        // `footage`: a small C program that hands each command line to `footage-lean` or `footage-full`.
        // Linked statically, it starts in about a millisecond with nothing to load, and needs no
        // Swift runtime where it is installed (the driver adds one to any executable it links).
        .executableTarget(name: "footage", dependencies: ["LaunchRule"],
                          linkerSettings: [.unsafeFlags(["-static-executable"])]),
        // `footage-lean`: runs the commands of FootageCommands, loading no media library.
        .executableTarget(name: "footage-lean", dependencies: ["FootageCommands"], swiftSettings: strictSettings,
                          linkerSettings: staticRuntime),
        // `footage-full`: the whole command tree, media commands included.
        .executableTarget(
            name: "footage-full",
            dependencies: [
                "FootageCommands", "FootageModel", "MediaProbe", "MediaAnalysis", "ProbeIsolation", "Catalogue", "Vault",
                "TimingClaims", "CheckCore", "Casework", "Exports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            linkerSettings: staticRuntime + librarySearchOrder
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
        .testTarget(name: "IsolationTests", dependencies: ["ProbeIsolation", "ProbeWorkerService", "MediaProbe", "FootageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "FootageCommands", "LaunchRule"], swiftSettings: strictSettings),
        .testTarget(
            name: "KeyframeListingTests",
            dependencies: ["KeyframeListing", "ContainerIndex", "FootageModel", "ProbeIsolation", "TestSupport"],
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
            dependencies: ["Casework", "CheckCore", "Catalogue", "MediaAnalysis", "MediaProbe", "TimingClaims", "FootageModel",
                           "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["Catalogue", "Vault", "FootageModel", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
