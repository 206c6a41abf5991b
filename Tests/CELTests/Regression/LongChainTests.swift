import Testing

@testable import CEL

/// Issue 17: long flat chains (10^5 terms of `+ 1`, `.size()`, `!`, `[0]`, `.f`) are within
/// the rule file limits but used to build a tree 10^5 levels deep and overflow the stack of
/// the planner. Each is now a `cel.too-deep` issue located at the operator that went past
/// `Parser.maxHeight`; a chain just under the limit compiles and evaluates.
@Suite struct LongChainTests {
    static let terms = 100_000

    static let chains: [(name: String, text: String)] = [
        ("sum", "1" + String(repeating: " + 1", count: terms)),
        ("and", "true" + String(repeating: " && true", count: terms)),
        ("ternary", String(repeating: "true ? 1 : ", count: terms) + "0"),
        ("method", "'a'" + String(repeating: ".lower_ascii()", count: terms)),
        ("select", "x" + String(repeating: ".f", count: terms)),
        ("index", "[1]" + String(repeating: "[0]", count: terms)),
        ("not", String(repeating: "!", count: terms) + "true"),
        ("negate", String(repeating: "-", count: terms) + "x"),
        ("list", String(repeating: "[", count: terms) + String(repeating: "]", count: terms)),
        ("macro", "[1]" + String(repeating: ".map(y, y)", count: terms)),
    ]

    @Test(arguments: 0..<chains.count)
    func aLongChainIsALocatedTooDeepIssue(_ index: Int) {
        let chain = Self.chains[index]
        let environment = Environment()
        _ = environment.declare(variable: "x", type: .dyn)
        do {
            _ = try Program.compile(chain.text, in: environment)
            Issue.record("\(chain.name): compiled")
        } catch {
            #expect(error.issues.count == 1, "\(chain.name)")
            #expect(error.issues.first?.code == "cel.too-deep", "\(chain.name): \(error.issues)")
            #expect(error.issues.first?.message.contains("expression too deep") == true)
            let offset = error.issues.first?.range.lowerBound ?? 0
            #expect(offset > 0 && offset < 20 * Parser.maxHeight, "\(chain.name): at \(offset)")
        }
    }

    @Test func aChainJustUnderTheLimitCompilesAndEvaluates() throws {
        let text = "1" + String(repeating: " + 1", count: Parser.maxHeight - 2)
        let program = try Program.compile(text, in: Environment())
        guard case .int(let sum) = program.evaluate(Activation(slotCount: 0)) else {
            Issue.record("expected an int")
            return
        }
        #expect(sum == Int64(Parser.maxHeight - 1))
        let explained = program.explain(Activation(slotCount: 0))
        #expect(explained.subexpressions.count == Parser.maxHeight - 2)
    }
}
