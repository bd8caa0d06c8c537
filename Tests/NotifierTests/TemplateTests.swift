import Foundation
import ServiceKit
import TestTags
import Testing

@testable import Notifier

/// Loading the templates: the built-in ones, a region's overrides, and templates that cannot be used.
@Suite("Templates", .tags(.unit))
struct TemplateTests {
  /// A fresh directory with `files` (name → text), removed after `body`.
  private func withDirectory(_ files: [String: String], _ body: (String) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try body(directory.path)
  }

  @Test func everyKindHasABuiltInTemplateThatRenders() throws {
    let templates = try MailTemplates.load(overrides: nil)
    try templates.check()
    #expect(Set(templates.files.keys).isSuperset(of: MailTemplates.required))
  }

  @Test func aRegionReplacesOneTemplateAndAddsAPartial() throws {
    let files = [
      "match-child.mustache":
        "Match (regio Noord)\n\nHallo {{recipientName}} & co,\n{{#others}}\n- {{name}}\n{{/others}}\n{{> groet}}\n",
      "groet.mustache": "Team Verwijsindex Noord\n",
    ]
    try withDirectory(files) { directory in
      let fixtures = Fixtures()
      let templates = try MailTemplates.load(overrides: directory)
      let mails = try Composing(registry: fixtures.registry, templates: templates).mails(fixtures.match())
      let toAnna = try #require(mails["professional/\(fixtures.anna)"])
      #expect(toAnna.subject == "Match (regio Noord)")
      // Plain text: "&" is not HTML-escaped.
      #expect(toAnna.body == "Hallo Anna de Vries & co,\n- Bram Bakker\nTeam Verwijsindex Noord\n")
      // The other kinds keep the built-in text.
      #expect(try #require(mails["follow-up/regie-\(fixtures.id)@amsterdam.test"]).body.contains("regievoerder"))
    }
  }

  @Test func aTemplateThatDoesNotParseIsNamed() throws {
    try withDirectory(["expired.mustache": "Onderwerp\n\n{{#signal}}\nniet gesloten\n"]) { directory in
      do {
        _ = try MailTemplates.load(overrides: directory)
        Issue.record("a broken template was accepted")
      } catch let error as MailTemplates.LoadError {
        #expect(error.file.hasSuffix("/expired.mustache"))
      }
    }
  }

  @Test func aBrokenRegionTemplateStopsTheStartWithAMessageNamingTheFile() throws {
    try withDirectory(["signature.mustache": "Groet\n{{/niet-geopend}}\n"]) { directory in
      let settings = try NotifierSettings(EnvironmentVariables(["VI_NOTIFIER_TEMPLATES_DIR": directory]))
      do {
        _ = try NotifierApp.loadTemplates(settings)
        Issue.record("a broken template was accepted")
      } catch let error as ConfigurationError {
        // ServiceMain prints it and exits with status 78.
        #expect(error.variable == "VI_NOTIFIER_TEMPLATES_DIR")
        #expect(error.reason.contains("\(directory)/signature.mustache: line 2"), "\(error)")
      }
    }
  }

  @Test func aTemplateWithoutABodyIsFoundAtStart() throws {
    try withDirectory(["regie.mustache": "Alleen een onderwerp\n"]) { directory in
      let templates = try MailTemplates.load(overrides: directory)
      #expect(throws: MailTemplates.LoadError.self) { try templates.check() }
    }
  }

  @Test func aMissingOverrideDirectoryIsAConfigurationError() throws {
    #expect(throws: MailTemplates.LoadError.self) {
      _ = try MailTemplates.load(overrides: "/nonexistent/templates-\(UUID().uuidString)")
    }
  }
}
