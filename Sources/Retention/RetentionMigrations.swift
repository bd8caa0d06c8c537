import Shared

/// Retention's own projection of the signals, and its decisions. It never reads the Matcher's tables.
enum RetentionMigrations {
  static let all = [
    Migration(
      version: 1, name: "signal projection and decisions",
      statements: [
        """
        CREATE TABLE retention_signals (
          signal_id uuid PRIMARY KEY,
          child_pseudonym text NOT NULL,
          professional_id text NOT NULL,
          status text NOT NULL CHECK (status IN ('active', 'ended', 'expired')),
          registered_at timestamptz NOT NULL,
          ends_on date NOT NULL
        )
        """,
        "CREATE INDEX retention_signals_due ON retention_signals (ends_on) WHERE status = 'active'",
        "CREATE INDEX retention_signals_child ON retention_signals (child_pseudonym, professional_id)",
        """
        CREATE TABLE retention_decisions (
          signal_id uuid NOT NULL,
          kind text NOT NULL,
          due_on date NOT NULL,
          decided_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (signal_id, kind)
        )
        """,
      ])
  ]
}
