import Shared

/// The Notifier's schema: its copy of the registry and the record of what it sent.
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
  ]
}
