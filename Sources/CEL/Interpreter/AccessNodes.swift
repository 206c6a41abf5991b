/// Field selection, `has()`, indexing, and list and map literals.
/// A field of an object resolved by the checker to a slot.
final class FieldNode: Node, @unchecked Sendable {
    let operand: Node
    let slot: Int
    let name: String
    /// Where the operand is held when it is a variable (`v.date`, `x.year`): the record is then
    /// read in place, not copied out and released (most reads are of this kind).
    private let place: VariablePlace?
    init(id: Int, _ operand: Node, slot: Int, name: String) {
        self.operand = operand
        self.slot = slot
        self.name = name
        place = VariablePlace(operand)
        super.init(id: id)
    }
    override var children: [Node] { [operand] }
    override func eval(_ frame: inout Frame) -> Value {
        if let held = place?.field(slot, in: frame) { return held.pointee }
        return read(operand.eval(&frame))
    }

    /// The field of an evaluated operand.
    func read(_ operand: Value) -> Value {
        switch operand {
        case .object(let object) where slot < object.fields.count: return object.fields[slot]
        case .error(let e): return .error(e)
        case .null: return fail(.evalMissing, "no such field '\(name)': the value is null")
        case let other: return SelectNode.select(other, name, self)
        }
    }
}

/// `x.name` where the checker could not resolve `x`'s type (a map, or `dyn`).
final class SelectNode: Node, @unchecked Sendable {
    let operand: Node
    let name: String
    /// Whether `name` is ASCII, so a record's field can be found by its bytes (`slot(ofASCII:)`).
    let asciiName: Bool
    /// The slot this select found last, and in which record type.
    let cache = SlotCache()
    init(id: Int, _ operand: Node, name: String) {
        self.operand = operand
        self.name = name
        asciiName = ObjectType.isASCII(name)
        super.init(id: id)
    }
    override var children: [Node] { [operand] }
    override func eval(_ frame: inout Frame) -> Value {
        Self.select(operand.eval(&frame), name, self, asciiName: asciiName, cache: cache)
    }
    override func combine(_ values: [Value]) -> Value? {
        Self.select(values[0], name, self, asciiName: asciiName, cache: cache)
    }

    static func select(
        _ value: Value, _ name: String, _ node: Node, asciiName: Bool = false, cache: SlotCache? = nil
    ) -> Value {
        switch value {
        case .map(let map): return map.lookup(string: name) ?? node.fail(.evalMissing, "no such key: '\(name)'")
        case .object(let object):
            let found = cache.map { $0.slot(of: name, in: object.type, isASCII: asciiName) }
                ?? object.type.slot(of: name, isASCII: asciiName)
            guard let slot = found else { return node.fail(.evalMissing, "no such field '\(name)'") }
            return object.fields[slot]
        case .error(let e): return .error(e)
        case let other: return node.fail(.evalType, "type '\(other.runtimeType.celName)' has no field '\(name)'")
        }
    }
}

/// `has(x.name)`: whether a map has the key, or an object's field was written.
final class HasNode: Node, @unchecked Sendable {
    let operand: Node
    let name: String
    let slot: Int?
    /// Whether `name` is ASCII (see `SelectNode.asciiName`).
    let asciiName: Bool
    /// The slot found last when the checker gave none (see `SelectNode.cache`).
    let cache = SlotCache()
    /// Where the operand is held when it is a variable (see `FieldNode.place`).
    private let place: VariablePlace?
    init(id: Int, _ operand: Node, name: String, slot: Int?) {
        self.operand = operand
        self.name = name
        self.slot = slot
        asciiName = ObjectType.isASCII(name)
        place = VariablePlace(operand)
        super.init(id: id)
    }
    override var children: [Node] { [operand] }
    override func eval(_ frame: inout Frame) -> Value {
        if let slot, let held = place?.value(in: frame), case .object(let object) = held.pointee,
            slot < object.present.count
        {
            return .bool(Self.written(object, slot))
        }
        return test(operand.eval(&frame))
    }

    /// Whether field `slot` (in range) was written with a value.
    @inline(__always)
    static func written(_ object: ObjectValue, _ slot: Int) -> Bool {
        object.present[slot] && !object.fields[slot].isNull
    }
    override func combine(_ values: [Value]) -> Value? { test(values[0]) }

