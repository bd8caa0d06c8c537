// swift-tools-version:6.0
import PackageDescription

/// Swift 6 language mode: complete strict concurrency checking in every target.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "verwijsindex",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "SignalIntake", targets: ["SignalIntake"]),
    .executable(name: "Matcher", targets: ["Matcher"]),
    .executable(name: "Notifier", targets: ["Notifier"]),
    .executable(name: "Retention", targets: ["Retention"]),
    .executable(name: "vi", targets: ["vi"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
    .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
    .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
    .package(url: "https://github.com/jpsim/Yams.git", exact: "5.0.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CRdkafka",
      pkgConfig: "rdkafka",
      providers: [.apt(["librdkafka-dev (2.8 or newer; scripts/install-librdkafka.sh builds it)"])]
    ),
    .target(
      name: "Shared",
      dependencies: [
        "CRdkafka",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "SignalIntake", dependencies: ["Shared"], swiftSettings: swiftSettings),
    .executableTarget(name: "Matcher", dependencies: ["Shared"], swiftSettings: swiftSettings),
    .target(
      name: "SMTPClient",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "Notifier",
      dependencies: ["Shared", "SMTPClient", .product(name: "Mustache", package: "swift-mustache")],
      resources: [.copy("Templates")],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "Retention", dependencies: ["Shared"], swiftSettings: swiftSettings),
    .executableTarget(
      name: "vi",
      dependencies: [
        "Shared",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/VICLI",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "BenchmarkSupport",
      dependencies: [
        "Shared",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "IntakeBenchmark",
      dependencies: [
        "BenchmarkSupport",
        "Shared",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "MatcherBenchmark",
      dependencies: [
        "BenchmarkSupport",
        "TestSupport",
        "Shared",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(name: "TestTags", path: "Tests/TestTags", swiftSettings: swiftSettings),
    .target(
      name: "TestSupport",
      dependencies: [
        "Shared",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      path: "Tests/TestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SharedTests",
      dependencies: [
        "TestTags",
        "Shared", "CRdkafka",
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["Events/Samples"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SignalIntakeTests",
      dependencies: [
        "TestTags", "SignalIntake", "Shared",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "MatcherTests",
      dependencies: [
        "TestTags",
        "TestSupport",
        "Matcher", "Shared",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "NotifierTests",
      dependencies: [
        "TestTags",
        "TestSupport",
        "Notifier", "Shared", "SMTPClient",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "RetentionTests",
      dependencies: [
        "TestTags",
        "TestSupport",
        "Retention", "Shared",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SMTPClientTests",
      dependencies: [
        "TestTags",
        "SMTPClient",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SystemTests",
      dependencies: [
        "TestTags",
        "TestSupport",
        "Shared",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
