import CEL
import Diagnostics
import RuleEngine
import Testing
import YAML

@Suite struct DossierLoaderTests {
    let schema = SchemaFixture.schema

    private func load(_ text: String, strict: Bool = false) -> DossierLoad {
        DossierLoader.load(
            bytes: Array(text.utf8), file: "c/an.yaml", schema: schema, limits: .default,
            options: ValidationOptions(strict: strict))
    }

    @Test func loadsAValidDossierWithItsIdentityAndDigest() throws {
        let text = SchemaFixture.base.replacingOccurrences(of: "birth_date", with: "citizen_id: '001075000001'\n  birth_date")
        guard case .loaded(let dossier, let warnings) = load(text) else {
            Issue.record("expected a loaded dossier")
            return
        }
        #expect(warnings.isEmpty)
        #expect(dossier.id == "0001")
        #expect(dossier.name == "Nguyễn Văn An")
        #expect(dossier.citizenID == "001075000001")
        #expect(dossier.file == "c/an.yaml")
        #expect(dossier.digest.hasPrefix("sha256:") && dossier.digest.count == 71)
    }

    @Test func digestIsSHA256OfTheBytes() {
        guard case .invalid(let digest, _, _, _) = load("") else {
            Issue.record("an empty file is invalid")
            return
        }
        #expect(digest == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func invalidDossierStillNamesItself() {
        let text = SchemaFixture.base + "declarations: [{year: 2024, total_income: -1}]\n"
        guard case .invalid(let digest, let id, let name, let diagnostics) = load(text) else {
            Issue.record("expected invalid")
            return
        }
        #expect(digest != nil)
        #expect(id == "0001")
        #expect(name == "Nguyễn Văn An")
        #expect(diagnostics.map(\.description) == [
            "c/an.yaml:6:43: error: invalid amount '-1' for declarations[0].total_income; expected whole đồng as an integer ≥ 0 [schema.money]"
        ])
    }

    @Test func yamlSyntaxErrorsAreReportedAlone() {
        guard case .invalid(_, let id, let name, let diagnostics) = load("candidate: {id: a\n") else {
            Issue.record("expected invalid")
            return
        }
        #expect(id == nil && name == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code.hasPrefix("yaml.") == true)
    }

    @Test func warningsDoNotInvalidateButStrictDoes() {
        let text = SchemaFixture.base + "note: hello\n"
        guard case .loaded(_, let warnings) = load(text) else {
            Issue.record("expected loaded")
            return
        }
        #expect(warnings.map(\.code) == ["schema.unknown-field"])
        guard case .invalid = load(text, strict: true) else {
            Issue.record("expected invalid under strict")
            return
        }
    }

    @Test func crlfAndBOMAreRead() {
        let text = "\u{FEFF}" + SchemaFixture.base.replacingOccurrences(of: "\n", with: "\r\n")
        guard case .loaded(let dossier, _) = load(text) else {
            Issue.record("expected loaded")
            return
        }
        #expect(dossier.name == "Nguyễn Văn An")
    }
}
