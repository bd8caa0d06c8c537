/// One e-mail an event asks for: to whom, and which kind.
struct PlannedDelivery: Hashable, Sendable {
  /// The recipient.
  var recipient: Recipient
  /// The kind of e-mail, which picks its template.
  var kind: MailKind
}
