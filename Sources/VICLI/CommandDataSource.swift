import Contract
import Foundation

/// Where a signal's data comes from: the options, or a JSON file given with `--data`.
enum CommandDataSource {
  /// Built from the options.
  case options(CommandData)
  /// The bytes of a file, sent unchanged (over HTTP) or embedded unchanged as the command's `data` (on Kafka).
  case file(path: String, bytes: [UInt8])

  /// Reads `--data FILE` (`-` for standard input), or takes the data built from the options. Field options and
  /// `--data` exclude each other.
  static func make(file: String?, fieldOptionsGiven: Bool, data: () -> CommandData) throws -> CommandDataSource {
    guard let file else { return .options(data()) }
    guard !fieldOptionsGiven else {
      throw CLIError("give either --data FILE or the field options (--informed, --bsn, ...), not both")
    }
    let contents =
      file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
    guard let contents else { throw CLIError("cannot read the data file '\(file)'") }
    return .file(path: file, bytes: Array(contents))
  }

  /// The JSON body of `POST /v1/signals` or `/v1/signals/end`.
  func body() throws -> [UInt8] {
    switch self {
    case .options(let data): try EventCoding.encode(data)
    case .file(_, let bytes): bytes
    }
  }

  /// The `professionalId` in the data, when it can be read.
  var professionalId: String? {
    switch self {
    case .options(let data): data.professionalId
    case .file(_, let bytes):
      (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["professionalId"] as? String
    }
  }

  /// The data as a JSON value to embed in a command (a file's JSON as it is, unknown members and wrong types
  /// included).
  func jsonValue() throws -> Any {
    switch self {
    case .options(let data):
      return try JSONSerialization.jsonObject(with: Data(try EventCoding.encode(data)))
    case .file(let path, let bytes):
      do {
        return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
      } catch {
        throw CLIError("'\(path)' is not JSON; to send bytes that are not a command at all, use --raw \(path)")
      }
    }
  }
}
