import ArgumentParser

/// `vi`: the operator's and integrator's command line for the Verwijsindex. It makes keys and tokens, fills the
/// registry through SignalIntake's admin API, and sends signals over HTTP or commands onto the intake topic, so that a
/// source-system developer needs no other tool to try the system.
@main
struct VI: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vi",
    abstract: "Try and operate the Verwijsindex: keys, tokens, registry, signals and intake commands.",
    discussion: """
      A first run against the local system (scripts/run-local.sh), with
      VI_ADMIN_TOKEN from .vi/dev.env:

        vi keygen --out school.key        # prints the public key PUB
        vi municipality put 0363 --name Amsterdam \\
          --follow-up-email regie@amsterdam.example
        vi organisation put school --name "De Linde" --type school \\
          --municipality 0363 --region amsterdam --public-key PUB
        vi professional put anna --organisation school \\
          --name "Anna de Vries" --email anna@school.example --phone 020-1112222
        vi signal register --organisation school --key school.key \\
          --professional anna --informed parents --bsn 111222333 \\
          --family-name Jansen --birth-date 2015-05-01 --gender M
        vi command register ...           # the same, onto the intake topic
        vi rejections --organisation school --from-beginning

      Environment: VI_INTAKE_URL (default http://127.0.0.1:8080), VI_ADMIN_TOKEN, \
      VI_KAFKA_BROKERS and the other VI_KAFKA_* variables, VI_TOPIC_SIGNAL_COMMANDS, \
      VI_TOPIC_SIGNAL_COMMANDS_REJECTED.
      """,
    subcommands: [
      Keygen.self, Token.self, OrganisationGroup.self, ProfessionalGroup.self, MunicipalityGroup.self,
      SignalGroup.self, KafkaCommandGroup.self, Rejections.self,
    ])
}
