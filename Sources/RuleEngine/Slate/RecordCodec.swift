import CEL
import Diagnostics

/// Turns a kept dossier (what slate rules will read of it) into a few hundred bytes and back,
/// so that a screening of 100,000 dossiers keeps them on disk, not as object graphs in memory
/// (`docs/performance.md`, "Memory").
///
/// The bytes hold every value, presence bit and source location of the record: a decoded
/// record evaluates, locates and explains exactly as the original. They are read back only
/// by the process that wrote them, so the format has no version; a damaged record decodes
/// to an error value, never to a crash.
public struct RecordCodec: Sendable {
    /// Every record type that can occur below the root, in a fixed order: a type is written as
    /// its index here.
    let types: [ObjectType]

    /// A codec for records of `root` (the dossier type) and the types below it.
    public init(root: ObjectType) {
        var types: [ObjectType] = []
        var seen: Set<ObjectIdentifier> = []
        var pending = [root]
        while let type = pending.popLast() {
            guard seen.insert(ObjectIdentifier(type)).inserted else { continue }
            types.append(type)
            for field in type.fields.reversed() { pending += Self.objectTypes(in: field.type) }
        }
        self.types = types
    }

    /// Whether records of `type` occur in what this codec writes (a slate's own object does not).
    public func isRecordType(_ type: ObjectType) -> Bool { index(of: type) != nil }

    /// Where `type` is in `types`. A schema has a dozen record types: comparing identities
    /// costs less than hashing one into a dictionary, at every record a dossier holds.
    private func index(of type: ObjectType) -> Int? {
        types.firstIndex { $0 === type }
    }

    private static func objectTypes(in type: CELType) -> [ObjectType] {
        switch type {
        case .object(let object): [object]
        case .list(let element): objectTypes(in: element)
        case .map(_, let value): objectTypes(in: value)
        default: []
        }
    }

    /// The bytes of `record`; `file` is the file its locations name (written once). With
    /// `fields`, only the fields it lists are kept (the others read back as absent) and
    /// per-field origins are dropped: evidence then points at the record holding the field.
    /// `always` names fields of `record` itself kept whatever `fields` says.
    public func encode(
        _ record: ObjectValue, file: String, keeping fields: SlateFieldUse? = nil, always: Set<String> = []
    ) -> [UInt8] {
        encode(record, file: file, selection: selection(keeping: fields, always: always))
    }

    /// `encode(_:file:keeping:always:)` with the fields to keep worked out beforehand
    /// (`selection(keeping:always:)`): a screening encodes every dossier with the same one.
    public func encode(_ record: ObjectValue, file: String, selection: Selection) -> [UInt8] {
        var writer = RecordWriter(file: file)
        writer.string(file)
        encode(record, into: &writer, selection: selection, isRoot: true)
        return writer.bytes
    }

    /// Which fields `encode` keeps of each record type, per slot, so that encoding a record
    /// looks no field name up.
    public struct Selection: Sendable {
        /// Per type index and slot; nil when every field is kept, with its origin.
        let kept: [[Bool]]?
        /// The same for the record passed to `encode` itself (`always` added).
        let keptAtRoot: [[Bool]]?
    }

    /// The fields `encode(_:file:keeping:always:)` keeps, per record type.
    public func selection(keeping fields: SlateFieldUse?, always: Set<String>) -> Selection {
        guard let fields else { return Selection(kept: nil, keptAtRoot: nil) }
        func masks(always: Set<String>) -> [[Bool]] {
            types.map { type in type.fields.map { fields.reads($0.name, of: type) || always.contains($0.name) } }
        }
        return Selection(kept: masks(always: []), keptAtRoot: masks(always: always))
    }

    /// The record `encode` wrote, or an error value when the bytes are not such a record.
    public func decode(_ bytes: ArraySlice<UInt8>) -> Value { decode(bytes, keeping: nil) }

