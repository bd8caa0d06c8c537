import Contract
import Foundation
import ServiceKit

/// Everything SignalIntake reads from its environment, validated at start.
struct SignalIntakeSettings: Sendable {
  static let defaults = ServiceSettings.Defaults(clientID: "signal-intake", database: "vi_intake", httpPort: 8080)

  /// For `--help`.
  static let documentation = ServiceSettings.documentation(
    defaults,
    own: [
      Settings.adminToken.documentation, Settings.pseudonymKey.documentation,
      Settings.pseudonymKeyPrevious.documentation, institutionalAddresses.documentation,
    ])
  static let institutionalAddresses = Setting<String?>.optional(
    "VI_INSTITUTIONAL_ADDRESSES",
    help: "Addresses that make no address match (institutions), comma-separated, e.g. \"1234AB 1, 1234AB 2-A\"")

  var common: ServiceSettings
  var adminToken: String
  var pseudonymKey: [UInt8]
  var pseudonymKeyPrevious: [UInt8]?
  /// Keys of the institutional addresses.
  var institutionalAddresses: Set<String>

  init(_ environment: EnvironmentVariables) throws {
    common = try ServiceSettings(environment, defaults: Self.defaults)
    adminToken = try environment.read(Settings.adminToken)
    pseudonymKey = try environment.read(Settings.pseudonymKey)
    pseudonymKeyPrevious = try environment.read(Settings.pseudonymKeyPrevious)
    var addresses = Set<String>()
    for written in (try environment.read(Self.institutionalAddresses) ?? "").split(separator: ",") {
      let text = written.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      guard let key = Address(written: text)?.key else {
        throw ConfigurationError(
          variable: "VI_INSTITUTIONAL_ADDRESSES",
          reason: "has '\(text)', which is not an address; write addresses like \"1234AB 12\" or \"1234AB 12-A\"")
      }
      addresses.insert(key)
    }
    institutionalAddresses = addresses
  }
}