    func test(_ operand: Value) -> Value {
        switch operand {
        case .map(let map): return .bool(map.lookup(string: name) != nil)
        case .object(let object):
            guard let slot = slot ?? cache.slot(of: name, in: object.type, isASCII: asciiName),
                slot < object.present.count
            else {
                return fail(.evalMissing, "no such field '\(name)'")
            }
            return .bool(Self.written(object, slot))
        case .error(let e): return .error(e)
        case let other: return fail(.evalType, "has() cannot test a field of type '\(other.runtimeType.celName)'")
        }
    }
}

/// `list[i]` and `map[key]`.
final class IndexNode: StrictPairNode, @unchecked Sendable {
    override func apply(_ container: Value, _ key: Value) -> Value {
        switch (container, key) {
        case (.list(let list), .int(let i)):
            guard i >= 0, i < list.count else { return fail(.evalOutOfRange, "index out of range: \(i)") }
            return list[Int(i)]
        case (.list(let list), .double(let d)):
            guard d == d.rounded(), let i = Int(exactly: d) else { return fail(.evalOutOfRange, "invalid list index: \(d)") }
            guard i >= 0, i < list.count else { return fail(.evalOutOfRange, "index out of range: \(i)") }
            return list[i]
        case (.map(let map), _):
            return map.lookup(key) ?? fail(.evalMissing, "no such key: \(key.displayText)")
        default:
            return fail(.evalType, "no such overload: _[_](\(container.runtimeType.celName), \(key.runtimeType.celName))")
        }
    }
}

/// A list literal with some element not constant.
final class ListNode: StrictOperandsNode, @unchecked Sendable {
    override func apply(_ values: [Value]) -> Value { .list(ListValue(values)) }
}

final class MapNode: Node, @unchecked Sendable {
    let keys: [Node]
    let values: [Node]
    init(id: Int, keys: [Node], values: [Node]) {
        self.keys = keys
        self.values = values
        super.init(id: id)
    }
    override var children: [Node] { zip(keys, values).flatMap { [$0, $1] } }
    override func eval(_ frame: inout Frame) -> Value {
        var keyValues: [Value] = []
        var valueValues: [Value] = []
        for (keyNode, valueNode) in zip(keys, values) {
            let key = keyNode.eval(&frame)
            if key.isError { return key }
            switch key {
            case .int, .string, .bool: break
            default: return keyNode.fail(.evalType, "unsupported map key type: \(key.runtimeType.celName)")
            }
            if keyValues.contains(where: { Value.equal($0, key) }) {
                return keyNode.fail(.evalDuplicateKey, "duplicate map key: \(key.displayText)")
            }
            let value = valueNode.eval(&frame)
            if value.isError { return value }
            keyValues.append(key)
            valueValues.append(value)
        }
        return paid(.map(MapValue(keys: keyValues, values: valueValues)), arguments: 0, &frame)
    }
}

extension Value {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Where a variable node's value is held in a frame: an activation slot (`GlobalNode`) or a
/// comprehension variable (`LocalNode`). Nodes that read a field of a variable look at the
/// record there instead of evaluating the variable, which copies it out (a retain) and then
/// drops it (a release).
struct VariablePlace {
    let isLocal: Bool
    let index: Int

    /// Nil for a node that is not a variable.
    init?(_ node: Node) {
        if let global = node as? GlobalNode {
            (isLocal, index) = (false, global.slot)
        } else if let local = node as? LocalNode {
            (isLocal, index) = (true, local.index)
        } else {
            return nil
        }
    }

    /// The value in `frame`, in place; nil where the variable node would give null (a slot past
    /// the activation's end).
    @inline(__always)
    func value(in frame: Frame) -> UnsafePointer<Value>? {
        let values = isLocal ? UnsafeBufferPointer(frame.locals) : frame.variables
        guard index < values.count, let base = values.baseAddress else { return nil }
        return base + index
    }

    /// Field `slot` of the record in `frame`, in place; nil when the variable holds no record
    /// with that slot (evaluating then gives the value or error the node would).
    @inline(__always)
    func field(_ slot: Int, in frame: Frame) -> UnsafePointer<Value>? {
        guard let held = value(in: frame), case .object(let object) = held.pointee, slot < object.fields.count
        else { return nil }
        return object.storage.valuePointer(slot)
    }
}
