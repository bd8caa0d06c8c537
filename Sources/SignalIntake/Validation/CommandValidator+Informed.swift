import Contract

extension CommandValidator {
  /// Who must be informed at the child's age (DOMAIN.md): under 12 the parents; from 12 to 16 the parents and the
  /// young person; from 16 only the young person. Withholding (in the young person's interest) is always allowed.
  static func allowedInformed(age: Int) -> Set<Informed> {
    switch age {
    case ..<12: [.parents, .withheld]
    case 12..<16: [.parentsAndChild, .withheld]
    default: [.child, .withheld]
    }
  }

  func checkInformed(_ text: String?, birthDate: CalendarDate?, into issues: inout ValidationIssues) -> Informed? {
    guard let text else {
      issues.add("informed", .required, "informed is required: parents, child, parentsAndChild or withheld")
      return nil
    }
    guard let informed = Informed(rawValue: text) else {
      issues.add("informed", .enum, "informed must be one of parents, child, parentsAndChild, withheld")
      return nil
    }
    if let birthDate {
      let age = birthDate.age(on: CalendarDate(now))
      let allowed = Self.allowedInformed(age: age)
      if !allowed.contains(informed) {
        issues.add(
          "informed", .informedAge,
          "at age \(age) informed must be one of \(allowed.map(\.rawValue).sorted().joined(separator: ", "))")
      }
    }
    return informed
  }
}
