import CEL
import Diagnostics
import YAML

/// Walks one document against the schema, building typed values and collecting every
/// problem. On the hot path of screening: slots come from the record's precomputed table,
/// path strings are built for objects and lists (their origins) but for scalars only when a
/// problem is reported, and nothing here uses Foundation.
struct DocumentValidator {
    let schema: Schema
    let strict: Bool
    var diagnostics = DiagnosticList()
    /// Whether any error was seen, counted even past the diagnostic cap.
    var sawError = false

    init(schema: Schema, strict: Bool) {
        self.schema = schema
        self.strict = strict
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { sawError = true }
        diagnostics.append(diagnostic)
    }

    /// A record from a mapping node; nil (with a diagnostic) when the node is not a mapping.
    mutating func object(_ node: Node, record position: Int, path: String, field: @autoclosure () -> String) -> ObjectValue? {
        guard case .mapping(let pairs) = node.kind else {
            report(SchemaMessages.kind(node, expected: "a mapping", field: field(), path: path))
            return nil
        }
        let plan = schema.plans[position]
        let count = plan.fields.count
        var fields = Fields(count: count)
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { seen in
            seen.initialize(repeating: false)
            // Through a buffer, so that each pair's nodes are read where they are, never copied.
            pairs.withUnsafeBufferPointer { pairs in
                read(pairs, plan: plan, path: path, into: &fields, seen: seen)
            }
            for slot in 0..<count where !fields.present[slot] {
                if !seen[slot], plan.fields[slot].required {
                    report(missing(plan.fields[slot], record: plan.name, in: node, path: path))
                }
                fields.values[slot] = plan.fields[slot].defaultValue ?? .null
            }
        }
        return ObjectValue(
            type: plan.type, fields: fields.values, present: fields.present,
            origin: ValueOrigin(location: node.start, path: path, end: node.end), fieldOrigins: fields.origins)
    }

    /// The fields of a record being read, in slot order.
    struct Fields {
        var values: [Value]
        var present: [Bool]
        var origins: [ValueOrigin?]

        init(count: Int) {
            values = Self.filled(.null, count: count)
            present = Self.filled(false, count: count)
            origins = Self.filled(nil, count: count)
        }

        /// `count` copies of `value`. Not `Array(repeating:count:)`: that allocates through a
        /// library function that is not specialized and looks the array's type up at run time
        /// (700–900 instructions a call, three calls for every record of every dossier);
        /// `reserveCapacity` is specialized here.
        private static func filled<Element>(_ value: Element, count: Int) -> [Element] {
            var array: [Element] = []
            array.reserveCapacity(count)
            for _ in 0..<count { array.append(value) }
            return array
        }
    }

    /// Reads the pairs of a mapping into `fields`, marking each slot met in `seen`.
    ///
    /// A key is first compared with the field after the previous one, since dossiers mostly
    /// list fields in schema order; only other keys are looked up in the slot table.
    private mutating func read(
        _ pairs: UnsafeBufferPointer<Node.Pair>, plan: RecordPlan, path: String, into fields: inout Fields,
        seen: UnsafeMutableBufferPointer<Bool>
    ) {
        let count = plan.fields.count
        var guess = 0
        for index in pairs.indices {
            guard let key = pairs[index].key.scalarText else {
                report(SchemaMessages.kind(pairs[index].key, expected: "a field name", field: plan.name, path: path))
                continue
            }
            guard let slot = guess < count && plan.fieldNames[guess] == key ? guess : plan.type.slot(of: key) else {
                report(SchemaMessages.unknownField(
                    key, record: plan.name, at: pairs[index].key, path: Self.joinAny(path, key),
                    known: plan.fieldNames, strict: strict))
                continue
            }
            guess = slot + 1
            // A duplicate key was already reported by the YAML loader; the first one counts.
            guard !seen[slot] else { continue }
            seen[slot] = true
            guard let value = fieldValue(pairs[index].value, plan: plan, slot: slot, path: path) else { continue }
            fields.values[slot] = value
            fields.present[slot] = true
            if plan.shapes[slot] == .scalar {
                fields.origins[slot] = ValueOrigin(
                    location: pairs[index].value.start, path: plan.fieldNames[slot], end: pairs[index].value.end)
            }
        }
    }

    private func missing(_ spec: FieldSpec, record: String, in node: Node, path: String) -> Diagnostic {
        let fieldPath = Self.join(path, spec.name)
        if let const = spec.const {
            return SchemaMessages.format(name: spec.name, const: const, found: nil, at: node, path: fieldPath)
        }
        return SchemaMessages.missing(field: record + "." + spec.name, at: node, path: fieldPath)
    }

