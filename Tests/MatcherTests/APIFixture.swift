import Contract
import Crypto
import Foundation
import JOSE
import PostgresNIO

@testable import Matcher

/// The registry and stored rows the API tests read: professionals a (org-a, coordinator), b (org-b) and c (org-c).
enum Fixture {
  /// Valid BSNs (elfproef).
  static let bsnChild = "111222333"
  static let bsnSibling = "123456782"
  static let bsnUnknown = "999999990"

  static func registry(keys: [String: Curve25519.Signing.PrivateKey]) -> [RegistryEvent] {
    func organisation(_ id: String, _ name: String, _ type: String, coordinator: Contact?) -> RegistryEvent {
      RegistryEvent(
        Organisation(
          id: id, name: name, type: type, municipality: "0363", region: "ams",
          publicKey: OrganisationKey.registryForm(of: keys[id]!.publicKey), coordinator: coordinator, active: true))
    }
    return [
      organisation(
        "org-a", "Basisschool De Linde", "school",
        coordinator: Contact(name: "Coco Ordinator", email: "coco@linde.nl", phone: "020-1")),
      organisation("org-b", "JGZ Amsterdam", "jgz", coordinator: nil),
      organisation("org-c", "Jeugdhulp Noord", "jeugdhulp", coordinator: nil),
      RegistryEvent(
        Professional(
          id: "prof-a", organisationId: "org-a", name: "Anna Aarts", email: "anna@linde.nl", phone: "020-11",
          active: true)),
      RegistryEvent(
        Professional(
          id: "prof-b", organisationId: "org-b", name: "Bert Bos", email: "bert@jgz.nl", phone: "020-22",
          active: true)),
      RegistryEvent(
        Professional(
          id: "prof-c", organisationId: "org-c", name: "Cor Claes", email: "cor@noord.nl", phone: "020-33",
          active: true)),
      RegistryEvent(
        Professional(
          id: "prof-off", organisationId: "org-a", name: "Olga Oud", email: "olga@linde.nl", phone: "020-44",
          active: false)),
      RegistryEvent(Municipality(code: "0363", name: "Amsterdam", followUpEmail: "regie@amsterdam.nl")),
    ]
  }

  /// The ids of the stored signals and matches.
  static let signalA = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
  static let signalB = UUID(uuidString: "00000000-0000-0000-0000-00000000000b")!
  static let signalC = UUID(uuidString: "00000000-0000-0000-0000-00000000000c")!
  static let signalB2 = UUID(uuidString: "00000000-0000-0000-0000-0000000000b2")!
  static let childMatch = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
  static let familyMatch = UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!

  /// The child (BSN `bsnChild`) signalled by a and b, matched, with regie at a; its sibling signalled by c, in a
  /// family match with a's signal; and another child signalled by b only.
  static func seed(_ world: APIWorld, child: String? = nil) async throws {
    let child = child ?? world.pseudonym(bsnChild)
    let sibling = world.pseudonym(bsnSibling)
    let other = "pseudonym-of-an-unrelated-child"
    try await world.sql(
      """
      INSERT INTO children (child_pseudonym, initials, birth_date, gender, municipality, first_signalled_at)
      VALUES (\(child), 'P.J. Jansen', '2015-03-04', 'M', '0363', '2026-01-10T09:00:00Z'),
        (\(sibling), 'S. Jansen', '2017-05-06', 'V', '0363', '2026-01-12T09:00:00Z'),
        (\(other), 'O. Ander', '2012-01-01', 'O', '0363', '2026-01-13T09:00:00Z')
      """)
    try await world.sql(
      """
      INSERT INTO child_parents (child_pseudonym, parent_pseudonym)
      VALUES (\(child), 'parent-1'), (\(child), 'parent-2'), (\(sibling), 'parent-1')
      """)
    try await world.sql(
      """
      INSERT INTO signals (signal_id, child_pseudonym, organisation_id, organisation_type, municipality,
        professional_id, reference, child_initials, child_birth_date, child_gender, informed, status,
        registered_at, ends_on)
      VALUES
        (\(signalA), \(child), 'org-a', 'school', '0363', 'prof-a', 'LEERLING-17', 'P.J. Jansen', '2015-03-04', 'M',
          'parents', 'active', '2026-01-10T09:00:00Z', '2028-01-10'),
        (\(signalB), \(child), 'org-b', 'jgz', '0363', 'prof-b', 'JGZ-CLIENT-99', 'P.J. Jansen', '2015-03-04', 'M',
          'withheld', 'active', '2026-01-11T09:00:00Z', '2028-01-11'),
        (\(signalC), \(sibling), 'org-c', 'jeugdhulp', '0363', 'prof-c', 'NOORD-5', 'S. Jansen', '2017-05-06', 'V',
          'parents', 'active', '2026-01-12T09:00:00Z', '2028-01-12'),
        (\(signalB2), \(other), 'org-b', 'jgz', '0363', 'prof-b', 'JGZ-OTHER-1', 'O. Ander', '2012-01-01', 'O',
          'child', 'active', '2026-01-13T09:00:00Z', '2028-01-13')
      """)
    try await world.sql(
      """
      INSERT INTO matches (match_id, kind, signal_a, signal_b, created_at, regie_organisation_id,
        regie_professional_id)
      VALUES (\(childMatch), 'child', \(signalA), \(signalB), '2026-01-11T09:00:01Z', 'org-a', 'prof-a'),
        (\(familyMatch), 'family', \(signalA), \(signalC), '2026-01-12T09:00:01Z', 'org-a', 'prof-a')
      """)
    try await world.sql(
      """
      INSERT INTO child_regie (child_pseudonym, signal_id, organisation_id, professional_id)
      VALUES (\(child), \(signalA), 'org-a', 'prof-a')
      """)
    try await world.sql(
      """
      INSERT INTO log_book (at, actor, action, child_pseudonym, signal_id)
      VALUES ('2026-01-10T09:00:00Z', 'matcher', 'signal.registered', \(child), \(signalA)),
        ('2026-01-11T09:00:00Z', 'matcher', 'signal.registered', \(child), \(signalB)),
        ('2026-01-12T09:00:00Z', 'matcher', 'signal.registered', \(sibling), \(signalC))
      """)
  }
}
