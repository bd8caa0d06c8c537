import Rules
import TestTags
import Testing

@testable import Notifier

/// The match e-mail's model holds exactly the fields the rulebook allows (`MailContent`, DOMAIN ): a field
/// added to the model, or to a contact or signal in it, fails here until the rule says it may be there.
@Suite("Match e-mails and the rulebook", .tags(.unit))
struct MatchMailFieldsTests {
  @Test("a match e-mail's model has the fields of MailContent.matchEmail, and no others")
  func fields() {
    let coordinator = PersonModel(name: "Dirk Dekker", email: "dirk@jgz.test", phone: "020-5556666")
    let contact = ContactModel(
      name: "Bram Bakker", organisation: "JGZ Amsterdam", email: "bram@jgz.test", phone: "020-3334444",
      coordinator: coordinator)
    let model = MatchMailModel(
      recipientName: "Anna de Vries",
      signal: SignalModel(
        initials: "P.J. Jansen", birthDate: "01-05-2015", reference: "A-1",
        summary: "P.J. Jansen, geboren 01-05-2015 (uw referentie: A-1)"),
      others: [contact], regie: RegieModel(recipientHasRegie: false, holder: contact))
    let fields = Self.paths(of: model)
    #expect(fields == MailContent.matchEmail)
  }

  /// The paths to every leaf field of `value`: an optional's and an array's elements take their container's path.
  static func paths(of value: Any, at path: String = "") -> Set<String> {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional, .collection:
      guard let element = mirror.children.first else { return [path] }
      return paths(of: element.value, at: path)
    case .struct where !mirror.children.isEmpty:
      var result = Set<String>()
      for child in mirror.children {
        let name = child.label ?? "?"
        result.formUnion(paths(of: child.value, at: path.isEmpty ? name : "\(path).\(name)"))
      }
      return result
    default:
      return [path]
    }
  }
}
