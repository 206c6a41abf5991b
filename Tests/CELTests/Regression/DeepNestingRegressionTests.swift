import Testing

@testable import CEL

/// Nesting at the parsers' limits must fit the stack of a Swift Testing / concurrency worker
/// thread in a debug build under AddressSanitizer (`scripts/sanitizers.sh`), where frames are
/// largest. Found by the ASan run: the regex parser accepted 1,000 nested groups, and a
/// pattern nested that deep overflowed a worker's stack; its limit is now 200, as for CEL.
@Suite struct DeepNestingRegressionTests {
    static func nested(_ depth: Int, _ core: String) -> String {
        String(repeating: "(", count: depth) + core + String(repeating: ")", count: depth)
    }

    @Test func regexAtTheDepthLimitCompilesAndMatches() throws {
        let regex = try LinearRegex(pattern: Self.nested(RegexParser.maxDepth, "a"))
        #expect(regex.matches("xay"))
        #expect(!regex.matches("xy"))
    }

    @Test func regexPastTheDepthLimitIsRejectedAtTheFirstGroupTooDeep() {
        #expect(RegexParser.maxDepth == 200)
        #expect(throws: RegexError(message: "expression nests too deeply", offset: 200)) {
            try LinearRegex(pattern: Self.nested(2_000, "a"))
        }
    }

    @Test func deeplyNestedPatternFromAnExpressionIsAnErrorValue() throws {
        let environment = Environment()
        let slot = environment.declare(variable: "p", type: .string)
        let program = try Program.compile("'a'.matches(p)", in: environment)
        var activation = Activation(slotCount: environment.variableCount)
        activation[slot] = .string(Self.nested(5_000, "a"))
        guard case .error(let error) = program.evaluate(activation) else {
            Issue.record("expected an error value")
            return
        }
        #expect(error.message.hasSuffix("': expression nests too deeply"))
    }

    @Test func expressionAtTheParserDepthLimitCompilesAndEvaluates() throws {
        // Each parenthesis costs two levels (expression, then unary), so 99 pairs fit in 200.
        let program = try Program.compile(Self.nested(99, "1 + 2"), in: Environment())
        guard case .int(let value) = program.evaluate(Activation(slotCount: 0)) else {
            Issue.record("expected an int")
            return
        }
        #expect(value == 3)
    }

    @Test func expressionPastTheParserDepthLimitIsASyntaxIssue() {
        #expect {
            try Program.compile(Self.nested(5_000, "1"), in: Environment())
        } throws: { error in
            guard let failure = error as? CompileFailure, let issue = failure.issues.first else { return false }
            return failure.issues.count == 1 && issue.code == "cel.too-deep"
                && issue.message.contains("expression too deep") && issue.range == 100..<101
        }
    }
}
