import Crypto
import JOSE
import Testing

extension LocalSystem {
  /// Registers, through SignalIntake's admin API, the municipality Amsterdam (with its follow-up officer), a school
  /// and a JGZ organisation with new keys, and one professional of each: Anna (school) and Bram (JGZ). Returns their
  /// e-mail addresses (unique to the run) and the organisations' keys.
  func seedDemoRegistry() async throws -> (
    anna: String, bram: String, schoolKey: Curve25519.Signing.PrivateKey, jgzKey: Curve25519.Signing.PrivateKey
  ) {
    let id = runID
    let annaEmail = "anna-\(id)@school.example"
    let bramEmail = "bram-\(id)@jgz.example"
    let schoolKey = Curve25519.Signing.PrivateKey()
    let jgzKey = Curve25519.Signing.PrivateKey()
    let school = OrganisationKey.registryForm(of: schoolKey.publicKey)
    let jgz = OrganisationKey.registryForm(of: jgzKey.publicKey)
    let entries = [
      ("municipalities/0363", #"{"name":"Amsterdam","followUpEmail":"regie-\#(id)@amsterdam.example"}"#),
      (
        "organisations/school-\(id)",
        #"{"name":"Basisschool De Linde","type":"school","municipality":"0363","region":"amsterdam","publicKey":"\#(school)","coordinator":null,"active":true}"#
      ),
      (
        "organisations/jgz-\(id)",
        #"{"name":"JGZ Amsterdam","type":"jgz","municipality":"0363","region":"amsterdam","publicKey":"\#(jgz)","coordinator":null,"active":true}"#
      ),
      (
        "professionals/anna-\(id)",
        #"{"organisationId":"school-\#(id)","name":"Anna de Vries","email":"\#(annaEmail)","phone":"020-1112222","active":true}"#
      ),
      (
        "professionals/bram-\(id)",
        #"{"organisationId":"jgz-\#(id)","name":"Bram Bakker","email":"\#(bramEmail)","phone":"020-3334444","active":true}"#
      ),
    ]
    for (path, body) in entries {
      let answer = try await HTTP.request(
        "PUT", url("SignalIntake", "/v1/admin/\(path)"), json: body, bearer: adminToken)
      try #require(answer.status == 200, "PUT \(path) answered \(answer.status): \(answer.body)")
    }
    return (annaEmail, bramEmail, schoolKey, jgzKey)
  }
}
