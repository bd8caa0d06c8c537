/// A stored value the API cannot read: the database holds something its migrations do not allow. Restore the
/// database or report a defect; the request is answered with a 500.
enum StoredDataError: Error, CustomStringConvertible {
  /// A `date` column that does not read as `YYYY-MM-DD`.
  case notADate(String)

  var description: String {
    switch self {
    case .notADate(let text): "a stored date is not YYYY-MM-DD: '\(text)'"
    }
  }
}
