public import Contract
public import Rules

// The vocabulary kept in `text` columns. Each CHECK in the migrations lists exactly these raw values
// (`RulesSchemaTests` holds the status and kind CHECKs to the rulebook).

extension SignalStatus: PostgresTextEnum {}
extension MatchKind: PostgresTextEnum {}
extension EndReason: PostgresTextEnum {}
extension Informed: PostgresTextEnum {}
extension ArchiveReason: PostgresTextEnum {}
