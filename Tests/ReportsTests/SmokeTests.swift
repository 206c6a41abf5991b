import Testing

@Test func ReportsTestsBuilds() {}
