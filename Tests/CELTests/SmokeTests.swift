import Testing

@Test func CELTestsBuilds() {}
