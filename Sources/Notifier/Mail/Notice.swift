/// One e-mail to one recipient, written but not yet addressed as a MIME message.
struct Notice: Sendable, Hashable {
  /// The recipient's name, when known (not for a follow-up officer).
  var recipientName: String?
  var recipientEmail: String
  var subject: String
  var body: String
}
