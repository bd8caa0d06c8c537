/// What a log book row records was done. The raw value is the `action` column, as the log book API shows it.
enum LogBookAction: String, Sendable, Hashable, CaseIterable {
  /// A professional's signal was stored (actor: the professional).
  case signalRegistered = "signal.registered"
  /// A signal ended because the risk ended, and was archived (actor: the professional).
  case signalEnded = "signal.ended"
  /// A signal ended as unjustified, and was deleted (actor: the professional).
  case signalDeleted = "signal.deleted"
  /// A signal reached its end date and was archived (actor: `retention`).
  case signalExpired = "signal.expired"
  /// An archived signal reached five years in the archive and was deleted (actor: `retention`).
  case signalPurged = "signal.purged"
  /// Two signals were matched (actor: `matcher`).
  case matchMade = "match.made"
  /// Regie around a child moved (actor: `matcher`).
  case regieMoved = "regie.moved"
  /// Archived signals were shown to a new signaller (actor: `matcher`).
  case historicalShown = "historical.shown"
  /// Everything about a child was deleted (actor: `retention` at 23, else `admin`); the row names no child.
  case childErased = "child.erased"
  /// A child's personal data was corrected (actor: `admin`).
  case childCorrected = "child.corrected"
  /// The region administrator read what is stored about a child, as JSON.
  case childInspected = "child.inspected"
  /// The region administrator read what is stored about a child, as a printable copy.
  case childCopied = "child.copied"
  /// The region administrator asked for a correction (the event follows as `child.corrected`).
  case childCorrectionRequested = "child.correctionRequested"
  /// The region administrator asked for an erasure (the event follows as `child.erased`).
  case childErasureRequested = "child.erasureRequested"
  /// The region administrator read a page of the log book.
  case logBookRead = "logBook.read"
  /// The region administrator read a page of the log book rows about one child.
  case logBookSearched = "logBook.searched"
  /// A professional read their own signals (one row per signal shown, or one without a child when none).
  case signalsRead = "signals.read"
}
