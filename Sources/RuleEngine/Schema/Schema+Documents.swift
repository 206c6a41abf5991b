extension Schema {
    /// The record at the root of a document kind (`dossier` or `slate_file`).
    public func rootRecord(of document: DocumentKind) -> RecordSchema {
        records[rootPosition(of: document)]
    }

    /// The records a document of this kind can contain, in `schema.yaml` order: the root and
    /// every record reachable from it through object and list fields. `appraise schema` and
    /// the JSON Schema describe these and nothing else (the slate's schema has no declarations).
    public func records(of document: DocumentKind) -> [RecordSchema] {
        var reached = Set<Int>()
        var pending = [rootPosition(of: document)]
        while let position = pending.popLast() {
            guard reached.insert(position).inserted else { continue }
            for field in records[position].fields {
                if let name = field.type.recordName, let next = recordIndex[name] { pending.append(next) }
            }
        }
        return records.indices.filter(reached.contains).map { records[$0] }
    }
}
