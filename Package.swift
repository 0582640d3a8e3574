// swift-tools-version:6.0
// railslot: train scheduling and slot allocation as a MIP solved by GLPK.
// GPL-3.0-or-later (it links GLPK, which is GPL-3.0-or-later).
import PackageDescription

let package = Package(
    name: "railslot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "railslot", targets: ["railslot"]),
        .executable(name: "railslot-bench", targets: ["railslot-bench"]),
        .library(name: "MIP", targets: ["MIP"]),
        .library(name: "GLPKBackend", targets: ["GLPKBackend"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // Debian's libglpk-dev ships no pkg-config file: the module map names the header and library.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // Solver-independent MIP modelling layer: no railway words, no GLPK.
        .target(
            name: "MIP",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        // The only target that imports CGLPK.
        .target(
            name: "GLPKBackend",
            dependencies: ["MIP", "CGLPK", .product(name: "Logging", package: "swift-log")]
        ),
        // Backend-independent conformance cases (MathOptInterface style), run by each backend's tests.
        .target(
            name: "MIPConformance",
            dependencies: ["MIP"]
        ),
        // Railways: corridor, trains, time, timetable, objective and the independent validator. No MIP, no GLPK.
        .target(
            name: "RailDomain",
            dependencies: [.product(name: "Tagged", package: "swift-tagged")]
        ),
        // Instance (JSON/YAML) and timetable (JSON) files to and from the domain, with errors that name the place.
        .target(
            name: "RailFormats",
            dependencies: ["RailDomain", .product(name: "Yams", package: "Yams")]
        ),
        // What planners read: text table with KPIs, CSV, time-distance diagram and Gantt (SVG/HTML),
        // railML 2.x, and the comparison of two timetables. No MIP, no GLPK.
        .target(
            name: "RailReports",
            dependencies: ["RailDomain", "RailFormats", .product(name: "CSV", package: "CSV.swift")]
        ),
        // Many instances at once: batch runs (resumable, sharded), merged summaries, what-if variants.
        .target(
            name: "RailBatch",
            dependencies: ["RailDomain", "RailFormats", "RailFormulation", "MIP", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Railways to MIP and back: time-indexed model, decoder, solve strategy. Knows GLPK only as a MIPSolver.
        .target(
            name: "RailFormulation",
            dependencies: ["RailDomain", "MIP"]
        ),
        // The benchmark: `swift run -c release railslot-bench` (results in BENCHMARKS.md).
        .executableTarget(
            name: "railslot-bench",
            dependencies: [
                "GLPKBackend", "RailDomain", "RailFormats", "RailFormulation", "RailScenarios",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Seeded random corridors and trains, for tests and benchmarks.
        .target(
            name: "RailScenarios",
            dependencies: ["RailDomain"]
        ),
        .executableTarget(
            name: "railslot",
            dependencies: [
                "MIP", "GLPKBackend", "RailDomain", "RailFormats", "RailFormulation", "RailReports", "RailBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MIPTests", dependencies: ["MIP"]),
        .testTarget(name: "RailDomainTests", dependencies: ["RailDomain", "RailFormats"]),
        .testTarget(
            name: "RailReportsTests",
            dependencies: ["RailReports", "RailDomain", "RailFormats", "RailFormulation", "GLPKBackend", .product(name: "CSV", package: "CSV.swift")]
        ),
        .testTarget(
            name: "RailFormulationTests",
            dependencies: ["RailFormulation", "RailDomain", "RailFormats", "RailScenarios", "MIP", "GLPKBackend"]
        ),
        // End to end through the built `railslot` executable (the dependency makes SwiftPM build it first).
        .testTarget(name: "RailslotCLITests", dependencies: ["railslot", "RailDomain", "RailFormats", "RailScenarios", "RailFormulation", "RailBatch"]),
        .testTarget(name: "RailBatchTests", dependencies: ["RailBatch", "RailDomain", "RailFormats"]),
        .testTarget(
            name: "GLPKBackendTests",
            dependencies: ["MIP", "GLPKBackend", "MIPConformance"]
        ),
    ]
)
