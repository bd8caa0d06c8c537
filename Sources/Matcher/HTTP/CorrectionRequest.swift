import Contract
import Foundation

/// The body of `POST /v1/admin/children/correction`: the child, and its corrected personal data.
struct CorrectionRequest: Decodable, Sendable {
  /// The corrected data: all three, as a notice shows them.
  struct Corrected: Decodable, Sendable {
    var initials: String?
    var birthDate: String?
    var gender: String?
  }

  var child: ChildIdentityBody?
  var corrected: Corrected?

  /// The longest initials-and-family-name accepted.
  static let maximumInitialsLength = 200

  /// The correction, or `nil` with the problems in `issues`. The birth date must be real and not in the future.
  func correction(today: CalendarDate, into issues: inout FieldIssues) -> ChildCorrection? {
    guard let corrected else {
      issues.add("corrected", "required", "corrected is required: {initials, birthDate, gender}")
      return nil
    }
    let initials = corrected.initials?.trimmingCharacters(in: .whitespaces)
    if initials?.isEmpty ?? true {
      issues.add("corrected.initials", "required", "corrected.initials is required (e.g. \"P.J. Jansen\")")
    } else if initials!.count > Self.maximumInitialsLength || TextRules.hasControlCharacters(initials!) {
      issues.add(
        "corrected.initials", "text.invalid",
        "corrected.initials is at most \(Self.maximumInitialsLength) characters without control characters")
    }
    let birthDate = corrected.birthDate.flatMap(CalendarDate.init)
    if corrected.birthDate == nil {
      issues.add("corrected.birthDate", "required", "corrected.birthDate is required (YYYY-MM-DD)")
    } else if birthDate == nil {
      issues.add("corrected.birthDate", "date.invalid", "corrected.birthDate must be a real date written YYYY-MM-DD")
    } else if birthDate! > today {
      issues.add("corrected.birthDate", "date.future", "corrected.birthDate lies in the future")
    }
    if corrected.gender == nil {
      issues.add("corrected.gender", "required", "corrected.gender is required: M, V or O")
    } else if !ChildLocator.genders.contains(corrected.gender!) {
      issues.add("corrected.gender", "enum", "corrected.gender must be M, V or O")
    }
    guard let initials, !initials.isEmpty, initials.count <= Self.maximumInitialsLength,
      !TextRules.hasControlCharacters(initials), let birthDate, birthDate <= today, let gender = corrected.gender,
      ChildLocator.genders.contains(gender)
    else { return nil }
    return ChildCorrection(initials: initials, birthDate: birthDate, gender: gender)
  }
}
