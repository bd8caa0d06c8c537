/// Who has regie, for the `regie-section` partial: `{{#recipientHasRegie}}` when the recipient is the holder, and
/// `{{#holder}}` the holder's contact details.
struct RegieModel: Sendable {
  var recipientHasRegie: Bool
  var holder: ContactModel
}
