/// A command the client sends to the server (RFC 5321 §4.1), without its CRLF.
enum SMTPCommand: Sendable, Hashable {
  case ehlo(String)
  case helo(String)
  case startTLS
  /// `AUTH <mechanism> [initial-response]` (RFC 4954).
  case auth(mechanism: String, initialResponse: String?)
  /// A line sent in answer to a 334 challenge during AUTH (base64).
  case authResponse(String)
  /// `MAIL FROM:<address> [SIZE=n]`.
  case mailFrom(String, size: Int?)
  case rcptTo(String)
  case data
  case rset
  case quit

  /// The command as sent on the wire, without the line break.
  var line: String {
    switch self {
    case .ehlo(let domain):
      return "EHLO \(domain)"
    case .helo(let domain):
      return "HELO \(domain)"
    case .startTLS:
      return "STARTTLS"
    case .auth(let mechanism, let initialResponse?):
      return "AUTH \(mechanism) \(initialResponse)"
    case .auth(let mechanism, nil):
      return "AUTH \(mechanism)"
    case .authResponse(let response):
      return response
    case .mailFrom(let address, let size?):
      return "MAIL FROM:<\(address)> SIZE=\(size)"
    case .mailFrom(let address, nil):
      return "MAIL FROM:<\(address)>"
    case .rcptTo(let address):
      return "RCPT TO:<\(address)>"
    case .data:
      return "DATA"
    case .rset:
      return "RSET"
    case .quit:
      return "QUIT"
    }
  }

  /// The line for logs: credentials are replaced by `<redacted>`.
  var redactedLine: String {
    switch self {
    case .auth(let mechanism, .some):
      return "AUTH \(mechanism) <redacted>"
    case .authResponse:
      return "<redacted>"
    default:
      return self.line
    }
  }

  /// The command's name for error messages, for example `"RCPT TO"`.
  var name: String {
    switch self {
    case .ehlo: return "EHLO"
    case .helo: return "HELO"
    case .startTLS: return "STARTTLS"
    case .auth, .authResponse: return "AUTH"
    case .mailFrom: return "MAIL FROM"
    case .rcptTo: return "RCPT TO"
    case .data: return "DATA"
    case .rset: return "RSET"
    case .quit: return "QUIT"
    }
  }
}
