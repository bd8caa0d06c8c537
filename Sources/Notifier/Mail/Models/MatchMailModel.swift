/// A professional's match e-mail (`match-child`, `match-family`, `match-address`): `{{recipientName}}`,
/// `{{#signal}}` their own signal, `{{#others}}` the other professionals, `{{#regie}}` who has regie. In a family or
/// address match `others` carries only the professionals' details, never anything about the other child.
struct MatchMailModel: Sendable {
  var recipientName: String
  var signal: SignalModel
  var others: [ContactModel]
  var regie: RegieModel
}
