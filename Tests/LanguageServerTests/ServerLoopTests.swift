import Diagnostics
import LanguageServer
import RuleEngine
import Testing

@Suite struct ServerLoopTests {
    typealias H = LSPHarness
    let ruleURI = "file:///ws/rules/new.yaml"

    /// A rule file with a misspelt field in a block scalar, on line 8, column 17 of the YAML.
    let badRules = """
        format: rules/1
        rules:
          - id: NEW-RULE
            title: {en: New rule}
            severity: review
            basis: Test basis
            when: >-
              candidate.birth_dat < date('1970-01-01')
            message: {en: "x"}
            examples:
              triggers:
                - candidate: {birth_date: 1960-01-01}
              passes:
                - candidate: {birth_date: 1980-01-01}

        """

    @Test func initializeAnswersTheCapabilitiesAndShutdownExitsCleanly() {
        let run = H.run([H.initialize, H.request(2, "shutdown"), H.notification("exit")])
        let capabilities = run.response(1)?["result"]?["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == 1)
        #expect(capabilities?["hoverProvider"] == true)
        #expect(run.response(2)?["result"] == .null)
        #expect(run.status == 0)
    }

    @Test func aClientThatExitsWithoutShutdownGetsStatusOne() {
        #expect(H.run([H.initialize]).status == 1)
        #expect(H.run([H.initialize, H.notification("exit")]).status == 1)
    }

    @Test func requestsBeforeInitializeAreRefused() {
        let run = H.run([H.request(7, "textDocument/hover", H.position(ruleURI, line: 0, character: 0))])
        #expect(run.response(7)?["error"]?["code"] == .int(ErrorCode.serverNotInitialized.rawValue))
    }

    @Test func malformedJSONGetsAParseErrorWithANullID() {
        let run = H.run([H.initialize, Array("Content-Length: 9\r\n\r\n{\"id\": 3,".utf8), H.request(4, "shutdown")])
        let error = run.messages.first { $0["error"]?["code"] == .int(ErrorCode.parseError.rawValue) }
        #expect(error?["id"] == .null)
        #expect(run.response(4)?["result"] == .null)
    }

    @Test func aMessageThatIsNotARequestGetsInvalidRequest() {
        let run = H.run([H.initialize, MessageFramer.frame([1, 2]), MessageFramer.frame(["jsonrpc": "2.0", "id": 5])])
        let codes = run.messages.compactMap { $0["error"]?["code"] }
        #expect(codes == [.int(ErrorCode.invalidRequest.rawValue), .int(ErrorCode.invalidRequest.rawValue)])
        #expect(run.response(5) != nil)
    }

    @Test func anUnknownRequestIsMethodNotFoundAndAnUnknownNotificationIsIgnored() {
        let run = H.run([H.initialize, H.notification("custom/thing", [:]), H.request(9, "custom/ask", [:])])
        #expect(run.response(9)?["error"]?["code"] == .int(ErrorCode.methodNotFound.rawValue))
        #expect(run.messages.count == 2)  // initialize's result and this error, nothing for the notification
    }

    @Test func aChangeForADocumentNeverOpenedIsIgnored() {
        let run = H.run([H.initialize, H.change("file:///ws/never.yaml", "x: 1", version: 2), H.request(2, "shutdown")])
        #expect(run.published("file:///ws/never.yaml").isEmpty)
        #expect(run.response(2)?["result"] == .null)
    }

    /// The published diagnostic is the one `rules lint` finds: same code, message and place.
    @Test func diagnosticsOfARuleFileAreThoseOfRulesLint() throws {
        let run = H.run([H.initialize, H.open(ruleURI, badRules)])
        let published = try #require(run.published(ruleURI).first)
        let diagnostics = try #require(published["diagnostics"]?.arrayValue)
        let lint = lintDiagnostics(files: ["/ws/rules/new.yaml": badRules]).filter { $0.location?.file == "/ws/rules/new.yaml" }
        #expect(diagnostics.count == lint.count)
        let first = try #require(lint.first)
        #expect(first.code == "cel.undefined-field")
        #expect(first.location == SourceLocation(file: "/ws/rules/new.yaml", line: 8, column: 17))
        #expect(diagnostics.first?["code"] == .string(first.code))
        #expect(diagnostics.first?["message"] == .string(first.message))
        #expect(diagnostics.first?["range"] == JSON.object([
            "start": ["line": 7, "character": 16], "end": ["line": 7, "character": 25],
        ]))
    }

    @Test func changesAreDebouncedIntoOnePublishOfTheLatestVersion() throws {
        let fixed = badRules.replacingOccurrences(of: "birth_dat ", with: "birth_date ")
        let run = H.run([
            H.initialize, H.open(ruleURI, badRules) + H.change(ruleURI, badRules + "#", version: 2)
                + H.change(ruleURI, fixed, version: 3),
        ])
        let published = run.published(ruleURI)
        #expect(published.count == 2)  // on open, then once for both changes
        #expect(published.last?["version"] == 3)
        #expect(published.last?["diagnostics"] == [])
    }

    @Test func closingClearsTheDiagnostics() {
        let run = H.run([
            H.initialize, H.open(ruleURI, badRules),
            H.notification("textDocument/didClose", ["textDocument": ["uri": .string(ruleURI)]]),
        ])
        #expect(run.published(ruleURI).last?["diagnostics"] == [])
    }

    @Test func aDossierIsValidatedByTheSchema() throws {
        let uri = "file:///ws/candidates/a.yaml"
        let run = H.run([H.initialize, H.open(uri, "format: dossier/1\ncandidate:\n  id: X\n  gendr: male\n")])
        let diagnostics = try #require(run.published(uri).first?["diagnostics"]?.arrayValue)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.contains { $0["message"]?.stringValue?.contains("gendr") == true })
    }

    @Test func aFiftyMegabyteDocumentIsRefusedWithADiagnostic() throws {
        let uri = "file:///ws/candidates/big.yaml"
        let text = "format: dossier/1\n# " + String(repeating: "x", count: 50 << 20) + "\n"
        let run = H.run([H.initialize, H.open(uri, text), H.request(2, "shutdown")])
        let diagnostics = try #require(run.published(uri).first?["diagnostics"]?.arrayValue)
        #expect(diagnostics.first?["code"] == "yaml.too-large")
        #expect(run.response(2)?["result"] == .null)
    }

    @Test func aYAMLBombIsStoppedByTheLimits() throws {
        var text = "format: dossier/1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let uri = "file:///ws/candidates/bomb.yaml"
        let run = H.run([H.initialize, H.open(uri, text), H.request(2, "shutdown")])
        let diagnostics = try #require(run.published(uri).first?["diagnostics"]?.arrayValue)
        #expect(diagnostics.contains { $0["code"]?.stringValue?.hasPrefix("yaml.") == true })
        #expect(run.response(2)?["result"] == .null)
    }

    func lintDiagnostics(files: [String: String]) -> [Diagnostic] {
        var fileSystem = H.fileSystem()
        for (path, text) in files { fileSystem.files[path] = Array(text.utf8) }
        let prepared = PreparedRuleSet.prepare(RuleSetLoader.load(paths: ["/ws/rules"], shipped: "/ws/rules", fileSystem: fileSystem))
        return prepared.lintDiagnostics
    }
}

