/// A topic as the admin client creates it.
public struct KafkaTopic: Sendable, Hashable {
  /// The topic's name.
  public var name: String
  /// Its number of partitions; for a consumer group, the most members that can work at once.
  public var partitions: Int32
  /// Copies of each partition; `-1` takes the broker's default.
  public var replicationFactor: Int32
  /// Topic configuration, such as `cleanup.policy` or `retention.ms`.
  public var config: [String: String]

  /// Describes a topic.
  public init(name: String, partitions: Int32, replicationFactor: Int32 = -1, config: [String: String] = [:]) {
    self.name = name
    self.partitions = partitions
    self.replicationFactor = replicationFactor
    self.config = config
  }
}
