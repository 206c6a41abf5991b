import Testing

@Test func RuleEngineTestsBuilds() {}
