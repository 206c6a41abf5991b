import CEL
import Crypto
import Diagnostics
import RuleEngine

/// A dossier value that identifies a person or says something about them, which `--redact`
/// replaces in every report.
public struct SensitiveValue: Hashable, Sendable {
    /// What the value is; each kind has its own pseudonym series (`PERSON-1`, `ID-1`, `TEXT-1`).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A person's name; the same person (same `name_key`) gets the same pseudonym.
        case name
        /// A citizen id or tax code.
        case identifier
        /// Free text: descriptions, explanations, posts, employers.
        case text
        /// A date of birth (`YYYY-MM-DD`): replaced by its year, which age rules still explain.
        case birthDate

        var prefix: String {
            switch self {
            case .name: "PERSON"
            case .identifier: "ID"
            case .text: "TEXT"
            case .birthDate: "YEAR"
            }
        }
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Replaces personal data in reports with stable pseudonyms, so a report can be shared for
/// review without it (`--redact`).
///
/// Why a stateful value and not a one-shot function: `jsonl` reports stream one candidate at
/// a time, and the same person must keep one pseudonym over the whole report. Pseudonyms are
/// numbered in first-seen order (candidates in input order, each candidate's values in
/// dossier order), so the same inputs give byte-identical reports.
///
/// What is replaced (docs/redaction.md): the candidate's name and id, every registered value
/// (names, citizen ids, free text) wherever it occurs in messages, comparisons, evidence and
/// diagnostics, dates of birth (by the year), values quoted by diagnostics, and dossier file
/// paths (`dossier-N.yaml`, since file names often spell the person's name). Kept: rule titles
/// and bases, other dates, amounts and enum codes. A review decision's reason, decided_by and
/// reference are withheld whole; fingerprints are kept (they are computed before).
public struct Redactor: Sendable {
    /// The HMAC-SHA-256 key of candidate-id pseudonyms (`--redact-key`); nil numbers them.
    private let idKey: [UInt8]?
    private var ids: [String: String] = [:]
    private var pseudonyms: [Key: String] = [:]
    private var counters: [SensitiveValue.Kind: Int] = [:]
    private var files: [String: String] = [:]
    /// Per dossier file (original path), its names and ids, for slate findings.
    private var peopleByFile: [String: [Needle]] = [:]

    private struct Key: Hashable {
        var kind: SensitiveValue.Kind
        var normalized: String
    }

    /// `idKey` (the bytes of `--redact-key`) makes each candidate id `C-` and 16 hex digits of
    /// its HMAC-SHA-256, the same in every report made with that key, so that two redacted
    /// reports can be compared; without a key ids become `CANDIDATE-n` in first-seen order.
    public init(idKey: [UInt8]? = nil) {
        self.idKey = idKey
    }

    /// The pseudonym of a candidate id.
    public mutating func pseudonym(ofID id: String) -> String {
        if let known = ids[id] { return known }
        let pseudonym: String
        if let idKey {
            let mac = HMAC<SHA256>.authenticationCode(for: Array(id.utf8), using: SymmetricKey(data: idKey))
            pseudonym = mac.withUnsafeBytes { HexDigits.string(prefix: "C-", UnsafeRawBufferPointer(rebasing: $0.prefix(8))) }
        } else {
            pseudonym = "CANDIDATE-\(ids.count + 1)"
        }
        ids[id] = pseudonym
        return pseudonym
    }

    /// Redacts one candidate's result, after registering its dossier's values.
    public mutating func redact(_ result: CandidateResult, sensitive: [SensitiveValue]) -> CandidateResult {
        var values = sensitive
        if let name = result.name { values.insert(SensitiveValue(.name, name), at: 0) }
        var needles = register(values)
        if let id = result.id, !id.isEmpty {
            needles.append(Needle(kind: .identifier, text: id, pseudonym: pseudonym(ofID: id)))
        }
        peopleByFile[result.file] = needles.filter { $0.kind != .text }
        // Paths named in messages (a duplicate id names the other file) go with the file table.
        let paths = [result.file] + result.errors.flatMap { $0.notes.compactMap(\.location?.file) }
        let matcher = TextMatcher(needles + paths.map { Needle(kind: .text, text: $0, pseudonym: file($0)) })
        var redacted = result
        redacted.file = file(result.file)
        redacted.id = result.id.map { pseudonym(ofID: $0) }
        redacted.name = result.name.map { matcher.replace($0) }
        redacted.findings = result.findings.map { redact($0, with: matcher) }
        redacted.errors = result.errors.map { redact($0, with: matcher) }
        return redacted
    }

