extension ValidationIssue {
  /// Creates an issue with one of the validator's codes.
  public init(field: String, code: ValidationCode, message: String) {
    self.init(field: field, code: code.rawValue, message: message)
  }
}
