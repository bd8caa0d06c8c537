/// The recipient's own signal in a template, as they registered it: `{{initials}}`, `{{birthDate}}` (dd-mm-jjjj),
/// `{{reference}}` (absent when they gave none) and `{{summary}}` ("P.J. Jansen, geboren 01-05-2015 (uw referentie:
/// A-1)").
struct SignalModel: Sendable {
  var initials: String
  var birthDate: String
  var reference: String?
  var summary: String
}