    /// Redacts the slate findings, with the names, ids and dates of birth of every dossier they
    /// involve or read evidence from.
    public mutating func redact(_ slate: Report.SlateInfo) -> Report.SlateInfo {
        var redacted = slate
        redacted.findings = redact(slateFindings: slate.findings)
        return redacted
    }

    /// Redacts slate findings, a part of them at a time when a screening streams them (the
    /// same pseudonyms as all at once, given in the same order).
    public mutating func redact(slateFindings findings: [Finding]) -> [Finding] {
        findings.map { finding in
            let involved = [finding.location.file] + finding.related.map(\.file) + finding.evidence.map(\.location.file)
            return redact(finding, with: TextMatcher(involved.flatMap { peopleByFile[$0] ?? [] }))
        }
    }

    /// The decisions section: each decision redacted (see `redact(_: ReviewDecision)`); a
    /// stale decision's old and new evidence values are dossier values, withheld whole.
    public mutating func redact(_ decisions: Report.DecisionsInfo) -> Report.DecisionsInfo {
        var redacted = decisions
        redacted.notices = decisions.notices.map { notice in
            var copy = notice
            copy.decision = redact(notice.decision)
            if case .stale(let changes) = notice.status {
                copy.status = .stale(changes.map { change in
                    EvidenceChange(
                        path: change.path, old: change.old.map { _ in Self.withheld }, new: change.new.map { _ in Self.withheld })
                })
            }
            return copy
        }
        return redacted
    }

    /// A review decision as a redacted report shows it: the candidate ids it names
    /// pseudonymised like the candidates', its free text about people (reason, decided_by,
    /// reference) and the evidence values it recorded withheld whole. Its fingerprints stay.
    private mutating func redact(_ decision: ReviewDecision) -> ReviewDecision {
        var redacted = decision
        redacted.subjects = decision.subjects.map { pseudonym(ofID: $0) }
        Self.withholdFreeText(of: &redacted)
        redacted.evidence = decision.evidence.map { EvidenceText(path: $0.path, value: Self.withheld) }
        return redacted
    }

    /// A whole report redacted; `sensitive[i]` are the values of `report.candidates[i]`.
    public static func redact(_ report: Report, sensitive: [[SensitiveValue]]) -> Report {
        var redactor = Redactor()
        var redacted = report
        redacted.candidates = report.candidates.enumerated().map { index, candidate in
            redactor.redact(candidate, sensitive: index < sensitive.count ? sensitive[index] : [])
        }
        redacted.slate = redactor.redact(report.slate)
        redacted.decisions = report.decisions.map { redactor.redact($0) }
        return redacted
    }

    // MARK: - Private

    /// Gives each value its pseudonym (a name also under its `name_key`, which comparisons print).
    private mutating func register(_ values: [SensitiveValue]) -> [Needle] {
        var needles: [Needle] = []
        for value in values where !value.text.isEmpty {
            if value.kind == .birthDate {
                needles += Self.birthDateNeedles(value.text)
                continue
            }
            let normalized = value.kind == .name ? nameKey(value.text) : value.text
            let key = Key(kind: value.kind, normalized: normalized)
            let pseudonym: String
            if let known = pseudonyms[key] {
                pseudonym = known
            } else {
                let number = counters[value.kind, default: 0] + 1
                counters[value.kind] = number
                pseudonym = "\(value.kind.prefix)-\(number)"
                pseudonyms[key] = pseudonym
            }
            needles.append(Needle(kind: value.kind, text: value.text, pseudonym: pseudonym))
            if normalized != value.text {
                needles.append(Needle(kind: value.kind, text: normalized, pseudonym: pseudonym))
            }
        }
        return needles
    }

