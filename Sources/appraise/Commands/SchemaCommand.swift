import ArgumentParser
import RuleEngine
import Screening

/// `appraise schema`: the dossier (or slate) format of `rules/schema.yaml`, as a field
/// reference for people or as a JSON Schema for editors and exporters.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the dossier format: a field reference, or a JSON Schema for editors.",
        discussion: """
            The text is read from the rule set's schema.yaml (--rules), the same file the dossier \
            validator reads. --format markdown prints a table per record; --json-schema prints a \
            JSON Schema (draft 2020-12). Exit 2 when the schema cannot be loaded.
            """
    )

    /// Output formats of `schema`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
        case jsonSchema = "json-schema"
    }

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule folder or file (repeatable); its schema.yaml replaces the shipped one.", valueName: "PATH"))
    var rulePaths: [String] = []

    @Option(help: "text, markdown (a table per record) or json-schema.")
    var format: Format = .text

    @Flag(help: "Print a JSON Schema (draft 2020-12); the same as --format json-schema.")
    var jsonSchema = false

    @Flag(help: "Describe the slate file (format slate/1) instead of a dossier.")
    var slate = false

    @Flag(help: "Describe the review decisions file (format decisions/1) instead of a dossier.")
    var decisions = false

    @Flag(help: "In the JSON Schema, forbid unknown fields (as `check --strict` does).")
    var strict = false

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to FILE, atomically, instead of standard output.", valueName: "FILE"))
    var output: String?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if jsonSchema, format != .text, format != .jsonSchema {
            throw ValidationError("--json-schema cannot be combined with --format \(format.rawValue)")
        }
        if slate && decisions { throw ValidationError("--slate and --decisions cannot be combined") }
    }

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let session = try RuleSetSession.load(
                paths: rulePaths, maxFileBytes: limits.maxFileBytes, emptyRules: .notChecked)
            guard let schema = session.prepared.schema else {
                session.printer.printAll(session.prepared.diagnostics)
                throw CLIError.usage("the rule set's schema.yaml could not be loaded (see above)")
            }
            if decisions, !schema.describes(.decisions) {
                throw CLIError.usage("the rule set's schema.yaml describes no decisions document (documents.decisions)")
            }
            let text = render(schema)
            try AtomicWriter.writeOrPrint(text, to: output)
            return .clean
        }
    }

    /// The schema in the chosen format.
    func render(_ schema: Schema) -> String {
        let document: DocumentKind = decisions ? .decisions : slate ? .slate : .dossier
        switch jsonSchema ? .jsonSchema : format {
        case .text: return SchemaText.render(schema, document: document, style: .text)
        case .markdown: return SchemaText.render(schema, document: document, style: .markdown)
        case .jsonSchema: return JSONSchemaExporter.export(schema, document: document, strict: strict).rendered()
        }
    }
}