@Suite struct HostilePositionTests {
    typealias H = LSPHarness

    @Test func aPositionFarOutsideTheDocumentIsAnswered() {
        let uri = "file:///ws/rules/declarations.yaml"
        let run = H.run([
            H.initialize, H.open(uri, H.shipped("declarations.yaml")),
            H.request(2, "textDocument/hover", H.position(uri, line: Int.max, character: Int.max)),
            H.request(3, "textDocument/completion", H.position(uri, line: 100_000, character: 5)),
            H.request(4, "textDocument/definition", H.position(uri, line: 3, character: 100_000)),
        ])
        #expect(run.response(2)?["error"]?["code"] == .int(ErrorCode.invalidParams.rawValue))
        #expect(run.response(3)?["result"]?["items"] == [])
        #expect(run.response(4)?["result"] == .null)
    }
}

/// A misspelt field in each scalar style is underlined where it is written in the YAML.
@Suite struct ScalarStylePositionTests {
    typealias H = LSPHarness

    static let styles: [(String, Int, Int)] = [
        ("    when: candidate.birth_dat < date('1970-01-01')\n", 4, 20),
        ("    when: 'candidate.birth_dat < date(\"1970-01-01\")'\n", 4, 21),
        ("    when: \"candidate.birth_dat < date('1970-01-01')\"\n", 4, 21),
        ("    when: |\n      true &&\n        candidate.birth_dat < date('1970-01-01')\n", 6, 18),
        ("    when: >-\n      candidate.birth_dat < date('1970-01-01')\n", 5, 16),
    ]

