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
    .executable(name: "SignalIntake", targets: ["SignalIntakeExecutable"]),
    .executable(name: "Matcher", targets: ["MatcherExecutable"]),
    .executable(name: "Notifier", targets: ["NotifierExecutable"]),
    .executable(name: "Retention", targets: ["RetentionExecutable"]),
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
      name: "KafkaClient",
      dependencies: [
        "CRdkafka",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "JOSE",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Contract",
      dependencies: ["JOSE", "KafkaClient", "Rules", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ServiceKit",
      dependencies: [
        "Contract", "KafkaClient",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Registry",
      dependencies: [
        "Contract", "KafkaClient", "ServiceKit",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(name: "Rules", swiftSettings: swiftSettings),
    .target(
      name: "SignalIntake",
      dependencies: [
        "Contract", "JOSE", "KafkaClient", "Registry", "Rules", "ServiceKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Matcher",
      dependencies: [
        "Contract", "JOSE", "KafkaClient", "Registry", "Rules", "ServiceKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "SMTPClient",
      dependencies: [
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Notifier",
      dependencies: [
        "Contract", "KafkaClient", "Registry", "ServiceKit", "SMTPClient",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Templates")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Retention",
      dependencies: [
        "Contract", "KafkaClient", "Rules", "ServiceKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "SignalIntakeExecutable", dependencies: ["SignalIntake"], path: "Sources/Executables/SignalIntake",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "MatcherExecutable", dependencies: ["Matcher"], path: "Sources/Executables/Matcher",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "NotifierExecutable", dependencies: ["Notifier"], path: "Sources/Executables/Notifier",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "RetentionExecutable", dependencies: ["Retention"], path: "Sources/Executables/Retention",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "vi",
      dependencies: [
        "Contract", "JOSE", "KafkaClient", "ServiceKit",
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
        "KafkaClient", "ServiceKit",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "IntakeBenchmark",
      dependencies: [
        "BenchmarkSupport",
        "Contract", "JOSE", "KafkaClient", "ServiceKit",
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
        "Contract", "JOSE", "KafkaClient", "ServiceKit",
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
        "ServiceKit",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      path: "Tests/TestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(name: "JOSETests", dependencies: ["TestTags", "Contract", "JOSE"], swiftSettings: swiftSettings),
    .testTarget(
      name: "KafkaClientTests",
      dependencies: [
        "TestTags", "TestSupport", "KafkaClient", "CRdkafka",
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ServiceKitTests", dependencies: ["TestTags", "KafkaClient", "ServiceKit"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ContractTests",
      dependencies: ["TestTags", "Contract", "SignalIntake", .product(name: "Yams", package: "Yams")],
      exclude: ["Events/Samples"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SignalIntakeTests",
      dependencies: [
        "TestTags", "SignalIntake", "Contract", "JOSE", "KafkaClient", "Registry",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "MatcherTests",
      dependencies: [
        "TestTags",
        "TestSupport",
        "Matcher", "Contract", "JOSE", "KafkaClient", "Registry", "Rules", "ServiceKit",
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
        "Notifier", "Contract", "KafkaClient", "Registry", "Rules", "ServiceKit", "SMTPClient",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "RetentionTests",
      dependencies: [
        "TestTags",
        "TestSupport",
        "Retention", "Contract", "KafkaClient", "ServiceKit",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "RulesTests",
      dependencies: [
        "TestTags", "TestSupport", "Rules", "Contract",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SchemaTests",
      dependencies: [
        "TestTags", "TestSupport", "Contract", "Rules", "ServiceKit", "SignalIntake", "Matcher", "Notifier",
        "Retention",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SMTPClientTests",
      dependencies: [
        "TestTags",
        "SMTPClient",
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
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
        "Contract", "JOSE", "KafkaClient",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
