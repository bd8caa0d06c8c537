/// The body of `POST /v1/admin/children/inspection`: the child, by BSN or identity.
struct ChildRequest: Decodable, Sendable {
  var child: ChildIdentityBody?
}
