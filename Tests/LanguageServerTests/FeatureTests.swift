import LanguageServer
import Testing

/// Hover, completion, definition, symbols and "run examples" on the shipped rules, through the
/// server loop.
@Suite struct FeatureTests {
    typealias H = LSPHarness
    let uri = "file:///ws/rules/declarations.yaml"
    let text = H.shipped("declarations.yaml")

    /// The position of `needle` (its `occurrence`-th match) on the 1-based `line`, plus `delta`.
    func at(_ line: Int, _ needle: String, occurrence: Int = 0, delta: Int = 0, in text: String? = nil) -> JSON {
        let lines = (text ?? self.text).split(separator: "\n", omittingEmptySubsequences: false)
        var index = lines[line - 1].startIndex
        var found = lines[line - 1].startIndex
        for _ in 0...occurrence {
            found = lines[line - 1].range(of: needle, range: index..<lines[line - 1].endIndex)!.lowerBound
            index = lines[line - 1].index(after: found)
        }
        let character = lines[line - 1].utf16.distance(from: lines[line - 1].startIndex, to: found) + delta
        return H.position(uri, line: line - 1, character: character)
    }

    func line(containing needle: String, in text: String? = nil) -> Int {
        (text ?? self.text).split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    func ask(_ method: String, _ params: JSON, text: String? = nil) -> JSON? {
        H.run([H.initialize, H.open(uri, text ?? self.text), H.request(2, method, params)]).response(2)?["result"]
    }

    @Test func hoverOnAFieldShowsItsSchemaTypeAndDoc() {
        let line = line(containing: "&& has(d.increase) && d.increase >= threshold")
        let value = ask("textDocument/hover", at(line, "d.increase", occurrence: 1, delta: 3))?["contents"]?["value"]
        #expect(value == "`declaration.increase`: money (signed)\n\nChange in total assets against the previous declaration, in đồng (may be negative).")
    }

    @Test func hoverOnAFunctionShowsItsSignaturesAndDoc() {
        let line = line(containing: "threshold: \"param_at(")
        let value = ask("textDocument/hover", at(line, "param_at", delta: 2))?["contents"]?["value"]?.stringValue
        #expect(value?.hasPrefix("```\nparam_at(string, date) -> dyn\n```\n\nThe value of a parameter on a date") == true)
    }

    @Test func hoverOnAMacroShowsItsDoc() {
        let line = line(containing: "&& !declarations.exists(d, d.year == y")
        let value = ask("textDocument/hover", at(line, "exists", delta: 2))?["contents"]?["value"]
        #expect(value == "`exists` (macro): bool\n\nlist.exists(x, p): whether p holds for at least one element.")
    }

    @Test func hoverOnAParameterShowsItsValuesAndDates() {
        let line = line(containing: "i <= params.missing_annual_years")
        let value = ask("textDocument/hover", at(line, "missing_annual_years", delta: 2))?["contents"]?["value"]?.stringValue
        #expect(value?.hasPrefix("`params.missing_annual_years`: int\n\nBasis: ") == true)
        #expect(value?.hasSuffix("- since 2019-07-01: `3`") == true)
    }

    @Test func hoverOnARuleIDShowsTitleSeverityAndBasis() {
        let line = line(containing: "- id: DECL-INCREASE-UNEXPLAINED")
        let value = ask("textDocument/hover", at(line, "DECL-INCREASE", delta: 3))?["contents"]?["value"]?.stringValue
        #expect(value?.hasPrefix("**DECL-INCREASE-UNEXPLAINED** (review): Large increase in assets declared without explanation\n\nBasis: Luật") == true)
    }

    @Test func completionAfterTheComprehensionVariableOffersTheDeclarationFields() throws {
        let line = line(containing: "&& !declarations.exists(d, d.year == y")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = "      && !declarations.exists(d, d."
        lines.remove(at: line)  // the continuation line of the unfinished call
        let edited = lines.joined(separator: "\n")
        let params = H.position(uri, line: line - 1, character: lines[line - 1].utf16.count)
        let items = try #require(ask("textDocument/completion", params, text: edited)?["items"]?.arrayValue)
        #expect(items.compactMap { $0["label"]?.stringValue }
            == ["year", "kind", "submitted", "total_income", "increase", "increase_explanation", "assets"])
        #expect(items.first?["detail"] == "int")
    }

    @Test func completionAfterParamsOffersTheParameterNames() throws {
        let line = line(containing: "i <= params.missing_annual_years")
        let items = try #require(ask("textDocument/completion", at(line, "missing_annual_years"))?["items"]?.arrayValue)
        let labels = items.compactMap { $0["label"]?.stringValue }
        #expect(labels.contains("missing_annual_years"))
        #expect(labels.contains("supplementary_increase_vnd"))
    }

    @Test func completionOfANameOffersLetNamesAndFunctions() throws {
        let line = line(containing: "&& has(d.increase) && d.increase >= threshold")
        let items = try #require(ask("textDocument/completion", at(line, "threshold", delta: 3))?["items"]?.arrayValue)
        let labels = items.compactMap { $0["label"]?.stringValue }
        for expected in ["threshold", "d", "as_of", "declarations", "months_between", "has"] {
            #expect(labels.contains(expected), "missing \(expected)")
        }
    }

