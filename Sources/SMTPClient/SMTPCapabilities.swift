/// The service extensions a server announced in its reply to EHLO (RFC 5321 §4.1.1.1).
struct SMTPCapabilities: Sendable, Hashable {
  /// Keywords in upper case, mapped to their parameters as the server sent them.
  private(set) var extensions: [String: [String]]

  /// No extensions: the server answered HELO, not EHLO.
  static let none = SMTPCapabilities(extensions: [:])

  init(extensions: [String: [String]]) {
    self.extensions = extensions
  }

  /// Reads the extensions from a 250 reply to EHLO. The first line is the server's domain and greeting;
  /// every further line is a keyword with optional parameters.
  init(ehloReply reply: SMTPReply) {
    var extensions: [String: [String]] = [:]
    for line in reply.lines.dropFirst() {
      let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      guard var keyword = words.first?.uppercased() else {
        continue
      }
      var parameters = Array(words.dropFirst())
      // Some old servers write `AUTH=PLAIN LOGIN`.
      if keyword.hasPrefix("AUTH=") {
        parameters.insert(String(keyword.dropFirst("AUTH=".count)), at: 0)
        keyword = "AUTH"
      }
      extensions[keyword, default: []].append(contentsOf: parameters)
    }
    self.extensions = extensions
  }

  /// Whether the server announced `keyword` (case-insensitive).
  func supports(_ keyword: String) -> Bool {
    self.extensions[keyword.uppercased()] != nil
  }

  /// STARTTLS (RFC 3207).
  var supportsStartTLS: Bool { self.supports("STARTTLS") }

  /// The SASL mechanisms announced with AUTH (RFC 4954), in upper case.
  var authenticationMechanisms: Set<String> {
    Set((self.extensions["AUTH"] ?? []).map { $0.uppercased() })
  }

  /// The maximum message size announced with SIZE (RFC 1870); `nil` when not announced or unlimited (0).
  var maximumMessageSize: Int? {
    guard let size = self.extensions["SIZE"]?.first.flatMap({ Int($0) }), size > 0 else {
      return nil
    }
    return size
  }

  /// Whether SIZE was announced at all, so `MAIL FROM` may carry a `SIZE=` parameter.
  var supportsSize: Bool { self.supports("SIZE") }
}
