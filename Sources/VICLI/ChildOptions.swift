import ArgumentParser
import Contract

/// The child's identity, as options. Values are passed on as given, so that SignalIntake's validation can be tried.
struct ChildOptions: ParsableArguments {
  @Option(help: "The child's BSN: 9 digits that pass the elfproef (optional).")
  var bsn: String?

  @Option(name: .customLong("family-name"), help: "Family name.")
  var familyName: String?

  @Option(name: .customLong("given-names"), help: "Given names or initials.")
  var givenNames: String?

  @Option(name: .customLong("birth-date"), help: "Date of birth, YYYY-MM-DD (the child must be under 23).")
  var birthDate: String?

  @Option(help: "Gender: M, V or O.")
  var gender: String?

  @Option(name: .customLong("parent-bsn"), help: "A parent's BSN; repeat for each parent (at most 4).")
  var parentBsns: [String] = []

  @Option(help: "Postcode of the address, e.g. 1234AB (optional, with --house-number).")
  var postcode: String?

  @Option(name: .customLong("house-number"), help: "House number of the address.")
  var houseNumber: String?

  @Option(name: .customLong("house-number-addition"), help: "House number addition, e.g. A.")
  var houseNumberAddition: String?

  /// Whether any identity option was given.
  var isEmpty: Bool {
    identity == ChildIdentity(bsn: nil, familyName: nil, givenNames: nil, birthDate: nil, gender: nil)
  }

  /// The identity made of the options.
  var identity: ChildIdentity {
    let address =
      postcode == nil && houseNumber == nil && houseNumberAddition == nil
      ? nil
      : Address(postcode: postcode, houseNumber: houseNumber, houseNumberAddition: houseNumberAddition)
    return ChildIdentity(
      bsn: bsn, familyName: familyName, givenNames: givenNames, birthDate: birthDate, gender: gender,
      parentBsns: parentBsns.isEmpty ? nil : parentBsns, address: address)
  }
}
