/// The regie e-mail (`regie`): `{{recipientName}}`, `{{#signal}}` the recipient's signal, `{{#regie}}` who has it.
struct RegieMailModel: Sendable {
  var recipientName: String
  var signal: SignalModel
  var regie: RegieModel
}
