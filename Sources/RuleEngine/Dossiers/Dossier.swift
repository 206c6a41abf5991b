import CEL
import YAML

/// One candidate's dossier, read and validated: the typed value rules evaluate, and the
/// identity the report prints.
public struct Dossier: Sendable {
    /// The path as given, or the slate's folder joined with the entry.
    public let file: String
    /// `sha256:<hex>` of the bytes read.
    public let digest: String
    /// The root `dossier` record.
    public let value: ObjectValue
    /// `candidate.id`.
    public var id: String
    /// `candidate.name`.
    public var name: String
    /// `candidate.citizen_id`, when given.
    public var citizenID: String?

    public init(file: String, digest: String, value: ObjectValue) {
        self.file = file
        self.digest = digest
        self.value = value
        let candidate = value.field("candidate").flatMap(\.objectValue)
        self.id = candidate?.field("id")?.stringValue ?? ""
        self.name = candidate?.field("name")?.stringValue ?? ""
        self.citizenID = candidate?.field("citizen_id")?.stringValue
    }
}

extension ObjectValue {
    /// The value of a present field by name; nil when the record has no such field or it was
    /// not written. For the few by-name reads outside rules (identity, slate facts).
    public func field(_ name: String) -> Value? {
        guard let slot = type.slot(of: name), present[slot] else { return nil }
        return fields[slot]
    }
}

/// `candidate.id` and `candidate.name` read straight from the tree, so a dossier that does
/// not validate can still name itself in the report when those two parse.
func candidateIdentity(_ root: Node?) -> (id: String?, name: String?) {
    let candidate = root?["candidate"]
    func text(_ key: String) -> String? {
        guard let scalar = candidate?[key]?.scalar, !ScalarTyping.isNull(scalar) else { return nil }
        return scalar.text
    }
    return (text("id"), text("name"))
}
