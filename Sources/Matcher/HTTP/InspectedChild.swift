import Contract
import Foundation

/// The child record as stored: what the latest signal (or the administrator's correction) says. Its parents and
/// address are stored only as pseudonyms, which are internal: the inspection says how many parents are known and
/// whether an address is.
struct InspectedChild: Encodable, Sendable, Hashable {
  var initials: String
  var birthDate: CalendarDate
  var gender: String
  /// The municipality code (and name, from the registry) of the latest signal.
  var municipality: String
  var municipalityName: String?
  var firstSignalledAt: Date
  var correctedAt: Date?
  var addressKnown: Bool
  var parentsKnown: Int
}