    @Test(arguments: styles)
    func diagnosticPosition(when: String, line: Int, character: Int) throws {
        let text = "format: rules/1\nrules:\n  - id: NEW-RULE\n    title: {en: New rule}\n" + when
            + "    severity: review\n    basis: Test\n    message: {en: x}\n"
            + "    examples:\n      triggers: [{candidate: {birth_date: 1960-01-01}}]\n"
            + "      passes: [{candidate: {birth_date: 1980-01-01}}]\n"
        let uri = "file:///ws/rules/new.yaml"
        let run = H.run([H.initialize, H.open(uri, text)])
        let diagnostic = try #require(run.published(uri).first?["diagnostics"]?.arrayValue?.first)
        #expect(diagnostic["code"] == "cel.undefined-field")
        #expect(diagnostic["range"]?["start"] == ["line": .int(line), "character": .int(character)])
        #expect(diagnostic["range"]?["end"] == ["line": .int(line), "character": .int(character + 9)])
    }
}

@Suite struct UTF16PositionTests {
    /// LSP counts UTF-16 units: an emoji before the error counts two, where appraise counts one.
    @Test func anAstralCharacterCountsTwoUnits() throws {
        let text = "format: rules/1\nrules:\n  - id: NEW-RULE\n    title: {en: New rule}\n"
            + "    when: candidate.birth_date < date('1970-01-01')\n"
            + "    severity: review\n    basis: Test\n    message: {en: \"😀 {{ candidate.birth_dat }}\"}\n"
            + "    examples:\n      triggers: [{candidate: {birth_date: 1960-01-01}}]\n"
            + "      passes: [{candidate: {birth_date: 1980-01-01}}]\n"
        let uri = "file:///ws/rules/new.yaml"
        let run = LSPHarness.run([LSPHarness.initialize, LSPHarness.open(uri, text)])
        let diagnostic = try #require(run.published(uri).first?["diagnostics"]?.arrayValue?.first)
        #expect(diagnostic["code"] == "cel.undefined-field")
        #expect(diagnostic["range"]?["start"] == ["line": 7, "character": 35])
    }
}

@Suite struct TestFileDiagnosticsTests {
    /// A test file's problems are those of `rules test`: an expectation naming no rule.
    @Test func anUnknownRuleInATestFileIsReportedWhereItIsNamed() throws {
        let uri = "file:///ws/rules/tests/new.yaml"
        let text = """
            format: rules-test/1
            tests:
              - name: names a rule that does not exist
                as_of: 2025-09-20
                dossier: {}
                absent: [NO-SUCH-RULE]

            """
        let run = LSPHarness.run([LSPHarness.initialize, LSPHarness.open(uri, text)])
        let diagnostics = try #require(run.published(uri).first?["diagnostics"]?.arrayValue)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] == "test.unknown-rule")
        #expect(diagnostics.first?["range"]?["start"] == ["line": 5, "character": 13])
    }
}

@Suite struct DiskChangeTests {
    /// A saved or watched file may change the rule set: open documents are checked again.
    @Test func aSaveRepublishesTheOpenDocuments() {
        let uri = "file:///ws/candidates/a.yaml"
        let run = LSPHarness.run([
            LSPHarness.initialize, LSPHarness.open(uri, "format: dossier/1\n"),
            LSPHarness.notification("workspace/didChangeWatchedFiles", ["changes": []]),
        ])
        #expect(run.published(uri).count == 2)
    }
}
