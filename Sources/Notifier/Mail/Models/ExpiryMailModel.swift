/// The expiry reminder and expiry notice (`expiry-reminder`, `expired`): `{{recipientName}}`, `{{#signal}}`, and
/// `{{endsOn}}` (dd-mm-jjjj), the signal's last active day.
struct ExpiryMailModel: Sendable {
  var recipientName: String
  var signal: SignalModel
  var endsOn: String
}
