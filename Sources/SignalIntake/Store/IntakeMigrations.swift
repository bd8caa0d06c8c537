import Registry
import ServiceKit

/// SignalIntake's schema. It holds the registry, which commands it has handled, and which professional has an
/// active signal on which child pseudonym: never a BSN.
enum IntakeMigrations {
  static let all = [
    RegistryStore.migration(version: 1),
    Migration(
      version: 2, name: "handled commands and active registrations",
      statements: [
        """
        CREATE TABLE handled_commands (
          source text NOT NULL,
          command_id text NOT NULL,
          handled_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (source, command_id)
        )
        """,
        """
        CREATE TABLE registrations (
          professional_id text NOT NULL,
          child_pseudonym text NOT NULL,
          signal_id uuid NOT NULL,
          ends_on date NOT NULL,
          PRIMARY KEY (professional_id, child_pseudonym)
        )
        """,
      ]),
  ]
}
