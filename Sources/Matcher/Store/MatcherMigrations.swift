import Registry
import ServiceKit

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
    Migration(
      version: 3, name: "children, child parents, regie, historical involvement, address matches, log book",
      statements: [
        // What every signal must know for regie, the follow-up officer and inspection.
        """
        ALTER TABLE signals
          ADD COLUMN organisation_type text NOT NULL DEFAULT '',
          ADD COLUMN municipality text NOT NULL DEFAULT '',
          ADD COLUMN informed text NOT NULL DEFAULT 'withheld',
          ADD COLUMN archive_reason text CHECK (archive_reason IN ('riskEnded', 'expired'))
        """,
        "UPDATE signals SET archive_reason = 'expired' WHERE status = 'archived'",
        "CREATE INDEX signals_archived ON signals (child_pseudonym) WHERE status = 'archived'",
        // The child as the latest signal describes it (or the region administrator corrected it). Never a BSN.
        """
        CREATE TABLE children (
          child_pseudonym text PRIMARY KEY,
          initials text NOT NULL,
          birth_date date NOT NULL,
          gender text NOT NULL,
          municipality text NOT NULL,
          address_pseudonym text,
          first_signalled_at timestamptz NOT NULL,
          corrected_at timestamptz
        )
        """,
        """
        INSERT INTO children (child_pseudonym, initials, birth_date, gender, municipality, first_signalled_at)
        SELECT DISTINCT ON (child_pseudonym) child_pseudonym, child_initials, child_birth_date, child_gender, '',
          min(registered_at) OVER (PARTITION BY child_pseudonym)
        FROM signals ORDER BY child_pseudonym, registered_at DESC
        """,
        "CREATE INDEX children_address ON children (address_pseudonym) WHERE address_pseudonym IS NOT NULL",
        // Parents belong to the child: the union of the parents any signal on the child named.
        """
        CREATE TABLE child_parents (
          child_pseudonym text NOT NULL REFERENCES children ON DELETE CASCADE ON UPDATE CASCADE,
          parent_pseudonym text NOT NULL,
          PRIMARY KEY (child_pseudonym, parent_pseudonym)
        )
        """,
        "CREATE INDEX child_parents_parent ON child_parents (parent_pseudonym)",
        """
        INSERT INTO child_parents (child_pseudonym, parent_pseudonym)
        SELECT DISTINCT s.child_pseudonym, p.parent_pseudonym FROM signal_parents p JOIN signals s USING (signal_id)
        """,
        "DROP TABLE signal_parents",
        "ALTER TABLE matches DROP CONSTRAINT matches_kind_check",
        "ALTER TABLE matches ADD CONSTRAINT matches_kind_check CHECK (kind IN ('child', 'family', 'address'))",
        """
        ALTER TABLE matches
          ADD COLUMN regie_organisation_id text,
          ADD COLUMN regie_professional_id text
        """,
        // Who coordinates around each child, to notice when it moves.
        """
        CREATE TABLE child_regie (
          child_pseudonym text PRIMARY KEY REFERENCES children ON DELETE CASCADE ON UPDATE CASCADE,
          signal_id uuid NOT NULL,
          organisation_id text NOT NULL,
          professional_id text NOT NULL
        )
        """,
        // Each archived signal is shown once to each professional who signals the child again.
        """
        CREATE TABLE historical_shown (
          archived_signal_id uuid NOT NULL REFERENCES signals ON DELETE CASCADE,
          professional_id text NOT NULL,
          shown_at timestamptz NOT NULL,
          PRIMARY KEY (archived_signal_id, professional_id)
        )
        """,
        // Who did what, when: signals made, ended, deleted; matches made; erasures, corrections and every read.
        // After an erasure the rows stay, to account for use, but no longer name the child's pseudonym.
        """
        CREATE TABLE log_book (
          id bigserial PRIMARY KEY,
          at timestamptz NOT NULL DEFAULT now(),
          actor text NOT NULL,
          action text NOT NULL,
          child_pseudonym text,
          signal_id uuid,
          match_id uuid,
          detail jsonb NOT NULL DEFAULT '{}'
        )
        """,
        "CREATE INDEX log_book_child ON log_book (child_pseudonym, at) WHERE child_pseudonym IS NOT NULL",
        "CREATE INDEX log_book_at ON log_book (at)",
      ]),
    // GET /v1/signals reads a professional's own signals.
    Migration(
      version: 4, name: "signals by professional",
      statements: ["CREATE INDEX signals_professional ON signals (professional_id, organisation_id)"]),
    // The newest record timestamp applied per partition: a record below next_offset that is newer is new data (the
    // topic was recreated or the broker lost its data), not a redelivery (see AppliedMark).
    Migration(
      version: 5, name: "newest applied record per partition",
      statements: ["ALTER TABLE consumer_offsets ADD COLUMN newest_timestamp_ms bigint"]),
  ]
}
