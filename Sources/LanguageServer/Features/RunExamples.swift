import Diagnostics
import RuleEngine

/// The "run examples" code lens on each rule and the `appraise.runExamples` command behind
/// it: the results `appraise rules test` gives for that rule's examples and test cases.
extension LanguageServer {
    func codeLens(_ params: JSON) throws(RequestFailure) -> JSON {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = workspace.documents[uri] else {
            throw RequestFailure(code: .invalidParams, message: "the document is not open")
        }
        let (kind, _) = workspace.parse(document)
        guard kind == .rules, let analysis = workspace.ruleSet(for: document, kind: kind),
              let file = analysis.prepared.ruleSet.files.first(where: { $0.path == document.path }) else { return [] }
        return .array(file.rules.map { rule in
            let (start, end) = document.text.wordRange(at: rule.idLocation)
            return [
                "range": .range(start, end),
                "command": [
                    "title": "run examples", "command": .string(Self.runExamplesCommand),
                    "arguments": [.string(uri), .string(rule.id)],
                ],
            ]
        })
    }

    func executeCommand(_ params: JSON) throws(RequestFailure) -> JSON {
        guard params["command"]?.stringValue == Self.runExamplesCommand else {
            throw RequestFailure(code: .invalidParams, message: "unknown command")
        }
        guard let arguments = params["arguments"]?.arrayValue, arguments.count == 2,
              let uri = arguments[0].stringValue, let id = arguments[1].stringValue,
              let document = workspace.documents[uri] else {
            throw RequestFailure(code: .invalidParams, message: "expected arguments [uri of an open rule file, rule id]")
        }
        let (kind, _) = workspace.parse(document)
        guard let analysis = workspace.ruleSet(for: document, kind: kind) else {
            throw RequestFailure(code: .invalidParams, message: "no rule set for \(uri)")
        }
        let report = ExampleRunner(prepared: analysis.prepared).run()
        let results = report.results.filter { $0.rule == id }
        let passed = results.filter(\.passed).count
        let summary = "\(id): \(passed) passed, \(results.count - passed) failed"
        emit(OutgoingMessage.notification("window/showMessage", ["type": results.count == passed ? 3 : 1, "message": .string(summary)]))
        return [
            "rule": .string(id), "passed": .int(passed), "failed": .int(results.count - passed), "summary": .string(summary),
            "results": .array(results.map { result in
                var members: [String: JSON] = [
                    "name": .string(result.name), "kind": .string(result.kind.rawValue),
                    "location": lspLocation(result.location),
                ]
                switch result.outcome {
                case .passed: members["outcome"] = "passed"
                case .failed(let why):
                    members["outcome"] = "failed"
                    members["message"] = .string(why)
                case .error(let problems):
                    members["outcome"] = "error"
                    members["message"] = .string(problems.map(\.description).joined(separator: "\n"))
                }
                return .object(members)
            }),
        ]
    }
}
