import Diagnostics

/// Every code the YAML loader gives a diagnostic: the one list of them.
public enum YAMLCode: String, DiagnosticCodeCatalogue {
    case syntax = "yaml.syntax"
    case encoding = "yaml.encoding"
    case tooLarge = "yaml.too-large"
    case tooDeep = "yaml.too-deep"
    case aliasBudget = "yaml.alias-budget"
    case scalarTooLong = "yaml.scalar-too-long"
    case collectionTooLong = "yaml.collection-too-long"
    case duplicateKey = "yaml.duplicate-key"
    case mergeKey = "yaml.merge-key"
    case tag = "yaml.tag"
    case undefinedAlias = "yaml.undefined-alias"
    case multipleDocuments = "yaml.multiple-documents"

    public var meaning: String {
        switch self {
        case .syntax: "the file is not well-formed YAML"
        case .encoding: "the file is not UTF-8 (for example UTF-16 or Windows-1258)"
        case .tooLarge: "the file is larger than --max-file-bytes"
        case .tooDeep: "the nesting is deeper than --max-depth"
        case .aliasBudget: "expanding aliases makes more nodes than --max-alias-nodes"
        case .scalarTooLong: "a scalar is longer than --max-scalar-bytes"
        case .collectionTooLong: "a list or mapping has more entries than --max-collection-count"
        case .duplicateKey: "a mapping has the same key twice"
        case .mergeKey: "a merge key (<<), which appraise does not support"
        case .tag: "a tag other than the core ones, on the wrong kind of node, or with a value it does not fit"
        case .undefinedAlias: "an alias refers to no anchor defined before it"
        case .multipleDocuments: "the file holds more than one YAML document"
        }
    }
}
