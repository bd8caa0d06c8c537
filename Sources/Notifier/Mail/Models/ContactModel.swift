/// A professional in a template, from the registry at sending time: `{{name}}`, `{{organisation}}`, `{{email}}`,
/// `{{phone}}`, and `{{#coordinator}}` their organisation's coordinator, when it has one.
struct ContactModel: Sendable {
  var name: String
  var organisation: String
  var email: String
  var phone: String
  var coordinator: PersonModel?
}
