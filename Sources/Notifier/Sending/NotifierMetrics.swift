import Metrics

/// The Notifier's metrics, on `/metrics`: e-mails sent, retried, failed and withdrawn, and the queue's depth and age.
struct NotifierMetrics: Sendable {
  /// E-mails the SMTP server accepted.
  let sent = Counter(label: "vi_notifier_emails_sent_total")
  /// Attempts that will be tried again (4xx, no connection, time-out, recipient not in the registry yet).
  let retried = Counter(label: "vi_notifier_emails_retried_total")
  /// E-mails that failed for good (5xx, unknown recipient, invalid address).
  let failed = Counter(label: "vi_notifier_emails_failed_total")
  /// Queued e-mails not sent because a signal they name was deleted.
  let withdrawn = Counter(label: "vi_notifier_emails_withdrawn_total")
  /// E-mails waiting in the queue.
  let queueDepth = Gauge(label: "vi_notifier_queue_depth")
  /// Seconds the oldest waiting e-mail has waited since its event was read (0 when none waits).
  let queueAge = Gauge(label: "vi_notifier_queue_age_seconds")
}
