/// One `VI_*` environment variable a service reads: its name, default, meaning, and how its value is parsed.
///
/// Settings are declared once (see ``Settings``) and used both to read the environment and to print `--help`, so
/// the help text and the code cannot disagree.
public struct Setting<Value: Sendable>: Sendable {
  /// The environment variable's name.
  public let name: String
  /// The value used when the variable is not set; `nil` makes the variable required.
  public let defaultValue: String?
  /// What the variable does, for `--help` and the README.
  public let help: String
  /// What a valid value looks like, for error messages.
  public let expected: String
  /// Whether the value is a secret: never printed or logged.
  public let isSecret: Bool
  let parse: @Sendable (String) -> Value?

  /// Declares a setting.
  public init(
    _ name: String, default defaultValue: String?, expected: String, secret: Bool = false, help: String,
    parse: @escaping @Sendable (String) -> Value?
  ) {
    self.name = name
    self.defaultValue = defaultValue
    self.help = help
    self.expected = expected
    self.isSecret = secret
    self.parse = parse
  }

  /// The name, default and meaning, for `--help`.
  public var documentation: SettingDocumentation {
    SettingDocumentation(name: name, defaultValue: defaultValue, help: help, isSecret: isSecret)
  }
}

/// The documentation of one setting, without its type: what `--help` lists.
public struct SettingDocumentation: Sendable, Hashable {
  /// The environment variable's name.
  public let name: String
  /// Its default, or `nil` when it is required.
  public let defaultValue: String?
  /// What it does.
  public let help: String
  /// Whether it is a secret.
  public let isSecret: Bool
}
