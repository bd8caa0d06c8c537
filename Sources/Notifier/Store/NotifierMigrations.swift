import Registry
import ServiceKit

/// The Notifier's schema: its copy of the registry and the delivery queue, which is also the record of what it sent.
enum NotifierMigrations {
  static let all = [
    RegistryStore.migration(version: 1),
    Migration(
      version: 2, name: "sent notifications",
      statements: [
        """
        CREATE TABLE notifications (
          event_id uuid NOT NULL,
          recipient text NOT NULL,
          status text NOT NULL CHECK (status IN ('sent', 'failed')),
          detail text,
          recorded_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (event_id, recipient)
        )
        """
      ]),
    deliveryQueue,
    withdrawals,
  ]

  /// Version 3: one row per (event, recipient), queued when the event is read and kept once finished, so that a
  /// redelivered event queues nothing new. `notice` holds the event while the row is pending and is cleared when it
  /// is sent or failed, so child data does not stay here. The rows of version 2's `notifications` (recipients were
  /// professional ids) move in as finished rows, so events handled before the upgrade still send nothing twice.
  static let deliveryQueue = Migration(
    version: 3, name: "delivery queue",
    statements: [
      """
      CREATE TABLE deliveries (
        event_id uuid NOT NULL,
        recipient text NOT NULL,
        kind text NOT NULL,
        notice jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        last_error text,
        failure_published boolean NOT NULL DEFAULT false,
        PRIMARY KEY (event_id, recipient)
      )
      """,
      "CREATE INDEX deliveries_due ON deliveries (due_at) WHERE status = 'pending'",
      "CREATE INDEX deliveries_unpublished ON deliveries (finished_at) WHERE status = 'failed' AND NOT failure_published",
      """
      INSERT INTO deliveries (event_id, recipient, kind, status, attempts, enqueued_at, finished_at, last_error,
        failure_published)
      SELECT event_id, 'professional/' || recipient, 'match', status, 1, recorded_at, recorded_at, detail, true
      FROM notifications
      """,
      "DROP TABLE notifications",
    ])

  /// Version 4: e-mails about deleted signals are withdrawn. Each row lists the signals its notice names (cleared
  /// when it is finished), a withdrawn row is finished without being sent, and `withdrawn_signals` remembers recent
  /// withdrawals for notices that arrive after them.
  static let withdrawals = Migration(
    version: 4, name: "withdrawn e-mails",
    statements: [
      "ALTER TABLE deliveries ADD COLUMN signal_ids uuid[] NOT NULL DEFAULT '{}'",
      "ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check",
      """
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
        CHECK (status IN ('pending', 'sent', 'failed', 'withdrawn'))
      """,
      "CREATE INDEX deliveries_pending_signals ON deliveries USING gin (signal_ids) WHERE status = 'pending'",
      """
      CREATE TABLE withdrawn_signals (
        signal_id uuid PRIMARY KEY,
        withdrawn_at timestamptz NOT NULL DEFAULT now()
      )
      """,
      "CREATE INDEX withdrawn_signals_at ON withdrawn_signals (withdrawn_at)",
    ])
}
