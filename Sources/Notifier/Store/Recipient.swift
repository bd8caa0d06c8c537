/// Who one e-mail goes to, and its key in the delivery queue (`professional/<id>` or `follow-up/<address>`).
enum Recipient: Hashable, Sendable, CustomStringConvertible {
  /// A professional, by registry id; name and address come from the registry at sending time.
  case professional(String)
  /// A municipality's follow-up officer (regievoerder), by the address the registry gave when the event was read.
  case followUpOfficer(email: String)

  /// The key: unique per event, stable across redeliveries.
  var key: String {
    switch self {
    case .professional(let id): "professional/\(id)"
    case .followUpOfficer(let email): "follow-up/\(email.lowercased())"
    }
  }

  /// Reads a key written by ``key``; `nil` for anything else.
  init?(key: String) {
    guard let slash = key.firstIndex(of: "/") else { return nil }
    let value = String(key[key.index(after: slash)...])
    guard !value.isEmpty else { return nil }
    switch key[..<slash] {
    case "professional": self = .professional(value)
    case "follow-up": self = .followUpOfficer(email: value)
    default: return nil
    }
  }

  var description: String { key }
}
