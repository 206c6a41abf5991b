import Diagnostics

/// Where a node sits in its document, such as `family[2].businesses[0].stake`.
///
/// The tree does not store a path per node (that would cost a string per node on every
/// load); `Node.walk` builds paths on the way down, and the loader builds one only when it
/// reports a problem.
public struct NodePath: Sendable, Hashable, CustomStringConvertible {
    /// One step down: a mapping key or a list index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    /// The root: an empty path, printed as "".
    public static let root = NodePath(components: [])

    public init(components: [Component] = []) {
        self.components = components
    }

    /// This path one step further down.
    public func appending(_ component: Component) -> NodePath {
        var copy = self
        copy.components.append(component)
        return copy
    }

    /// `a.b[2].c`; a key that is not a plain identifier is written `["a key"]`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isIdentifier(key):
                if !text.isEmpty { text += "." }
                text += key
            case .key(let key):
                text += "[" + JSONWriter.quoted(key) + "]"
            }
        }
        return text
    }

    /// Letters, digits, `_` and `-`, not starting with a digit or `-`.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first != "-", !("0"..."9").contains(first) else {
            return false
        }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                || ("0"..."9").contains($0)
        }
    }
}