    @Test func definitionOfAParameterAndOfALetName() {
        let paramLine = line(containing: "i <= params.missing_annual_years")
        let declared = line(containing: "  missing_annual_years:")
        let result = ask("textDocument/definition", at(paramLine, "missing_annual_years", delta: 2))
        #expect(result?["uri"] == .string(uri))
        #expect(result?["range"]?["start"] == ["line": .int(declared - 1), "character": 2])
        let useLine = line(containing: "&& has(d.increase) && d.increase >= threshold")
        let letLine = line(containing: "threshold: \"param_at(")
        #expect(ask("textDocument/definition", at(useLine, "threshold", delta: 1))?["range"]?["start"]
            == ["line": .int(letLine - 1), "character": 6])
    }

    @Test func definitionOfARuleIDInATestFile() throws {
        let testURI = "file:///ws/rules/tests/thresholds.yaml"
        let testText = H.shipped("tests/thresholds.yaml")
        let lines = testText.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("DISC-STATE-BAR") })
        let character = lines[line].utf16.distance(from: lines[line].startIndex, to: lines[line].range(of: "DISC-STATE-BAR")!.lowerBound) + 2
        let run = H.run([H.initialize, H.open(testURI, testText),
                         H.request(2, "textDocument/definition", ["textDocument": ["uri": .string(testURI)],
                                                                  "position": ["line": .int(line), "character": .int(character)]])])
        #expect(run.response(2)?["result"]?["uri"] == "file:///ws/rules/discipline.yaml")
    }

    @Test func documentSymbolsAreTheRulesOfTheFile() {
        let symbols = ask("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])?.arrayValue ?? []
        #expect(symbols.compactMap { $0["name"]?.stringValue } == [
            "DECL-UNTRUTHFUL", "DECL-UNTRUTHFUL-PAST", "VERIF-UNEXPLAINED", "DECL-INCREASE-UNEXPLAINED", "DECL-MISSING-ANNUAL",
            "DECL-NOMINATION-MISSING", "ASSET-INCOME-RATIO", "ASSET-FOREIGN",
        ])
    }

    @Test func runExamplesGivesTheRuleResults() {
        let run = H.run([H.initialize, H.open(uri, text), H.request(2, "workspace/executeCommand", [
            "command": "appraise.runExamples", "arguments": [.string(uri), "DECL-INCREASE-UNEXPLAINED"],
        ])])
        let result = run.response(2)?["result"]
        #expect(result?["summary"] == "DECL-INCREASE-UNEXPLAINED: 11 passed, 0 failed")
        #expect(result?["results"]?.arrayValue?.count == 11)
    }

    /// A rule still being written (no title, message or examples yet) completes too, and an
    /// unfinished `?:` is closed for the checker.
    @Test(arguments: [
        ("    for_each: [d in declarations]\n    when: d.", "increase_explanation"),
        ("    when: candidate.birth_date < as_of ? candidate.", "birth_date"),
        ("    when: candidate.nomination.", "post"),
    ])
    func completionInARuleStillBeingWritten(lines: String, expected: String) throws {
        let draftURI = "file:///ws/rules/draft.yaml"
        let text = "format: rules/1\nrules:\n  - id: NEW\n" + lines
        let last = text.split(separator: "\n", omittingEmptySubsequences: false).last!
        let run = H.run([
            H.initialize, H.open(draftURI, text),
            H.request(2, "textDocument/completion", H.position(draftURI, line: 3 + lines.filter { $0 == "\n" }.count,
                                                               character: last.utf16.count)),
        ])
        let labels = run.response(2)?["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
        #expect(labels.contains(expected), "\(labels)")
    }

    @Test func dossierHoverAndCompletionComeFromTheSchema() throws {
        let dossierURI = "file:///ws/candidates/x.yaml"
        let dossier = "format: dossier/1\ncandidate:\n  gender: \ndeclarations:\n  - year: 2024\n    increase: 5\n    \n"
        let run = H.run([
            H.initialize, H.open(dossierURI, dossier),
            H.request(2, "textDocument/hover", H.position(dossierURI, line: 5, character: 6)),
            H.request(3, "textDocument/completion", H.position(dossierURI, line: 2, character: 10)),
            H.request(4, "textDocument/completion", H.position(dossierURI, line: 6, character: 4)),
        ])
        #expect(run.response(2)?["result"]?["contents"]?["value"]
            == "`increase`: money (signed)\n\nChange in total assets against the previous declaration, in đồng (may be negative).")
        #expect(run.response(3)?["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } == ["male", "female"])
        let fields = run.response(4)?["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
        #expect(fields.contains("increase_explanation"))
    }

    @Test func hoverOnAnUnopenedDocumentIsInvalidParams() {
        let run = H.run([H.initialize, H.request(2, "textDocument/hover", H.position("file:///nowhere.yaml", line: 0, character: 0))])
        #expect(run.response(2)?["error"]?["code"] == .int(ErrorCode.invalidParams.rawValue))
    }
}
