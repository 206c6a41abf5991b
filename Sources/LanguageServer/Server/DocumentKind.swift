import YAML

/// Which appraise file an open document is, from its `format:` and its name.
enum EditedKind: Equatable {
    case rules
    case rulesTest
    case schema
    case calendar
    case baseDossier
    case dossier
    case slate
    /// Not an appraise file (no known `format:`): no diagnostics.
    case other

    static func of(path: String, root: Node?) -> EditedKind {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parent = path.split(separator: "/").dropLast().last.map(String.init)
        switch root?["format"]?.scalar?.text {
        case "rules/1"?: return .rules
        case "rules-test/1"?: return .rulesTest
        case "schema/1"?: return .schema
        case "calendar/1"?: return .calendar
        case "slate/1"?: return .slate
        case "dossier/1"?: return parent == "tests" && name == "base.yaml" ? .baseDossier : .dossier
        default:
            if name == "schema.yaml" { return .schema }
            if name == "calendar.yaml" { return .calendar }
            return .other
        }
    }

    /// Whether the file belongs to a rule set folder (checked by loading the folder).
    var isRuleSetFile: Bool {
        switch self {
        case .rules, .rulesTest, .schema, .calendar, .baseDossier: true
        case .dossier, .slate, .other: false
        }
    }
}
