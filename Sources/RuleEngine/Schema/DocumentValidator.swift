import CEL
import Diagnostics
import YAML

/// The typing core: reads one document's events against the schema, building typed values
/// and collecting every problem. The one copy of the typing rules, fed by either source: a
/// `Node` tree (`NodeEventSource`) or libyaml's events straight from the bytes
/// (`YAMLEventReader`), so both give the same values and the same diagnostics.
///
/// On the hot path of screening: slots come from the record's precomputed table, keys are
/// compared as bytes, the path strings of objects and lists (their origins) come from the
/// thread's `PathTable` when one is given, those of scalars are made only when a problem is
/// reported, and nothing here uses Foundation.
struct DocumentValidator<Source: YAMLEventSource> {
    typealias Failure = Source.Failure

    let schema: Schema
    let strict: Bool
    var source: Source
    /// Where the paths of objects and lists are kept across documents; nil to make each one.
    /// Unretained, as the caller holds it for the whole document: a retained reference in a
    /// value read by `mutating` methods is retained and released around every use.
    let paths: Unmanaged<PathTable>?
    var diagnostics = DiagnosticList()
    /// Whether any error was seen, counted even past the diagnostic cap.
    var sawError = false
    /// The root record's format field (`format: dossier/1`) holding another text: then this
    /// is the only problem reported, since the document's other fields mean nothing here.
    var formatMismatch: Diagnostic?
    /// The items of the lists being read, innermost last: a list copies its own into its
    /// storage when it ends, so that the scratch is allocated once a document, not per list.
    private var listItems: [Value] = []

    /// `paths`, when given, must outlive the validator (the caller holds it).
    init(schema: Schema, strict: Bool, source: Source, paths: PathTable? = nil) {
        self.schema = schema
        self.strict = strict
        self.source = source
        self.paths = paths.map { Unmanaged.passUnretained($0) }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { sawError = true }
        diagnostics.append(diagnostic)
    }

    /// Reads the root node as record `position` and returns the validated document.
    mutating func document(record position: Int) throws(Failure) -> Validated {
        let event = try source.next()
        let name = schema.plans[position].name
        let value = try object(event, record: position, path: .root, field: name, isRoot: true)
        if let formatMismatch { return Validated(value: nil, diagnostics: [formatMismatch]) }
        return Validated(value: sawError ? nil : value, diagnostics: diagnostics.sorted)
    }

