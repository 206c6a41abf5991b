/// A record type declared by the host program, such as a dossier's `discipline` record.
///
/// Field names are resolved to slot numbers when an expression is checked; at run time an
/// `ObjectValue` of this type stores its fields in that slot order.
public final class ObjectType: Hashable, Sendable, CustomStringConvertible {
    /// One declared field.
    public struct Field: Sendable, Hashable {
        public let name: String
        public let type: CELType
        /// A one-line description, for `appraise schema` and for suggestions.
        public let doc: String

        public init(name: String, type: CELType, doc: String = "") {
            self.name = name
            self.type = type
            self.doc = doc
        }
    }

    /// The record's name as rule authors see it (`discipline`, `candidate`, `business`).
    public let name: String
    public let fields: [Field]
    private let slots: [String: Int]
    /// Whether no two fields share a name, so a field's slot is the one holding its name.
    let hasDistinctFieldNames: Bool

    public init(name: String, fields: [Field]) {
        self.name = name
        self.fields = fields
        var slots: [String: Int] = [:]
        for (index, field) in fields.enumerated() where slots[field.name] == nil {
            slots[field.name] = index
        }
        self.slots = slots
        hasDistinctFieldNames = slots.count == fields.count
    }

    /// The slot of a field, or nil when the record has no such field.
    public func slot(of fieldName: String) -> Int? { slots[fieldName] }

    /// `slot(of:)` for an ASCII name, such as an identifier an expression selects from a value
    /// whose type was not known when it was checked: the name's bytes compared with each field's
    /// in place, which for a record's few fields costs less than hashing it. (Only a string of
    /// the same ASCII bytes is canonically equal to an ASCII name, so the answer is the same.)
    public func slot(ofASCII name: String) -> Int? {
        let length = name.utf8.count
        for index in fields.indices where fields[index].name.utf8.count == length && Value.sameUTF8(fields[index].name, name) {
            return index
        }
        return nil
    }

    /// `slot(ofASCII:)` when `isASCII` (see `isASCII(_:)`, worked out once per name), else `slot(of:)`.
    public func slot(of name: String, isASCII: Bool) -> Int? {
        isASCII ? slot(ofASCII: name) : slot(of: name)
    }

    /// Whether a field name is ASCII, so `slot(of:isASCII:)` may compare its bytes.
    public static func isASCII(_ name: String) -> Bool { name.utf8.allSatisfy { $0 < 0x80 } }

    public var description: String { name }

    public static func == (lhs: ObjectType, rhs: ObjectType) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
