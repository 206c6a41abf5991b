/// A record value whose fields sit in the slot order of its `ObjectType`.
///
/// `present[i]` says whether field `i` was written in the document (what `has()` tests);
/// an absent field reads as `fields[i]`, which holds its schema default or null.
public final class ObjectValue: Sendable {
    public let type: ObjectType
    public let fields: [Value]
    public let present: [Bool]
    /// Where the record stands in its document, when it was read from one.
    public let origin: ValueOrigin?
    /// Where each present scalar field stands, in slot order (nil when absent or unknown).
    public let fieldOrigins: [ValueOrigin?]

    public init(
        type: ObjectType, fields: [Value], present: [Bool], origin: ValueOrigin? = nil,
        fieldOrigins: [ValueOrigin?]? = nil
    ) {
        precondition(fields.count == type.fields.count && present.count == type.fields.count)
        self.type = type
        self.fields = fields
        self.present = present
        self.origin = origin
        self.fieldOrigins = fieldOrigins ?? Array(repeating: nil, count: type.fields.count)
    }
}

/// A list value; `origin` is set when it was read from a document.
public final class ListValue: Sendable {
    public let elements: [Value]
    public let origin: ValueOrigin?

    public init(_ elements: [Value], origin: ValueOrigin? = nil) {
        self.elements = elements
        self.origin = origin
    }
}
