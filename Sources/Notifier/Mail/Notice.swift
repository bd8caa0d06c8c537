/// One e-mail to one professional, before it is addressed and sent.
struct Notice: Sendable, Hashable {
  var recipientName: String
  var recipientEmail: String
  var subject: String
  var body: String
}
