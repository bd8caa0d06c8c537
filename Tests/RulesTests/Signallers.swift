import Rules

/// Three professionals: Anna and Bram of one organisation, Cora of another.
enum Signallers {
  static let anna = Signaller(professionalId: "anna", organisationId: "jeugdhulp-1")
  static let bram = Signaller(professionalId: "bram", organisationId: "jeugdhulp-1")
  static let cora = Signaller(professionalId: "cora", organisationId: "jgz-1")
}
