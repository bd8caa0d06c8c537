import Contract
import Foundation

extension CommandValidator {
  /// A child identity that passed validation.
  struct CheckedIdentity {
    var pseudonym: Pseudonym
    var initials: String
    var birthDate: CalendarDate
    var gender: String
    var parentPseudonyms: [Pseudonym]
    /// The pseudonym of the address, for address matches; `nil` without an address or for an institutional one.
    var addressPseudonym: Pseudonym?
    /// During a key rotation, the pseudonyms under the previous key.
    var rekeying: Rekeying?
  }

  static let genders: Set<String> = ["M", "V", "O"]

  /// Checks the identity fields and returns the child's pseudonym: of the BSN when given, else of the normalised
  /// family name, birth date and gender (the *verwijsindex service number*).
  func checkChild(_ child: ChildIdentity?, into issues: inout ValidationIssues) -> CheckedIdentity? {
    guard let child else {
      issues.add("child", .required, "child is required")
      return nil
    }
    var bsn: BSN?
    if let text = child.bsn {
      bsn = BSN(text)
      if bsn == nil {
        issues.add("child.bsn", .bsnInvalid, "child.bsn must be 9 digits that pass the elfproef")
      }
    }
    issues.checkText(child.familyName, field: "child.familyName")
    issues.checkText(child.givenNames, field: "child.givenNames")
    issues.checkText(child.address?.houseNumberAddition, field: "child.address.houseNumberAddition")
    let familyName = child.familyName?.nilIfBlank
    if familyName == nil {
      issues.add("child.familyName", .required, "child.familyName is required")
    } else if familyName!.count > Self.maximumNameLength {
      issues.add("child.familyName", .length, "child.familyName is longer than \(Self.maximumNameLength) characters")
    }
    if let givenNames = child.givenNames, givenNames.count > Self.maximumNameLength {
      issues.add("child.givenNames", .length, "child.givenNames is longer than \(Self.maximumNameLength) characters")
    }
    let birthDate = checkBirthDate(child.birthDate, into: &issues)
    let gender = child.gender
    if gender == nil {
      issues.add("child.gender", .required, "child.gender is required: M, V or O")
    } else if !Self.genders.contains(gender!) {
      issues.add("child.gender", .enum, "child.gender must be M, V or O")
    }
    let parents = checkParents(child.parentBsns, child: bsn, into: &issues)
    checkAddress(child.address, into: &issues)
    guard let familyName, !TextRules.hasControlCharacters(familyName + (child.givenNames ?? "")), let birthDate,
      let gender, Self.genders.contains(gender), let parents,
      child.bsn == nil || bsn != nil
    else { return nil }
    func childPseudonym(_ pseudonymizer: Pseudonymizer) -> Pseudonym {
      bsn.map(pseudonymizer.pseudonym(for:))
        ?? pseudonymizer.pseudonym(familyName: familyName, birthDate: birthDate, gender: gender)
    }
    let rekeying = pseudonymizer.previous.map { previous in
      Rekeying(
        child: childPseudonym(previous),
        parents: Dictionary(
          parents.map { (previous.pseudonym(for: $0), pseudonymizer.pseudonym(for: $0)) },
          uniquingKeysWith: { a, _ in a }
        ))
    }
    return CheckedIdentity(
      pseudonym: childPseudonym(pseudonymizer),
      initials: Self.initials(givenNames: child.givenNames, familyName: familyName), birthDate: birthDate,
      gender: gender, parentPseudonyms: parents.map(pseudonymizer.pseudonym(for:)),
      addressPseudonym: child.address?.key.flatMap {
        institutionalAddresses.contains($0) ? nil : pseudonymizer.pseudonym(addressKey: $0)
      }, rekeying: rekeying)
  }

  /// A real date, not in the future, and the child younger than 23 on the signal's date (Europe/Amsterdam).
  private func checkBirthDate(_ text: String?, into issues: inout ValidationIssues) -> CalendarDate? {
    guard let text else {
      issues.add("child.birthDate", .required, "child.birthDate is required (YYYY-MM-DD)")
      return nil
    }
    guard let date = CalendarDate(text) else {
      issues.add("child.birthDate", .dateInvalid, "child.birthDate must be a real date written YYYY-MM-DD")
      return nil
    }
    let today = CalendarDate(now)
    if date > today {
      issues.add("child.birthDate", .dateFuture, "child.birthDate lies in the future")
      return nil
    }
    if date.age(on: today) >= Self.maximumAge {
      issues.add("child.birthDate", .ageLimit, "the young person is \(Self.maximumAge) or older")
      return nil
    }
    return date
  }

  private func checkParents(_ texts: [String]?, child: BSN?, into issues: inout ValidationIssues) -> [BSN]? {
    guard let texts else { return [] }
    if texts.count > Self.maximumParents {
      issues.add("child.parentBsns", .length, "child.parentBsns has more than \(Self.maximumParents) entries")
      return nil
    }
    var parents: [BSN] = []
    for (index, text) in texts.enumerated() {
      guard let parent = BSN(text) else {
        issues.add(
          "child.parentBsns[\(index)]", .bsnInvalid, "each parent BSN must be 9 digits that pass the elfproef")
        continue
      }
      if parent == child {
        issues.add("child.parentBsns[\(index)]", .bsnParent, "a parent BSN equals the child's BSN")
      }
      parents.append(parent)
    }
    return parents.count == texts.count ? Array(Set(parents)).sorted { $0.digits < $1.digits } : nil
  }

  private func checkAddress(_ address: Address?, into issues: inout ValidationIssues) {
    guard let address else { return }
    let postcode = address.postcode?.replacingOccurrences(of: " ", with: "").uppercased() ?? ""
    if postcode.range(of: #"^[1-9][0-9]{3}[A-Z]{2}$"#, options: .regularExpression) == nil {
      issues.add("child.address.postcode", .postcodeInvalid, "postcode must look like 1234AB")
    }
    if (address.houseNumber ?? "").range(of: #"^[1-9][0-9]{0,4}$"#, options: .regularExpression) == nil {
      issues.add("child.address.houseNumber", .houseNumberInvalid, "houseNumber must be a number from 1 to 99999")
    }
    if let addition = address.houseNumberAddition, addition.count > 10 {
      issues.add("child.address.houseNumberAddition", .length, "houseNumberAddition is longer than 10 characters")
    }
  }

  /// "Pieter Jan" + "Jansen" → "P.J. Jansen".
  static func initials(givenNames: String?, familyName: String) -> String {
    let letters = (givenNames ?? "").split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" })
      .compactMap(\.first).map { "\($0.uppercased())." }.joined()
    return letters.isEmpty ? familyName : "\(letters) \(familyName)"
  }
}
