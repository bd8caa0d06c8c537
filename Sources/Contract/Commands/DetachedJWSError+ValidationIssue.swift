public import JOSE

extension DetachedJWSError {
  /// The rejection entry: `{ field: "vi-signature", code, message }`.
  public var validationIssue: ValidationIssue {
    ValidationIssue(field: Self.field, code: code, message: message)
  }
}
