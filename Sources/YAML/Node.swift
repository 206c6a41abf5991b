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
    /// The file both marks point into, held once per node rather than once per mark: every
    /// copy of a node retains this string, and trees are copied and moved a lot while built.
    public var file: String
    /// Both marks as 1-based lines and columns, packed so a node carries no second string.
    var span: Span

    /// libyaml's start mark, converted to 1-based line and column.
    public var start: SourceLocation {
        get { SourceLocation(file: file, line: Int(span.startLine), column: Int(span.startColumn)) }
        set {
            file = newValue.file
            span.startLine = Int32(clamping: newValue.line)
            span.startColumn = Int32(clamping: newValue.column)
        }
    }

    /// libyaml's end mark, converted the same way (in the same file as `start`).
    public var end: SourceLocation {
        get { SourceLocation(file: file, line: Int(span.endLine), column: Int(span.endColumn)) }
        set {
            span.endLine = Int32(clamping: newValue.line)
            span.endColumn = Int32(clamping: newValue.column)
        }
    }

    /// A node from `start` to `end`; `end` is taken to be in `start`'s file.
    public init(kind: Kind, start: SourceLocation, end: SourceLocation) {
        self.kind = kind
        self.file = start.file
        self.span = Span(
            startLine: Int32(clamping: start.line), startColumn: Int32(clamping: start.column),
            endLine: Int32(clamping: end.line), endColumn: Int32(clamping: end.column))
    }

    /// The loader's initializer: marks already converted, the file shared by the whole tree.
    init(kind: Kind, file: String, span: Span) {
        self.kind = kind
        self.file = file
        self.span = span
    }

    /// The 1-based start and end marks of a node, without the file.
    public struct Span: Sendable, Hashable {
        public var startLine: Int32
        public var startColumn: Int32
        public var endLine: Int32
        public var endColumn: Int32
    }
}

extension Node.Span {
    /// The span of libyaml's 0-based lines and columns: the one shift to 1-based numbers,
    /// inline, since the event reader's `span` is read for every scalar a document keeps.
    /// `Int32(clamping: value + 1)` with no overflow check (a mark is never near `Int.max`).
    @inlinable
    init(zeroBasedStartLine startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = Int32(clamping: startLine &+ 1)
        self.startColumn = Int32(clamping: startColumn &+ 1)
        self.endLine = Int32(clamping: endLine &+ 1)
        self.endColumn = Int32(clamping: endColumn &+ 1)
    }
}
