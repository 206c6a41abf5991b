/// What a token may do (`serve.md`, "Security model"): a `viewer` reads reports, dossiers and
/// rules; a `reviewer` also records decisions; an `author` also lints, tests and evaluates rules.
public enum Role: String, Sendable, CaseIterable {
    case viewer, reviewer, author

    /// Whether a token of this role may call an endpoint that needs `required`.
    public func allows(_ required: Role) -> Bool {
        required == .viewer || required == self
    }
}
