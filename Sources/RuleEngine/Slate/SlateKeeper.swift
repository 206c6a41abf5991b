import CEL

/// What a screening keeps of each valid dossier for the slate rules, made in the worker that
/// screened it: the fields the slate rules read, encoded (`RecordCodec`), and the dossier's
/// pair keys. The slate phase then needs no dossier in memory (`docs/performance.md`).
public struct SlateKeeper: Sendable {
    /// The fields slate rules read; nil when unknown (a read through `dyn`): whole dossiers.
    public let fields: SlateFieldUse?
    public let codec: RecordCodec
    public let pairKeys: SlatePairKeys
    /// `fields` per record type and slot, worked out once for every dossier.
    private let selection: RecordCodec.Selection
    /// Per slate rule whose observable fields are known (`SlateFieldUse.observed(by:isRecord:)`),
    /// what to decode of each record for it; the others read whole kept records.
    public let narrowed: [String: RecordCodec.Selection]
    /// The ids of the slate rules it keeps records for, in order.
    public let ruleIDs: [String]

    public init(evaluator: SlateEvaluator, dossierType: ObjectType, slate: Value, asOf: CivilDate, params: Value) {
        self.ruleIDs = evaluator.rules.map(\.rule.id)
        self.fields = SlateFieldUse.of(evaluator.rules)
        self.codec = RecordCodec(root: dossierType)
        self.pairKeys = evaluator.pairKeys(slate: slate, asOf: asOf, params: params)
        self.selection = codec.selection(keeping: fields, always: Self.alwaysKept)
        var narrowed: [String: RecordCodec.Selection] = [:]
        if fields != nil {
            let codec = self.codec
            for rule in evaluator.rules {
                guard let observed = SlateFieldUse.observed(by: rule, isRecord: codec.isRecordType) else { continue }
                narrowed[rule.rule.id] = codec.selection(keeping: observed, always: Self.alwaysKept)
            }
        }
        self.narrowed = narrowed
    }

    /// `candidate` stays whatever the rules read: findings locate a dossier by it.
    private static let alwaysKept: Set<String> = ["candidate"]

    /// The entry of a valid dossier read from `file`.
    public func keep(_ dossier: ObjectValue, file: String) -> SlateEntry {
        SlateEntry(record: codec.encode(dossier, file: file, selection: selection), keys: pairKeys.keys(of: dossier))
    }
}

/// One valid dossier as the slate phase sees it: its record's bytes and its pair keys (one
/// list per distinct `pair_keys`).
public struct SlateEntry: Sendable {
    public var record: [UInt8]
    public var keys: [PairKeyTable.Keys]
}
