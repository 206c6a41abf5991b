import Diagnostics
import RuleEngine
import YAML

/// Everything a position request needs about where the cursor is: the document, its kind and
/// YAML tree, the rule set it is read with, and the expression the cursor is in (if any).
struct Cursor {
    let document: OpenDocument
    let position: Position
    let location: SourceLocation
    let kind: EditedKind
    let yaml: YAMLDocument
    let analysis: RuleSetAnalysis?

    /// The rules of this document (rule files only), as far as they are written: a rule still
    /// being typed (no `message` yet) has its expressions too.
    var rules: [Rule] {
        guard kind == .rules else { return [] }
        return RuleFileLoader.drafts(root: yaml.root, source: document.text.source)
    }

    var expression: ExpressionAtCursor? { ExpressionAtCursor.find(location, in: rules) }

    /// The word under the cursor (letters, digits, `_`, `-`), as rule ids are written.
    var word: String? {
        guard let line = document.text.source.line(location.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let isWord: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-".unicodeScalars.contains($0) }
        var lower = min(location.column - 1, scalars.count)
        var upper = lower
        while lower > 0, isWord(scalars[lower - 1]) { lower -= 1 }
        while upper < scalars.count, isWord(scalars[upper]) { upper += 1 }
        guard lower < upper else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[lower..<upper])
        return String(text)
    }

    /// The rule whose id is the word under the cursor, in the document's rule set.
    var ruleNamedAtCursor: Rule? {
        guard let word, let rules = analysis?.prepared.ruleSet.rules else { return nil }
        return rules.first { $0.id == word }
    }
}

extension LanguageServer {
    /// The cursor of a `TextDocumentPositionParams`; an unknown document is invalid params.
    func cursor(_ params: JSON) throws(RequestFailure) -> Cursor {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let position = Position(params["position"]) else {
            throw RequestFailure(code: .invalidParams, message: "expected textDocument.uri and position")
        }
        guard let document = workspace.documents[uri] else {
            throw RequestFailure(code: .invalidParams, message: "the document \(uri) is not open")
        }
        let location = document.text.location(of: position)
            ?? SourceLocation(file: document.path, line: position.line + 1, column: 1)
        let (kind, yaml) = workspace.parse(document)
        let analysis = kind == .other ? nil : workspace.ruleSet(for: document, kind: kind)
        return Cursor(document: document, position: position, location: location, kind: kind, yaml: yaml, analysis: analysis)
    }
}
