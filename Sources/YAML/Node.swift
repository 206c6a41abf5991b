import Diagnostics

/// A YAML node with the source mark of where it starts and ends, so every finding and every
/// validation error can point at the exact line and column of the dossier.
///
/// Mappings keep their key order. Aliases are expanded when the tree is built (within the
/// alias budget of `YAMLLimits`), so consumers never see anchors.
public struct Node: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    /// A scalar as written: its text, and whether it was plain (unquoted), which is what
    /// schema typing needs (`null` unquoted is null; `"null"` is a string).
    public struct Scalar: Sendable, Hashable {
        public enum Style: Sendable, Hashable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        public var text: String
        public var style: Style
        /// A tag written explicitly, nil when none. Core tags are kept in their short form
        /// (`!!str`, even when written `!<tag:yaml.org,2002:str>`); any other tag (`!custom`) is
        /// kept as written but the loader reports it as `yaml.tag`.
        public var tag: String?

        public init(text: String, style: Style = .plain, tag: String? = nil) {
            self.text = text
            self.style = style
            self.tag = tag
        }
    }

    /// One `key: value` entry of a mapping.
    public struct Pair: Sendable, Hashable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    /// libyaml's start mark, converted to 1-based line and column.
    public var start: SourceLocation
    /// libyaml's end mark, converted the same way.
    public var end: SourceLocation

    public init(kind: Kind, start: SourceLocation, end: SourceLocation) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}