    /// The same with only the fields `selection` keeps: the others read as absent and are
    /// skipped, never built. A rule that reads no other field (`SlateFieldUse.observed(by:isRecord:)`)
    /// evaluates the same on it as on the whole record.
    public func decode(_ bytes: ArraySlice<UInt8>, keeping selection: Selection?) -> Value {
        var reader = RecordReader(bytes)
        guard let file = reader.string() else { return Self.damagedRecord }
        reader.file = file
        let value = decodeValue(&reader, depth: 0, keeping: selection, building: true) ?? Self.damagedRecord
        return reader.atEnd ? value : Self.damagedRecord
    }

    /// The record that is the whole of `bytes`.
    public func decode(_ bytes: [UInt8]) -> Value { decode(bytes[...]) }

    /// What a record that cannot be read back evaluates to: rules that read it fail loudly.
    public static let damagedRecord = Value.error(EvalError(.evalDamagedRecord, "a kept slate record could not be read back"))

    // MARK: - Values

    private enum Tag: UInt8 {
        case null, `false`, `true`, int, double, string, list, map, object, timestamp, duration, date, unsupported
    }

    private func encode(_ value: Value, into writer: inout RecordWriter, selection: Selection) {
        switch value {
        case .null: writer.tag(Tag.null.rawValue)
        case .bool(let flag): writer.tag(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            writer.tag(Tag.int.rawValue)
            writer.signed(number)
        case .double(let number):
            writer.tag(Tag.double.rawValue)
            writer.fixed(number.bitPattern)
        case .string(let text):
            writer.tag(Tag.string.rawValue)
            writer.string(text)
        case .list(let list):
            writer.tag(Tag.list.rawValue)
            // Measured, so that a rule that reads none of a list (a family, the declarations)
            // skips it in one step.
            writer.measured { writer in
                writer.origin(list.origin)
                writer.unsigned(UInt64(list.count))
                for element in list { encode(element, into: &writer, selection: selection) }
            }
        case .map(let map):
            writer.tag(Tag.map.rawValue)
            writer.unsigned(UInt64(map.keys.count))
            for (key, item) in zip(map.keys, map.values) {
                encode(key, into: &writer, selection: selection)
                encode(item, into: &writer, selection: selection)
            }
        case .object(let object):
            encode(object, into: &writer, selection: selection, isRoot: false)
        case .timestamp(let time):
            writer.tag(Tag.timestamp.rawValue)
            writer.signed(time.seconds)
            writer.signed(Int64(time.nanos))
        case .duration(let duration):
            writer.tag(Tag.duration.rawValue)
            writer.signed(duration.seconds)
            writer.signed(Int64(duration.nanos))
        case .date(let date):
            writer.tag(Tag.date.rawValue)
            writer.unsigned(UInt64(date.year * 10_000 + date.month * 100 + date.day))
        case .type, .error:
            // Never read from a document: a dossier holds data only.
            writer.tag(Tag.unsupported.rawValue)
        }
    }

    private func encode(_ object: ObjectValue, into writer: inout RecordWriter, selection: Selection, isRoot: Bool) {
        guard let typeIndex = index(of: object.type) else {
            return writer.tag(Tag.unsupported.rawValue)
        }
        writer.tag(Tag.object.rawValue)
        writer.unsigned(UInt64(typeIndex))
        writer.origin(object.origin)
        let kept = (isRoot ? selection.keptAtRoot : selection.kept)?[typeIndex]
        let present = object.present, values = object.fields
        for slot in present.indices { writer.tag(present[slot] && kept?[slot] ?? true ? 1 : 0) }
        for slot in values.indices {
            if kept?[slot] ?? true {
                encode(values[slot], into: &writer, selection: selection)
            } else {
                writer.tag(Tag.null.rawValue)
            }
        }
        let origins = object.fieldOrigins
        let originCount = selection.kept == nil ? origins.count : 0
        writer.unsigned(UInt64(originCount))
        for slot in 0..<originCount { writer.origin(origins[slot]) }
    }

    /// The next value, or nil when the bytes are malformed. Without `building` the value is
    /// only checked and skipped (`.null` stands for it): a field the selection leaves out.
    private func decodeValue(_ reader: inout RecordReader, depth: Int, keeping selection: Selection?, building: Bool) -> Value? {
        guard depth < 256, let raw = reader.byte(), let tag = Tag(rawValue: raw) else { return nil }
        switch tag {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int: return reader.signed().map(Value.int)
        case .double: return reader.fixed().map { .double(Double(bitPattern: $0)) }
        case .string: return reader.text(building: building).map(Value.string)
        case .list:
            guard let length = reader.measured() else { return nil }
            guard building else {
                reader.skip(length)
                return .null
            }
            let end = reader.offset + length
            guard let origin = reader.origin(), let count = reader.count() else { return nil }
            var elements: [Value] = []
            elements.reserveCapacity(count)
            for _ in 0..<count {
                guard let element = decodeValue(&reader, depth: depth + 1, keeping: selection, building: true)
                else { return nil }
                elements.append(element)
            }
            return reader.offset == end ? .list(ListValue(elements, origin: origin)) : nil
        case .map:
            guard let count = reader.count() else { return nil }
            var keys: [Value] = [], values: [Value] = []
            for _ in 0..<count {
                guard let key = decodeValue(&reader, depth: depth + 1, keeping: selection, building: building),
                    let value = decodeValue(&reader, depth: depth + 1, keeping: selection, building: building)
                else { return nil }
                if building {
                    keys.append(key)
                    values.append(value)
                }
            }
            return building ? .map(MapValue(keys: keys, values: values)) : .null
        case .object: return decodeObject(&reader, depth: depth, keeping: selection, building: building)
        case .timestamp:
            guard let seconds = reader.signed(), let nanos = reader.signed(), let small = Int32(exactly: nanos) else { return nil }
            return .timestamp(Timestamp(seconds: seconds, nanos: small))
        case .duration:
            guard let seconds = reader.signed(), let nanos = reader.signed(), let small = Int32(exactly: nanos) else { return nil }
            return .duration(CELDuration(seconds: seconds, nanos: small))
        case .date:
            guard let packed = reader.unsigned().map(Int.init(truncatingIfNeeded:)),
                let date = CivilDate(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100)
            else { return nil }
            return .date(date)
        case .unsupported: return Self.damagedRecord
        }
    }

    /// An object (the record itself at depth 0) with the fields `selection` keeps built.
    private func decodeObject(_ reader: inout RecordReader, depth: Int, keeping selection: Selection?, building: Bool) -> Value? {
        guard let index = reader.count(), index < types.count, let origin = reader.origin(building: building) else { return nil }
        let type = types[index]
        let kept = (depth == 0 ? selection?.keptAtRoot : selection?.kept)?[index]
        /// Whether field `slot` is built (else read as absent, its value skipped).
        func builds(_ slot: Int) -> Bool { building && (kept?[slot] ?? true) }
        var present: [Bool] = []
        if building { present.reserveCapacity(type.fields.count) }
        for slot in type.fields.indices {
            guard let flag = reader.byte(), flag <= 1 else { return nil }
            if building { present.append(flag == 1 && builds(slot)) }
        }
        var fields: [Value] = []
        if building { fields.reserveCapacity(type.fields.count) }
        for slot in type.fields.indices {
            guard let field = decodeValue(&reader, depth: depth + 1, keeping: selection, building: builds(slot))
            else { return nil }
            if building { fields.append(builds(slot) ? field : .null) }
        }
        guard let originCount = reader.count(), originCount == 0 || originCount == type.fields.count else { return nil }
        var fieldOrigins: [ValueOrigin?] = []
        if building { fieldOrigins.reserveCapacity(originCount) }
        for _ in 0..<originCount {
            guard let fieldOrigin = reader.origin(building: building) else { return nil }
            if building { fieldOrigins.append(fieldOrigin) }
        }
        guard building else { return .null }
        return .object(ObjectValue(type: type, fields: fields, present: present, origin: origin, fieldOrigins: fieldOrigins))
    }
}
