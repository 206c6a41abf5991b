import CEL
import Foundation
import RuleEngine
import Testing
import YAML

/// Kept slate records survive the trip to bytes and back: every value, presence bit and
/// source location, for every shipped dossier.
@Suite struct RecordCodecTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let schema: Schema? = {
        let path = root.appendingPathComponent("rules/schema.yaml").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let node = YAMLLoader.load(text: text, file: "schema.yaml").root
        else { return nil }
        return Schema.load(node, file: "schema.yaml").0
    }()

    static func shippedDossiers() throws -> [(String, ObjectValue)] {
        guard let schema else { return [] }
        let folder = root.appendingPathComponent("candidates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        return try names.sorted().compactMap { name in
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let file = "candidates/" + name
            guard case .loaded(let dossier, _) = DossierLoader.load(
                bytes: bytes, file: file, schema: schema, limits: .default, options: ValidationOptions())
            else { return nil }
            return (file, dossier.value)
        }
    }

    /// Everything a slate rule can observe of a value, as text.
    static func describe(_ value: Value) -> String {
        switch value {
        case .object(let object):
            let fields = zip(object.type.fields, zip(object.fields, object.present)).map { field, entry in
                "\(field.name)\(entry.1 ? "" : "?")=\(describe(entry.0))"
            }
            let origins = object.fieldOrigins.map { $0.map(describe) ?? "-" }
            return "\(object.type.name)@\(object.origin.map(describe) ?? "-"){\(fields.joined(separator: ","))}\(origins)"
        case .list(let list):
            return "@\(list.origin.map(describe) ?? "-")[\(list.map(describe).joined(separator: ","))]"
        default:
            return value.displayText
        }
    }

    static func describe(_ origin: ValueOrigin) -> String { "\(origin.location):\(origin.path)" }

    @Test func everyShippedDossierRoundTrips() throws {
        let dossiers = try Self.shippedDossiers()
        guard let schema = Self.schema else { return }
        #expect(dossiers.count == 19)
        let codec = RecordCodec(root: schema.dossierType)
        for (file, dossier) in dossiers {
            let bytes = codec.encode(dossier, file: file)
            #expect(Self.describe(codec.decode(bytes)) == Self.describe(.object(dossier)), "\(file)")
        }
    }

    /// Only the fields slate rules read are kept; the others read back as absent.
    @Test func aRecordKeepsOnlyTheFieldsRead() throws {
        guard let schema = Self.schema,
            let (file, dossier) = try Self.shippedDossiers().first(where: { $0.0.hasSuffix("tran-van-binh.yaml") })
        else { return }
        let fields = SlateFieldUse(fields: ["dossier": ["family"], "candidate": ["id", "name"], "family_member": ["name"]])
        let codec = RecordCodec(root: schema.dossierType)
        let bytes = codec.encode(dossier, file: file, keeping: fields, always: ["candidate"])
        #expect(bytes.count < 1_000)
        let decoded = try #require(codec.decode(bytes).objectValue)
        let present = { (object: ObjectValue) in zip(object.type.fields, object.present).filter(\.1).map(\.0.name) }
        #expect(present(decoded) == ["candidate", "family"])
        let candidate = try #require(decoded.field("candidate")?.objectValue)
        #expect(present(candidate) == ["id", "name"])
        #expect(candidate.fieldOrigins.isEmpty)
        #expect(candidate.origin == dossier.field("candidate")?.objectValue?.origin)
        let relative = try #require(decoded.field("family")?.listValue?.first?.objectValue)
        #expect(present(relative) == ["name"])
    }

    @Test(arguments: [0, 1, 7, 40])
    func damagedBytesDecodeToAnError(cut: Int) throws {
        guard let schema = Self.schema, let (file, dossier) = try Self.shippedDossiers().first else { return }
        let codec = RecordCodec(root: schema.dossierType)
        var bytes = codec.encode(dossier, file: file)
        bytes.removeLast(bytes.count > cut ? bytes.count - cut : 0)
        #expect(Self.describe(codec.decode(bytes)) == Self.describe(RecordCodec.damagedRecord))
        #expect(Self.describe(codec.decode(codec.encode(dossier, file: file) + [0])) == Self.describe(RecordCodec.damagedRecord))
    }
}
