import CEL
import Diagnostics

/// Turns a finding into bytes and back, so that the slate findings of a large screening wait
/// on disk in sorted runs (`FindingSorter`) rather than in memory.
///
/// A finding is encoded as a rule made it: its review decision and baseline state, set later
/// as findings are read back in report order, are not kept (`encode` is never given a
/// finding that has them). The bytes are read back only by the process that wrote them, so
/// the format has no version; bytes that are not a finding decode to nil, never to a crash.
enum FindingCodec {
    static func encode(_ finding: Finding, into writer: inout RecordWriter) {
        writer.string(finding.rule)
        writer.string(finding.severity.rawValue)
        writer.string(finding.title)
        writer.string(finding.message)
        writer.string(finding.basis)
        encode(finding.location, into: &writer)
        writer.unsigned(UInt64(finding.evidence.count))
        for item in finding.evidence {
            encode(item.location, into: &writer)
            encode(item.value, into: &writer)
        }
        writer.unsigned(UInt64(finding.comparisons.count))
        for comparison in finding.comparisons { writer.string(comparison) }
        writer.unsigned(UInt64(finding.related.count))
        for location in finding.related { encode(location, into: &writer) }
        writer.signed(Int64(finding.ruleOrder))
        writer.unsigned(UInt64(finding.subjects.count))
        for subject in finding.subjects { writer.string(subject) }
        writer.string(finding.fingerprint.identity)
        writer.string(finding.fingerprint.content)
        guard let failure = finding.failure else { return writer.tag(0) }
        writer.tag(1)
        writer.string(failure.code.rawValue)
        writer.string(failure.expression)
        encode(failure.ruleLocation, into: &writer)
        encode(failure.ruleEnd, into: &writer)
        if let line = failure.ruleLine {
            writer.tag(1)
            writer.string(String(line))
        } else {
            writer.tag(0)
        }
    }

    static func decode(_ reader: inout RecordReader) -> Finding? {
        guard let rule = reader.string(), let severity = reader.string().flatMap(Severity.init(rawValue:)),
            let title = reader.string(), let message = reader.string(), let basis = reader.string(),
            let location = location(&reader), let evidenceCount = reader.count()
        else { return nil }
        var evidence: [EvidenceItem] = []
        for _ in 0..<evidenceCount {
            guard let place = self.location(&reader), let value = value(&reader, depth: 0) else { return nil }
            evidence.append(EvidenceItem(location: place, value: value))
        }
        guard let comparisons = strings(&reader), let relatedCount = reader.count() else { return nil }
        var related: [FindingLocation] = []
        for _ in 0..<relatedCount {
            guard let place = self.location(&reader) else { return nil }
            related.append(place)
        }
        guard let ruleOrder = reader.signed().flatMap({ Int(exactly: $0) }), let subjects = strings(&reader),
            let identity = reader.string(), let content = reader.string(), let hasFailure = reader.byte()
        else { return nil }
        var failure: RuleFailure?
        if hasFailure == 1 {
            guard let code = reader.string().flatMap(CELCode.init(rawValue:)), let expression = reader.string(),
                let start = sourceLocation(&reader), let end = sourceLocation(&reader), let hasLine = reader.byte()
            else { return nil }
            var line: Substring?
            if hasLine == 1 {
                guard let text = reader.string() else { return nil }
                line = Substring(text)
            }
            failure = RuleFailure(code: code, expression: expression, ruleLocation: start, ruleEnd: end, ruleLine: line)
        } else if hasFailure != 0 {
            return nil
        }
        return Finding(
            decoded: rule, severity: severity, title: title, message: message, basis: basis, location: location,
            evidence: evidence, comparisons: comparisons, related: related, ruleOrder: ruleOrder, subjects: subjects,
            fingerprint: FindingFingerprint(identity: identity, content: content), failure: failure)
    }

    // MARK: - Parts

