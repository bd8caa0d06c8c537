import ServiceKit

/// Retention's own projection of the signals and children, and its decisions. It never reads the Matcher's tables.
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
      ]),
    // A signal is active or archived (with its archive day and purge day); a deleted or purged one has no row.
    // Version 1 did not know why a signal ended nor when: such rows count as archived on the day they were made,
    // which purges them no later than any other reading would. The children's birth dates give the 23rd
    // birthday. Decisions are per (kind, subject), where the subject is a signal id or a child pseudonym, with the
    // id of the event emitted for it (unknown for decisions of version 1).
    Migration(
      version: 2, name: "archive and purge days, children, decisions per subject",
      statements: [
        "ALTER TABLE retention_signals DROP CONSTRAINT retention_signals_status_check",
        "ALTER TABLE retention_signals ADD COLUMN archived_on date, ADD COLUMN purge_on date",
        """
        UPDATE retention_signals SET status = 'archived',
          archived_on = CASE WHEN status = 'expired' THEN ends_on
            ELSE (registered_at AT TIME ZONE 'Europe/Amsterdam')::date END
        WHERE status <> 'active'
        """,
        """
        UPDATE retention_signals SET purge_on = CASE
          WHEN extract(month FROM archived_on) = 2 AND extract(day FROM archived_on) = 29
            THEN make_date(extract(year FROM archived_on)::int + 5, 3, 1)
          ELSE (archived_on + interval '5 years')::date END
        WHERE status = 'archived'
        """,
        """
        ALTER TABLE retention_signals ADD CONSTRAINT retention_signals_status_check CHECK (
          (status = 'active' AND archived_on IS NULL AND purge_on IS NULL)
          OR (status = 'archived' AND archived_on IS NOT NULL AND purge_on IS NOT NULL))
        """,
        "CREATE INDEX retention_signals_purge ON retention_signals (purge_on) WHERE status = 'archived'",
        "CREATE INDEX retention_signals_of_child ON retention_signals (child_pseudonym)",
        """
        CREATE TABLE retention_children (
          child_pseudonym text PRIMARY KEY,
          birth_date date NOT NULL,
          turns_23_on date NOT NULL
        )
        """,
        "CREATE INDEX retention_children_due ON retention_children (turns_23_on)",
        """
        CREATE TABLE retention_lifecycle_decisions (
          kind text NOT NULL CHECK (kind IN ('reminder', 'expiry', 'purge', 'erasure')),
          subject text NOT NULL,
          due_on date NOT NULL,
          event_id uuid,
          decided_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (kind, subject)
        )
        """,
        """
        INSERT INTO retention_lifecycle_decisions (kind, subject, due_on, decided_at)
        SELECT kind, signal_id::text, due_on, decided_at FROM retention_decisions
        """,
        "DROP TABLE retention_decisions",
      ]),
    // SignalIntake gives a signal the Matcher deleted (objection) its old id again when the professional signals
    // again before its end date, with a new end date: that second life is due again, so a decision is per due day.
    Migration(
      version: 3, name: "decisions per due day",
      statements: [
        "ALTER TABLE retention_lifecycle_decisions DROP CONSTRAINT retention_lifecycle_decisions_pkey",
        "ALTER TABLE retention_lifecycle_decisions ADD PRIMARY KEY (kind, subject, due_on)",
      ]),
    // Settled decisions are forgotten a while after their signal or child left the projection
    // (RetentionScheduler+Settled.swift), found by their age.
    Migration(
      version: 4, name: "decisions by age",
      statements: [
        "CREATE INDEX retention_lifecycle_decisions_age ON retention_lifecycle_decisions (decided_at)"
      ]),
  ]
}
