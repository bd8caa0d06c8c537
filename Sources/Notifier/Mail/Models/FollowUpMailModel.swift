/// The follow-up officer's notice (`follow-up`): `{{municipalities}}` (names), the kind (`{{#isChild}}`,
/// `{{#isFamily}}`, `{{#isAddress}}`), `{{#parties}}` the professionals, `{{#regie}}`, `{{matchId}}`, and for a
/// child match only `{{#child}}` (`{{initials}}`, `{{birthDate}}`, as the first party registered them). A family or
/// address match carries no data about any child.
struct FollowUpMailModel: Sendable {
  /// Child data of a child match, for the officer's follow-up.
  struct ChildModel: Sendable {
    var initials: String
    var birthDate: String
  }

  var municipalities: String
  var isChild: Bool
  var isFamily: Bool
  var isAddress: Bool
  var child: ChildModel?
  var parties: [ContactModel]
  var regie: RegieModel
  var matchId: String
}
