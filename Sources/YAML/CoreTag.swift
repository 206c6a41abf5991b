/// The YAML 1.2 core-schema tags, the only tags the loader accepts.
///
/// `Node.Scalar.tag` holds the short form (`!!str`): libyaml expands `!!str` to
/// `tag:yaml.org,2002:str`, and the loader shortens it back, so consumers compare against
/// the form people write. Any other tag (`!custom`, `!!python/object`, `!`) is `yaml.tag`.
enum CoreTag: String, CaseIterable {
    case str, int, float, bool, null, map, seq

    static let longPrefix = "tag:yaml.org,2002:"

    /// The tag from its short form `!!name`.
    init?(shortName: String) {
        guard shortName.hasPrefix("!!") else { return nil }
        self.init(rawValue: String(shortName.dropFirst(2)))
    }

    /// `!!name`.
    var shortName: String { "!!" + rawValue }

    /// `tag:yaml.org,2002:name` as `!!name`; any other tag as written.
    static func shorten(_ tag: String) -> String {
        tag.hasPrefix(longPrefix) ? "!!" + tag.dropFirst(longPrefix.count) : tag
    }

    /// Whether `text` is a valid value for this scalar tag (`!!int 12`, not `!!int abc`).
    func accepts(_ text: String) -> Bool {
        switch self {
        case .str: true
        case .int: ScalarResolver.int(text) != nil
        case .float: ScalarResolver.double(text) != nil
        case .bool: ScalarResolver.bool(text) != nil
        case .null: ScalarResolver.isNull(text)
        case .map, .seq: false
        }
    }
}
