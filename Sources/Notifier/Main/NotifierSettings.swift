import SMTPClient
import ServiceKit

/// Everything the Notifier reads from its environment, validated at start.
struct NotifierSettings: Sendable {
  /// How the connection to the SMTP server is protected.
  enum SMTPSecurity: String, Sendable, CaseIterable {
    /// Plain SMTP: only for a relay on the same host or the local test sink.
    case none
    /// STARTTLS required (port 587).
    case starttls
    /// TLS from the first byte (port 465).
    case tls
  }

  static let defaults = ServiceSettings.Defaults(clientID: "notifier", database: "vi_notifier", httpPort: 8082)
  static let smtpHost = Setting<String>.string("VI_SMTP_HOST", default: "127.0.0.1", help: "SMTP server host")
  static let smtpPort = Setting<Int>.integer("VI_SMTP_PORT", default: 2525, in: 1...65535, help: "SMTP server port")
  static let smtpSecurity = Setting<SMTPSecurity>.choice(
    "VI_SMTP_TLS", default: .none, help: "SMTP transport security: none, starttls (required) or tls (implicit)")
  static let smtpUsername = Setting<String?>.optional("VI_SMTP_USERNAME", help: "SMTP AUTH user name, if any")
  static let smtpPassword = Setting<String?>.optional("VI_SMTP_PASSWORD", secret: true, help: "SMTP AUTH password")
  static let smtpHelo = Setting<String>.string(
    "VI_SMTP_HELO", default: "localhost", help: "Our host name in EHLO; set the real one in production")
  static let mailFrom = Setting<String>.string(
    "VI_MAIL_FROM", default: "noreply@verwijsindex.localhost", help: "Sender address of every e-mail")
  static let mailFromName = Setting<String>.string(
    "VI_MAIL_FROM_NAME", default: "Verwijsindex", help: "Sender name of every e-mail")
  static let templatesDirectory = Setting<String?>.optional(
    "VI_NOTIFIER_TEMPLATES_DIR",
    help: "Directory of the region's e-mail templates (<name>.mustache) that replace the built-in ones of that name")

  /// For `--help`.
  static let documentation = ServiceSettings.documentation(
    defaults,
    own: [
      smtpHost.documentation, smtpPort.documentation, smtpSecurity.documentation, smtpUsername.documentation,
      smtpPassword.documentation, smtpHelo.documentation, mailFrom.documentation, mailFromName.documentation,
      templatesDirectory.documentation,
    ])

  var common: ServiceSettings
  var smtp: SMTPConfiguration
  var sender: EmailAddress
  /// The region's template directory, if any.
  var templatesDirectory: String?

  init(_ environment: EnvironmentVariables) throws {
    common = try ServiceSettings(environment, defaults: Self.defaults)
    let tls: SMTPConfiguration.TLSMode =
      switch try environment.read(Self.smtpSecurity) {
      case .none: .none
      case .starttls: .startTLS()
      case .tls: .implicit()
      }
    var authentication: SMTPConfiguration.Authentication?
    if let username = try environment.read(Self.smtpUsername) {
      guard let password = try environment.read(Self.smtpPassword) else {
        throw ConfigurationError(variable: Self.smtpPassword.name, reason: "is required with VI_SMTP_USERNAME")
      }
      authentication = .init(username: username, password: password)
    }
    smtp = SMTPConfiguration(
      host: try environment.read(Self.smtpHost), port: try environment.read(Self.smtpPort), tls: tls,
      authentication: authentication, heloName: try environment.read(Self.smtpHelo))
    do {
      sender = try EmailAddress(try environment.read(Self.mailFrom), name: try environment.read(Self.mailFromName))
    } catch {
      throw ConfigurationError(variable: Self.mailFrom.name, reason: "is not a valid e-mail address")
    }
    templatesDirectory = try environment.read(Self.templatesDirectory)
  }
}
