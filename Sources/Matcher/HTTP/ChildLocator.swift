import Contract
import Foundation

/// Turns the administrator's naming of a child into the child's pseudonyms, exactly as SignalIntake makes them: of
/// the BSN when one is given, else of the normalised family name, birth date and gender. In memory only.
struct ChildLocator: Sendable {
  /// The longest family name SignalIntake accepts.
  static let maximumNameLength = 200
  /// The genders of the contract.
  static let genders: Set<String> = ["M", "V", "O"]

  let pseudonymizer: Pseudonymizer

  /// The child's pseudonyms, or a 422 naming every problem of `child` (fields under `field`).
  func key(for child: ChildIdentityBody?, field: String = "child") throws -> ChildKey {
    var issues = FieldIssues()
    let key = check(child, field: field, into: &issues)
    try issues.check("the child is not named correctly: give child.bsn, or familyName, birthDate and gender")
    return key!
  }

  /// Checks `child` and returns its key when it is valid.
  func check(_ child: ChildIdentityBody?, field: String, into issues: inout FieldIssues) -> ChildKey? {
    guard let child else {
      issues.add(field, "required", "\(field) is required: {bsn} or {familyName, birthDate, gender}")
      return nil
    }
    if let text = child.bsn {
      guard let bsn = BSN(text) else {
        issues.add("\(field).bsn", "bsn.invalid", "\(field).bsn must be 9 digits that pass the elfproef")
        return nil
      }
      return ChildKey(current: pseudonymizer.pseudonym(for: bsn), previous: pseudonymizer.previous?.pseudonym(for: bsn))
    }
    let familyName = child.familyName.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    if familyName == nil {
      issues.add("\(field).familyName", "required", "\(field).familyName is required without a BSN")
    } else if familyName!.count > Self.maximumNameLength || TextRules.hasControlCharacters(familyName!) {
      issues.add(
        "\(field).familyName", "text.invalid",
        "\(field).familyName is at most \(Self.maximumNameLength) characters without control characters")
    }
    let birthDate = child.birthDate.flatMap(CalendarDate.init)
    if child.birthDate == nil {
      issues.add("\(field).birthDate", "required", "\(field).birthDate is required without a BSN (YYYY-MM-DD)")
    } else if birthDate == nil {
      issues.add("\(field).birthDate", "date.invalid", "\(field).birthDate must be a real date written YYYY-MM-DD")
    }
    if child.gender == nil {
      issues.add("\(field).gender", "required", "\(field).gender is required without a BSN: M, V or O")
    } else if !Self.genders.contains(child.gender!) {
      issues.add("\(field).gender", "enum", "\(field).gender must be M, V or O")
    }
    guard let familyName, familyName.count <= Self.maximumNameLength, !TextRules.hasControlCharacters(familyName),
      let birthDate, let gender = child.gender, Self.genders.contains(gender)
    else { return nil }
    return ChildKey(
      current: pseudonymizer.pseudonym(familyName: familyName, birthDate: birthDate, gender: gender),
      previous: pseudonymizer.previous?.pseudonym(familyName: familyName, birthDate: birthDate, gender: gender))
  }
}