    /// A date of birth in the forms messages print (`1967-05-10`, `10/05/1967`), each
    /// replaced by the year alone.
    private static func birthDateNeedles(_ iso: String) -> [Needle] {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return [Needle(kind: .birthDate, text: iso, pseudonym: "YEAR")] }
        let year = String(parts[0])
        return [
            Needle(kind: .birthDate, text: iso, pseudonym: year),
            Needle(kind: .birthDate, text: "\(parts[2])/\(parts[1])/\(parts[0])", pseudonym: year),
        ]
    }

    private mutating func file(_ path: String) -> String {
        if let known = files[path] { return known }
        let pseudonym = "dossier-\(files.count + 1).yaml"
        files[path] = pseudonym
        return pseudonym
    }

    private mutating func redact(_ location: FindingLocation) -> FindingLocation {
        var redacted = location
        redacted.file = file(location.file)
        return redacted
    }

    private mutating func redact(_ finding: Finding, with matcher: TextMatcher) -> Finding {
        var redacted = finding
        redacted.message = matcher.replace(finding.message)
        redacted.comparisons = finding.comparisons.map(matcher.replace)
        redacted.location = redact(finding.location)
        redacted.related = finding.related.map { redact($0) }
        redacted.evidence = finding.evidence.map { item in
            EvidenceItem(location: redact(item.location), value: Self.redact(item.value, with: matcher))
        }
        redacted.subjects = finding.subjects.map { pseudonym(ofID: $0) }
        if var decision = finding.decision {
            Self.withholdFreeText(of: &decision)
            redacted.decision = decision
        }
        return redacted
    }

    /// What replaces a review decision's reason and decided_by.
    public static let withheld = "[redacted]"

    /// A decision's reason, decider and reference are free text about people: withheld whole,
    /// the same for a decision as written and as a finding carries it.
    private static func withholdFreeText<Decision: DecisionFreeText>(of decision: inout Decision) {
        decision.reason = withheld
        decision.decidedBy = withheld
        decision.reference = decision.reference.map { _ in withheld }
    }


    private mutating func redact(_ diagnostic: Diagnostic, with matcher: TextMatcher) -> Diagnostic {
        var redacted = diagnostic
        redacted.message = Self.withoutQuotedValues(matcher.replace(diagnostic.message), path: diagnostic.path)
        if let location = diagnostic.location {
            redacted.location = SourceLocation(file: file(location.file), line: location.line, column: location.column)
        }
        redacted.notes = diagnostic.notes.map { note in
            var copy = note
            copy.message = matcher.replace(note.message)
            if let location = note.location {
                copy.location = SourceLocation(file: file(location.file), line: location.line, column: location.column)
            }
            return copy
        }
        return redacted
    }

    /// A diagnostic about a dossier value quotes the value as written (`invalid date
    /// '1979-02-30' for candidate.birth_date`); a value that could not be read is in no table,
    /// so every quoted part is withheld, except the field names of the diagnostic's path.
    static func withoutQuotedValues(_ message: String, path: String?) -> String {
        guard let path else { return message }
        let names = Set(path.split(whereSeparator: { ".[]".contains($0) }).map(String.init))
        let pieces = message.split(separator: "'", omittingEmptySubsequences: false)
        guard pieces.count >= 3 else { return message }
        var output = ""
        for (index, piece) in pieces.enumerated() {
            if index > 0 { output += "'" }
            let quoted = index % 2 == 1 && index < pieces.count - 1
            output += quoted && !names.contains(String(piece)) ? "…" : String(piece)
        }
        return output
    }

    private static func redact(_ value: EvidenceValue, with matcher: TextMatcher) -> EvidenceValue {
        switch value {
        case .string(let text): .string(matcher.replace(text))
        case .list(let items): .list(items.map { redact($0, with: matcher) })
        default: value
        }
    }
}

/// One registered value and the pseudonym that replaces it.
struct Needle: Sendable {
    var kind: SensitiveValue.Kind
    var text: String
    var pseudonym: String
}

/// The free text of a review decision, in both the forms reports carry.
protocol DecisionFreeText {
    var reason: String { get set }
    var decidedBy: String { get set }
    var reference: String? { get set }
}

extension ReviewDecision: DecisionFreeText {}
extension AppliedDecision: DecisionFreeText {}
