import ArgumentParser
import Foundation

/// SignalIntake and the region administrator's token, for the admin API.
struct AdminOptions: ParsableArguments {
  @OptionGroup(title: "SignalIntake")
  var intake: IntakeOptions

  @Option(
    name: .customLong("admin-token-file"),
    help: ArgumentHelp("A file holding the admin token (default: $VI_ADMIN_TOKEN).", valueName: "file"))
  var adminTokenFile: String?

  /// The admin token: the file's first line, or `$VI_ADMIN_TOKEN`.
  func adminToken() throws -> String {
    if let adminTokenFile {
      guard let data = FileManager.default.contents(atPath: adminTokenFile) else {
        throw CLIError("cannot read the admin token file '\(adminTokenFile)'")
      }
      let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      guard !token.isEmpty else { throw CLIError("the admin token file '\(adminTokenFile)' is empty") }
      return token
    }
    guard let token = ProcessInfo.processInfo.environment["VI_ADMIN_TOKEN"], !token.isEmpty else {
      throw CLIError(
        "no admin token: set VI_ADMIN_TOKEN (as SignalIntake has it; scripts/run-local.sh keeps it in .vi/dev.env)"
          + " or pass --admin-token-file FILE")
    }
    return token
  }

  /// Sends the JSON object `body` to `PUT /v1/admin/<collection>/<id>`, prints the answer, and fails unless it is a
  /// success.
  func put(_ collection: String, id: String, body: [String: Any]) async throws {
    var plain = CharacterSet.urlPathAllowed
    plain.remove(charactersIn: "/%")
    guard !id.isEmpty, id.unicodeScalars.allSatisfy(plain.contains) else {
      // SignalIntake takes the id from the path as it is, without percent-decoding, so it must need no encoding.
      throw CLIError("'\(id)' cannot be used as an id in a URL path; use letters, digits and - _ . ~ : @")
    }
    let json = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
    let answer = try await intake.client().send(
      "PUT", path: ["v1", "admin", collection, id], body: Array(json), bearer: try adminToken())
    try answer.printAndCheck()
  }
}
