import Shared

/// The Matcher's schema, one version at a time. Never edit a released migration; add one.
enum MatcherMigrations {
  static let all = [
    Migration(
      version: 1, name: "signals, parents, matches, outbox, offsets",
      statements: [
        """
        CREATE TABLE consumer_offsets (
          topic text NOT NULL,
          partition integer NOT NULL,
          next_offset bigint NOT NULL,
          PRIMARY KEY (topic, partition)
        )
        """,
        """
        CREATE TABLE signals (
          signal_id uuid PRIMARY KEY,
          child_pseudonym text NOT NULL,
          organisation_id text NOT NULL,
          professional_id text NOT NULL,
          reference text,
          child_initials text NOT NULL,
          child_birth_date date NOT NULL,
          child_gender text NOT NULL,
          status text NOT NULL CHECK (status IN ('active', 'archived')),
          registered_at timestamptz NOT NULL,
          ends_on date NOT NULL,
          archived_at timestamptz
        )
        """,
        "CREATE INDEX signals_child ON signals (child_pseudonym)",
        "CREATE UNIQUE INDEX signals_one_active ON signals (child_pseudonym, professional_id) WHERE status = 'active'",
        """
        CREATE TABLE signal_parents (
          signal_id uuid NOT NULL REFERENCES signals ON DELETE CASCADE,
          parent_pseudonym text NOT NULL,
          PRIMARY KEY (signal_id, parent_pseudonym)
        )
        """,
        "CREATE INDEX signal_parents_parent ON signal_parents (parent_pseudonym)",
        """
        CREATE TABLE matches (
          match_id uuid PRIMARY KEY,
          kind text NOT NULL CHECK (kind IN ('child', 'family')),
          signal_a uuid NOT NULL REFERENCES signals ON DELETE CASCADE,
          signal_b uuid NOT NULL REFERENCES signals ON DELETE CASCADE,
          created_at timestamptz NOT NULL,
          ended_at timestamptz,
          CHECK (signal_a < signal_b),
          UNIQUE (signal_a, signal_b)
        )
        """,
        "CREATE INDEX matches_b ON matches (signal_b)",
        """
        CREATE TABLE outbox (
          id bigserial PRIMARY KEY,
          topic text NOT NULL,
          key text NOT NULL,
          payload bytea NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
      ]),
    RegistryStore.migration(version: 2),
  ]
}
