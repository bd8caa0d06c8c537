/// The historical-involvement e-mail (`historical`): `{{recipientName}}`, `{{#signal}}` the new signal, and
/// `{{#involvements}}` the archived ones (`{{#contact}}`, `{{registeredOn}}`, `{{archivedOn}}`).
struct HistoricalMailModel: Sendable {
  /// One archived signal of another professional.
  struct InvolvementModel: Sendable {
    var contact: ContactModel
    var registeredOn: String
    var archivedOn: String
  }

  var recipientName: String
  var signal: SignalModel
  var involvements: [InvolvementModel]
}
