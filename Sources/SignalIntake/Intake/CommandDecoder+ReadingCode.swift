extension CommandDecoder {
  /// The code of a problem that makes an intake record unreadable, before its content is validated (the
  /// content's codes are ``ValidationCode``). The raw value is the code a rejection carries.
  enum ReadingCode: String, Sendable, CaseIterable {
    /// The record has no value.
    case valueEmpty = "value.empty"
    /// The value is larger than ``CommandDecoder/maximumBytes``.
    case valueTooLarge = "value.tooLarge"
    /// The value is not UTF-8 text.
    case valueEncoding = "value.encoding"
    /// The value is not a CloudEvent in structured JSON mode.
    case jsonInvalid = "json.invalid"
    /// `specversion` is not `1.0`.
    case specversion
    /// The command id is empty, too long or holds a control character.
    case idInvalid = "id.invalid"
    /// `source` is not `urn:vi:org:<organisationId>`.
    case sourceInvalid = "source.invalid"
    /// `type` is not a command type.
    case typeUnknown = "type.unknown"
    /// `datacontenttype` is not `application/json`.
    case datacontenttype
  }
}