    /// Line and column as zig-zag integers; the end as `line + 1` (0: a point).
    private static func encode(_ location: FindingLocation, into writer: inout RecordWriter) {
        writer.string(location.file)
        writer.signed(Int64(location.line))
        writer.signed(Int64(location.column))
        writer.string(location.path)
        writer.unsigned(location.endLine.map { UInt64(max(0, $0)) + 1 } ?? 0)
        writer.unsigned(location.endColumn.map { UInt64(max(0, $0)) + 1 } ?? 0)
    }

    private static func location(_ reader: inout RecordReader) -> FindingLocation? {
        guard let file = reader.string(), let line = reader.signed().flatMap({ Int(exactly: $0) }),
            let column = reader.signed().flatMap({ Int(exactly: $0) }), let path = reader.string(),
            let endLine = reader.unsigned().flatMap({ Int(exactly: $0) }),
            let endColumn = reader.unsigned().flatMap({ Int(exactly: $0) })
        else { return nil }
        return FindingLocation(
            file: file, line: line, column: column, path: path, endLine: endLine > 0 ? endLine - 1 : nil,
            endColumn: endColumn > 0 ? endColumn - 1 : nil)
    }

    /// 0: none; 1: file, line, column.
    private static func encode(_ location: SourceLocation?, into writer: inout RecordWriter) {
        guard let location else { return writer.tag(0) }
        writer.tag(1)
        writer.string(location.file)
        writer.signed(Int64(location.line))
        writer.signed(Int64(location.column))
    }

    /// nil when malformed; `.some(nil)` when none was written.
    private static func sourceLocation(_ reader: inout RecordReader) -> SourceLocation?? {
        switch reader.byte() {
        case 0: return .some(nil)
        case 1:
            guard let file = reader.string(), let line = reader.signed().flatMap({ Int(exactly: $0) }),
                let column = reader.signed().flatMap({ Int(exactly: $0) })
            else { return nil }
            return .some(SourceLocation(file: file, line: line, column: column))
        default: return nil
        }
    }

    private static func strings(_ reader: inout RecordReader) -> [String]? {
        guard let count = reader.count() else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = reader.string() else { return nil }
            strings.append(text)
        }
        return strings
    }

    private static func encode(_ value: EvidenceValue, into writer: inout RecordWriter) {
        switch value {
        case .null: writer.tag(0)
        case .bool(let flag): writer.tag(flag ? 2 : 1)
        case .int(let number):
            writer.tag(3)
            writer.signed(number)
        case .double(let number):
            writer.tag(4)
            writer.fixed(number.bitPattern)
        case .string(let text):
            writer.tag(5)
            writer.string(text)
        case .list(let items):
            writer.tag(6)
            writer.unsigned(UInt64(items.count))
            for item in items { encode(item, into: &writer) }
        }
    }

    /// Lists nest no deeper than a rule's values can; `depth` stops damaged bytes early.
    private static func value(_ reader: inout RecordReader, depth: Int) -> EvidenceValue? {
        guard depth < 256, let tag = reader.byte() else { return nil }
        switch tag {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return reader.signed().map(EvidenceValue.int)
        case 4: return reader.fixed().map { .double(Double(bitPattern: $0)) }
        case 5: return reader.string().map(EvidenceValue.string)
        case 6:
            guard let count = reader.count() else { return nil }
            var items: [EvidenceValue] = []
            for _ in 0..<count {
                guard let item = value(&reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .list(items)
        default: return nil
        }
    }
}

extension Finding {
    /// A finding with every part given, the fingerprint included (not computed again): read
    /// back by `FindingCodec`, and the one memberwise initializer the public one calls.
    init(
        decoded rule: String, severity: Severity, title: String, message: String, basis: String,
        location: FindingLocation, evidence: [EvidenceItem], comparisons: [String], related: [FindingLocation],
        ruleOrder: Int, subjects: [String], fingerprint: FindingFingerprint, failure: RuleFailure?
    ) {
        self.rule = rule
        self.severity = severity
        self.title = title
        self.message = message
        self.basis = basis
        self.location = location
        self.evidence = evidence
        self.comparisons = comparisons
        self.related = related
        self.ruleOrder = ruleOrder
        self.subjects = subjects
        self.fingerprint = fingerprint
        self.decision = nil
        self.baseline = nil
        self.failure = failure
    }
}