    /// The value of the field in `slot` of `plan`; nil when it is absent (null) or invalid (reported).
    private mutating func fieldValue(_ node: Node, plan: RecordPlan, slot: Int, path: String) -> Value? {
        if ScalarTyping.isNull(node) {
            if plan.fields[slot].required {
                report(SchemaMessages.null(
                    field: plan.qualifiedNames[slot], at: node, path: Self.join(path, plan.fieldNames[slot])))
            }
            return nil
        }
        switch plan.shapes[slot] {
        case .object:
            let position = plan.nestedRecords[slot]
            guard position >= 0 else { return nil }
            return object(
                node, record: position, path: Self.join(path, plan.fieldNames[slot]), field: plan.qualifiedNames[slot]
            ).map(Value.object)
        case .list:
            guard case .list(let element) = plan.fields[slot].type else { return nil }
            return list(
                node, element: element, record: plan.nestedRecords[slot], path: Self.join(path, plan.fieldNames[slot]),
                field: plan.qualifiedNames[slot]
            ).map(Value.list)
        case .scalar:
            guard let value = scalar(
                node, type: plan.fields[slot].type, field: plan.qualifiedNames[slot],
                path: Self.join(path, plan.fieldNames[slot]))
            else { return nil }
            if let const = plan.fields[slot].const, case .string(let text) = value, text != const {
                report(SchemaMessages.format(
                    name: plan.fieldNames[slot], const: const, found: text, at: node,
                    path: Self.join(path, plan.fieldNames[slot])))
                return nil
            }
            if plan.fields[slot].nonblank, case .string(let text) = value,
                text.allSatisfy({ $0.isWhitespace })
            {
                report(SchemaMessages.blank(
                    field: plan.qualifiedNames[slot], at: node, path: Self.join(path, plan.fieldNames[slot])))
                return nil
            }
            return value
        }
    }

    /// A list of `element`s; `record` is the position of the record its objects (at any list
    /// depth) are read as, -1 for none.
    private mutating func list(_ node: Node, element: FieldType, record: Int, path: String, field: String) -> ListValue? {
        guard case .sequence(let items) = node.kind else {
            report(SchemaMessages.kind(node, expected: "a list", field: field, path: path))
            return nil
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                if let value = listItem(items[index], element: element, record: record, path: path, index: index, field: field) {
                    values.append(value)
                }
            }
        }
        return ListValue(values, origin: ValueOrigin(location: node.start, path: path, end: node.end))
    }

    private mutating func listItem(
        _ item: Node, element: FieldType, record: Int, path: String, index: Int, field: String
    ) -> Value? {
        switch element {
        case .object:
            guard record >= 0 else { return nil }
            return object(item, record: record, path: Self.indexed(path, index), field: field).map(Value.object)
        case .list(let inner):
            return list(item, element: inner, record: record, path: Self.indexed(path, index), field: field)
                .map(Value.list)
        default:
            if ScalarTyping.isNull(item) {
                report(SchemaMessages.nullItem(expected: element, field: field, at: item, path: Self.indexed(path, index)))
                return nil
            }
            return scalar(item, type: element, field: field, path: Self.indexed(path, index))
        }
    }

    /// A scalar field value; `path` is an autoclosure so that it is built only on a problem.
    private mutating func scalar(_ node: Node, type: FieldType, field: @autoclosure () -> String, path: @autoclosure () -> String) -> Value? {
        guard case .scalar(let scalar) = node.kind else {
            report(SchemaMessages.kind(node, expected: "a \(type) scalar", field: field(), path: path()))
            return nil
        }
        // Both callers have already set YAML null aside.
        switch ScalarTyping.convertNonNull(scalar, as: type) {
        case .value(let value): return value
        case .null: return nil
        case .problem(let problem):
            report(SchemaMessages.scalar(problem, text: scalar.text, field: field(), at: node, path: path()))
            return nil
        }
    }

    /// `parent.key`, or `key` at the root, for schema field names (always identifiers).
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    /// `path[index]`, the path of a list item.
    static func indexed(_ path: String, _ index: Int) -> String {
        path + "[" + String(index) + "]"
    }

    /// `join` for any key as written: keys that are not identifiers are quoted as in `NodePath`.
    static func joinAny(_ parent: String, _ key: String) -> String {
        let step = NodePath(components: [.key(key)]).description
        if parent.isEmpty || step.hasPrefix("[") { return parent + step }
        return parent + "." + step
    }
}
