extension Setting where Value == String? {
  /// A string that may be left unset (then `nil`).
  public static func optional(_ name: String, secret: Bool = false, help: String) -> Self {
    Setting(name, default: "", expected: "a string, or unset", secret: secret, help: help) { text in
      .some(text.isEmpty ? nil : text)
    }
  }
}
