/// Typed views of a value, for host code that reads a few known fields (a dossier's identity,
/// the slate's facts) outside of rules.
extension Value {
    public var objectValue: ObjectValue? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var listValue: ListValue? {
        if case .list(let list) = self { return list }
        return nil
    }

    /// True for values with no parts: not a list, map or object.
    public var isScalar: Bool {
        switch self {
        case .list, .map, .object: false
        default: true
        }
    }
}
