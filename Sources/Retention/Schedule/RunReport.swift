/// The text `run-once` prints: counts per kind, then one line per item, oldest first. The dry run and the real run
/// print the same items for the same date and state, so a dry run shows exactly what the real run would emit.
struct RunReport {
  let run: RetentionScheduler.Run
  let dryRun: Bool

  var text: String {
    var lines = ["Retention as of \(run.asOf)\(dryRun ? " (dry run: nothing emitted)" : ""): \(run.items.count) due"]
    for kind in DueItem.Kind.allCases {
      lines.append("  \(kind.rawValue): \(run.items.filter { $0.kind == kind }.count)")
    }
    lines += run.items.map(Self.line)
    return lines.joined(separator: "\n")
  }

  /// One item: kind, due day, subject, event id.
  static func line(_ item: DueItem) -> String {
    let subject = item.signalId == nil ? "child \(item.subject)" : "signal \(item.subject)"
    return "\(item.kind.rawValue) \(item.dueOn) \(subject) event \(item.eventId.uuidString.lowercased())"
  }
}
