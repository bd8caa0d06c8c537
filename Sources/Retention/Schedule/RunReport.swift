/// The text `run-once` prints: counts per kind, then one line per item, oldest first. The dry run and the real run
/// print the same items for the same date and state.
struct RunReport {
  let run: RetentionScheduler.Run
  let dryRun: Bool

  var text: String {
    var lines = ["Retention as of \(run.asOf)\(dryRun ? " (dry run: nothing emitted)" : ""): \(run.items.count) due"]
    for kind in DueItem.Kind.allCases {
      lines.append("  \(kind.rawValue): \(run.items.filter { $0.kind == kind }.count)")
    }
    for item in run.items {
      lines.append("\(item.kind.rawValue) \(item.dueOn) signal \(item.signalId.uuidString.lowercased())")
    }
    return lines.joined(separator: "\n")
  }
}
