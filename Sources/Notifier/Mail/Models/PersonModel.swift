/// A person's contact details in a template: `{{name}}`, `{{email}}`, `{{phone}}`.
struct PersonModel: Sendable {
  var name: String
  var email: String
  var phone: String
}
