/// What a professional's match e-mail may say (DOMAIN ), and nothing else: that there is a match; which of the
/// recipient's own signals it concerns, by their own reference and the child's initials and birth date; the other
/// professionals' name, organisation, e-mail address and phone number, and the same for their organisation's
/// coordinator; who has regie. Never a BSN (free text is masked, `BSNMask`), never a reason, and in a family or
/// address match nothing about the other child.
///
/// The Notifier's e-mail model (`MatchMailModel`) holds exactly these fields; `MailContentTests` in the Notifier's
/// tests fails when it holds another.
public enum MailContent {
  /// Every field of a match e-mail, as paths through the e-mail's model (an array's elements share one path).
  public static let matchEmail: Set<String> = [
    // the recipient, and their own signal
    "recipientName",
    "signal.reference", "signal.initials", "signal.birthDate", "signal.summary",
    // the other professionals, and their organisation's coordinator
    "others.name", "others.organisation", "others.email", "others.phone",
    "others.coordinator.name", "others.coordinator.email", "others.coordinator.phone",
    // who has regie, and how to reach them
    "regie.recipientHasRegie",
    "regie.holder.name", "regie.holder.organisation", "regie.holder.email", "regie.holder.phone",
    "regie.holder.coordinator.name", "regie.holder.coordinator.email", "regie.holder.coordinator.phone",
  ]
}
