import CEL
import Foundation
import RuleEngine
import Testing
import YAML

@Suite struct SchemaLoaderTests {
    @Test func fixtureLoadsCleanly() throws {
        let text = try String(contentsOf: SchemaFixture.url, encoding: .utf8)
        let (schema, lines) = SchemaFixture.load(text)
        #expect(lines == [])
        #expect(schema?.records.count == 16)
    }
}