    /// A record from the node that starts with `event`; nil (with a diagnostic) when the node
    /// is not a mapping.
    mutating func object(
        _ event: YAMLEvent, record position: Int, path: Path, field: @autoclosure () -> String, isRoot: Bool = false
    ) throws(Failure) -> ObjectValue? {
        guard event == .mappingStart else {
            try mismatch(event, expected: "a mapping", field: field(), path: path.text)
            return nil
        }
        let start = source.start
        let plan = schema.plans[position]
        let count = plan.fields.count
        var record = ObjectValue.Builder(type: plan.type)
        var failure: Failure?
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: count) { seen in
            seen.initialize(repeating: false)
            do throws(Failure) {
                try read(plan: plan, path: path, into: &record, seen: seen, isRoot: isRoot)
            } catch {
                failure = error
                return
            }
            for slot in 0..<count where !record.isPresent(slot) {
                let facts = plan.facts(slot)
                if !seen[slot], facts.required {
                    report(missing(plan.fields[slot], record: plan.name, at: start, path: path.text))
                }
                if facts.hasDefault, let defaultValue = plan.fields[slot].defaultValue {
                    record.setAbsent(slot, to: defaultValue)
                }
            }
        }
        if let failure { throw failure }
        return record.finish(origin: origin(start: start, path: path.text))
    }

    /// Reads the pairs of a mapping, to its end event, into `record`, marking each slot met in `seen`.
    private mutating func read(
        plan: RecordPlan, path: Path, into record: inout ObjectValue.Builder, seen: UnsafeMutableBufferPointer<Bool>,
        isRoot: Bool
    ) throws(Failure) {
        var guess = 0
        while true {
            let key = try source.next()
            if key == .mappingEnd { return }
            guard key == .scalar else {
                try mismatch(key, expected: "a field name", field: plan.name, path: path.text)
                try skip(try source.next())
                continue
            }
            guard let slot = self.slot(plan: plan, guess: guess) else {
                try source.keyNotCheckedForDuplicates()
                let name = source.scalarText()
                report(SchemaMessages.unknownField(
                    name, record: plan.name, at: source.start, path: Self.joinAny(path.text, name),
                    known: plan.fieldNames, strict: strict))
                try skip(try source.next())
                continue
            }
            guess = slot + 1
            // A duplicate key was already reported by the YAML loader; the first one counts.
            guard !seen[slot] else {
                try source.keyNotCheckedForDuplicates()
                try skip(try source.next())
                continue
            }
            seen[slot] = true
            let event = try source.next()
            if isRoot, slot == plan.formatSlot, event == .scalar, let const = plan.fields[slot].const {
                let found = source.scalarText()
                if found != const {
                    formatMismatch = SchemaMessages.format(
                        name: plan.fieldNames[slot], const: const, found: found, at: source.start,
                        path: plan.fieldNames[slot])
                }
            }
            guard let value = try fieldValue(event, plan: plan, slot: slot, path: path) else { continue }
            // Only scalars keep a position (reading one does not move the source past it):
            // objects and lists carry their own origin.
            record.set(slot, to: value, at: plan.facts(slot).shape == .scalar ? Self.position(source.span) : nil)
        }
    }

    /// The origin of the collection just closed, which started at `start`: its end from the
    /// span's numbers, so that no end location is made.
    private func origin(start: SourceLocation, path: String) -> ValueOrigin {
        let span = source.span
        return ValueOrigin(location: start, path: path, endLine: span.endLine, endColumn: span.endColumn)
    }

    private static func position(_ span: Node.Span) -> ValuePosition {
        ValuePosition(line: span.startLine, column: span.startColumn, endLine: span.endLine, endColumn: span.endColumn)
    }

    /// The slot of the key scalar at hand: first the field after the previous one (dossiers
    /// mostly list fields in schema order), then every field's UTF-8, compared as bytes; then,
    /// for a key written in another Unicode form, the slot table by `String` equality.
    private func slot(plan: RecordPlan, guess: Int) -> Int? {
        let byBytes = source.withScalarBytes { key in plan.slot(ofKey: key, guess: guess) }
        if let byBytes { return byBytes }
        return plan.type.slot(of: source.scalarText())
    }

    private func missing(_ spec: FieldSpec, record: String, at start: SourceLocation, path: String) -> Diagnostic {
        let fieldPath = PathTable.join(path, spec.name)
        if let const = spec.const {
            return SchemaMessages.format(name: spec.name, const: const, found: nil, at: start, path: fieldPath)
        }
        return SchemaMessages.missing(field: record + "." + spec.name, at: start, path: fieldPath)
    }

    /// Whether the event at hand is a scalar that is YAML null.
    private func isNull(_ event: YAMLEvent) -> Bool {
        guard event == .scalar else { return false }
        let style = source.scalarStyle
        let tag = source.scalarTag
        return source.withScalarBytes { ScalarTyping.isNull($0, style: style, tag: tag) }
    }

    /// The value of the field in `slot` of `plan` from the node starting with `event`; nil
    /// when it is absent (null) or invalid (reported).
    private mutating func fieldValue(_ event: YAMLEvent, plan: RecordPlan, slot: Int, path: Path) throws(Failure) -> Value? {
        let facts = plan.facts(slot)
        if isNull(event) {
            if facts.required {
                report(SchemaMessages.null(
                    field: plan.qualifiedNames[slot], at: source.start, path: PathTable.join(path.text, plan.fieldNames[slot])))
            }
            return nil
        }
        switch facts.shape {
        case .object:
            let position = plan.nestedRecords[slot]
            guard position >= 0 else {
                try skip(event)
                return nil
            }
            return try object(
                event, record: position, path: child(of: path, slot: slot, name: plan.fieldNames[slot]),
                field: plan.qualifiedNames[slot]
            ).map(Value.object)
        case .list:
            return try list(
                event, element: plan.fields[slot].type.listElement, kind: facts.itemKind,
                itemsAreLists: facts.itemsAreLists, codes: facts.codes, record: plan.nestedRecords[slot],
                path: child(of: path, slot: slot, name: plan.fieldNames[slot]), field: plan.qualifiedNames[slot]
            ).map(Value.list)
        case .scalar:
            guard let kind = facts.scalar else { return nil }
            guard let value = try scalar(
                event, kind: kind, codes: facts.codes,
                type: plan.fields[slot].type, field: plan.qualifiedNames[slot],
                path: PathTable.join(path.text, plan.fieldNames[slot]))
            else { return nil }
            if facts.hasConst, let const = plan.fields[slot].const, case .string(let text) = value, text != const {
                report(SchemaMessages.format(
                    name: plan.fieldNames[slot], const: const, found: text, at: source.start,
                    path: PathTable.join(path.text, plan.fieldNames[slot])))
                return nil
            }
            if facts.nonblank, case .string(let text) = value,
                text.allSatisfy({ $0.isWhitespace })
            {
                report(SchemaMessages.blank(
                    field: plan.qualifiedNames[slot], at: source.start, path: PathTable.join(path.text, plan.fieldNames[slot])))
                return nil
            }
            return value
        }
    }

    /// A list of `element`s from the node starting with `event`; `kind` is the element's
    /// scalar kind (nil for records and lists), `itemsAreLists` whether it is a list, `codes`
    /// are the enum codes of its innermost items, and `record` the position of the record its
    /// objects (at any list depth) are read as, -1 for none. `element` is read only for a
    /// problem or a list of lists.
    private mutating func list(
        _ event: YAMLEvent, element: @autoclosure () -> FieldType, kind: ScalarKind?, itemsAreLists: Bool,
        codes: Unmanaged<EnumCodes>?, record: Int, path: Path, field: @autoclosure () -> String
    ) throws(Failure) -> ListValue? {
        guard event == .sequenceStart else {
            try mismatch(event, expected: "a list", field: field(), path: path.text)
            return nil
        }
        let start = source.start
        let base = listItems.count
        // Left behind only when reading an item threw (a list takes its own items).
        defer { if listItems.count > base { listItems.removeSubrange(base...) } }
        var index = 0
        while true {
            let item = try source.next()
            if item == .sequenceEnd { break }
            if let value = try listItem(
                item, element: element(), kind: kind, itemsAreLists: itemsAreLists, codes: codes, record: record,
                path: path, index: index, field: field())
            {
                if listItems.capacity == 0 { listItems.reserveCapacity(64) }
                listItems.append(value)
            }
            index += 1
        }
        let origin = origin(start: start, path: path.text)
        return ListValue(movingItemsOf: &listItems, from: base, origin: origin)
    }

    /// An item of a list of `element`s; `kind` is the element's scalar kind (nil for records
    /// and lists), `itemsAreLists` whether it is a list, `codes` the enum codes of the
    /// innermost items.
    private mutating func listItem(
        _ event: YAMLEvent, element: @autoclosure () -> FieldType, kind: ScalarKind?, itemsAreLists: Bool,
        codes: Unmanaged<EnumCodes>?, record: Int, path: Path, index: Int, field: @autoclosure () -> String
    ) throws(Failure) -> Value? {
        guard let kind else {
            if itemsAreLists {
                let inner = element()
                let items = inner.listItems
                return try list(
                    event, element: inner.listElement, kind: items.kind, itemsAreLists: items.areLists, codes: codes,
                    record: record, path: item(of: path, index: index), field: field()
                ).map(Value.list)
            }
            // Neither a scalar nor a list: a record.
            guard record >= 0 else {
                try skip(event)
                return nil
            }
            return try object(event, record: record, path: item(of: path, index: index), field: field()).map(Value.object)
        }
        if isNull(event) {
            report(SchemaMessages.nullItem(
                expected: element(), field: field(), at: source.start, path: PathTable.indexed(path.text, index)))
            return nil
        }
        return try scalar(
            event, kind: kind, codes: codes, type: element(), field: field(), path: PathTable.indexed(path.text, index))
    }

    /// A scalar value of `type`, whose kind is `kind` and enum codes `codes`; `type`, `field`
    /// and `path` are autoclosures so that they are made only on a problem.
    private mutating func scalar(
        _ event: YAMLEvent, kind: ScalarKind, codes: Unmanaged<EnumCodes>?, type: @autoclosure () -> FieldType,
        field: @autoclosure () -> String, path: @autoclosure () -> String
    ) throws(Failure) -> Value? {
        guard event == .scalar else {
            try mismatch(event, expected: "a \(type()) scalar", field: field(), path: path())
            return nil
        }
        // Both callers have already set YAML null aside.
        // The codes are borrowed from the schema's plan, which outlives the document: no retain.
        let outcome = source.withScalarBytes { bytes in
            guard let codes else { return ScalarTyping.convertNonNull(bytes, as: kind, codes: nil) }
            return codes._withUnsafeGuaranteedRef { ScalarTyping.convertNonNull(bytes, as: kind, codes: $0) }
        }
        switch outcome {
        case .value(let value): return value
        case .text: return .string(source.scalarText())
        case .null: return nil
        case .problem(let problem):
            report(SchemaMessages.scalar(
                problem, text: source.scalarText(), field: field(), at: source.start, path: path()))
            return nil
        }
    }

    /// Reports a node of the wrong kind at its start, and reads past it.
    private mutating func mismatch(_ event: YAMLEvent, expected: String, field: String, path: String) throws(Failure) {
        report(SchemaMessages.kind(found: event.kindName, at: source.start, expected: expected, field: field, path: path))
        try skip(event)
    }

    /// Reads past the node starting with `event` (nothing more to read for a scalar).
    private mutating func skip(_ event: YAMLEvent) throws(Failure) {
        if event == .sequenceStart || event == .mappingStart { try source.skipCollection() }
    }

    typealias Path = PathTable.Path

    /// The path of the object or list in field `slot`, named `name`, of the object at `parent`;
    /// the name is read only for a path not kept (no retain of it per object or list).
    private func child(of parent: Path, slot: Int, name: @autoclosure () -> String) -> Path {
        guard let paths else { return Path(unkept: PathTable.join(parent.text, name())) }
        return paths._withUnsafeGuaranteedRef { $0.field(of: parent, slot: slot, name: name()) }
    }

    /// The path of the object or list at `index` of the list at `parent`.
    private func item(of parent: Path, index: Int) -> Path {
        guard let paths else { return Path(unkept: PathTable.indexed(parent.text, index)) }
        return paths._withUnsafeGuaranteedRef { $0.item(of: parent, index: index) }
    }

    /// `PathTable.join` for any key as written: keys that are not identifiers are quoted as in `NodePath`.
    static func joinAny(_ parent: String, _ key: String) -> String {
        let step = NodePath(components: [.key(key)]).description
        if parent.isEmpty || step.hasPrefix("[") { return parent + step }
        return parent + "." + step
    }
}
