import Foundation
import Mustache

/// The e-mail templates (Mustache), parsed once at start: the defaults in `Sources/Notifier/Templates`, each
/// replaced by a file of the same name in the region's override directory (`VI_NOTIFIER_TEMPLATES_DIR`).
///
/// A template renders to the subject on its first line, then a blank line, then the body. Values are inserted as
/// they are (plain text: nothing is HTML-escaped). Partials: `contact` (a professional with their coordinator),
/// `regie-section` (who has regie) and `signature`; an override directory may add partials of its own.
struct MailTemplates: Sendable {
  /// The partials the default templates include.
  static let partials = ["contact", "regie-section", "signature"]
  /// Every template name the Notifier needs.
  static let required = MailKind.allCases.map(\.templateName) + partials
  /// Makes every template plain text; prepended on the first line, so line numbers in parse errors stay right.
  private static let plainText = "{{% CONTENT_TYPE: TEXT}}"

  /// A template that cannot be used, naming its file.
  struct LoadError: Error, CustomStringConvertible {
    /// The file (or directory) at fault.
    let file: String
    /// What is wrong with it.
    let reason: String
    var description: String { "\(file): \(reason)" }
  }

  /// A template that rendered to something that is not an e-mail.
  struct RenderError: Error, CustomStringConvertible {
    let template: String
    var description: String {
      "template '\(template)' rendered no subject line followed by a body; fix the template"
    }
  }

  private let library: MustacheLibrary
  /// Where each template came from, by name.
  let files: [String: String]

  /// The bundled defaults with the `.mustache` files of `overrides` (if given) in their place.
  static func load(overrides: String?) throws -> MailTemplates {
    guard let defaults = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw LoadError(file: "Templates", reason: "the bundled templates are missing from the installation")
    }
    var files = try templateFiles(in: defaults.path)
    if let overrides {
      files.merge(try templateFiles(in: overrides)) { _, override in override }
    }
    return try MailTemplates(files: files)
  }

  /// Parses `files` (name → path); every required name must be there.
  init(files: [String: String]) throws {
    var library = MustacheLibrary()
    for (name, path) in files.sorted(by: { $0.key < $1.key }) {
      let text: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw LoadError(file: path, reason: "cannot be read as UTF-8 text")
      }
      do {
        library.register(try MustacheTemplate(string: Self.plainText + text), named: name)
      } catch let error as MustacheTemplate.ParserError {
        throw LoadError(
          file: path,
          reason: "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
      } catch {
        throw LoadError(file: path, reason: "\(error)")
      }
    }
    if let missing = Self.required.first(where: { files[$0] == nil }) {
      throw LoadError(file: "\(missing).mustache", reason: "is missing")
    }
    self.library = library
    self.files = files
  }

  /// Renders `kind`'s template with `model` into a subject and a body.
  func render(_ kind: MailKind, _ model: Any) throws -> (subject: String, body: String) {
    let text = library.render(model, withTemplate: kind.templateName) ?? ""
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }[...]
    while lines.first?.isEmpty == true { lines.removeFirst() }
    guard let subject = lines.popFirst()?.trimmingCharacters(in: .whitespaces), !subject.isEmpty else {
      throw RenderError(template: kind.templateName)
    }
    var body: [String] = []
    for line in lines where !(line.isEmpty && (body.last?.isEmpty ?? true)) {
      body.append(line)
    }
    while body.last?.isEmpty == true { body.removeLast() }
    guard !body.isEmpty else { throw RenderError(template: kind.templateName) }
    return (subject, body.joined(separator: "\n") + "\n")
  }

  /// The `.mustache` files directly in `directory`, by name without the extension.
  private static func templateFiles(in directory: String) throws -> [String: String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw LoadError(file: directory, reason: "is not a readable directory")
    }
    var files: [String: String] = [:]
    for name in names where name.hasSuffix(".mustache") {
      files[String(name.dropLast(".mustache".count))] = (directory as NSString).appendingPathComponent(name)
    }
    return files
  }
}
