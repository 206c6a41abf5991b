import Testing

@Test func YAMLTestsBuilds() {}
