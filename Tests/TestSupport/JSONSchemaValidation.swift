import Foundation

/// Validates JSON documents against a JSON Schema with Python's `jsonschema` (an independent
/// validator; CI installs it). The dialect comes from the schema's `$schema`.
///
/// Returns each document's error messages (`path: message`, empty when it validates), keyed
/// like `documents`; nil when python3 or the `jsonschema` package is missing.
public func jsonSchemaErrors(schema: String, documents: [String: String]) throws -> [String: [String]]? {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-jsonschema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let schemaFile = directory.appendingPathComponent("schema.json")
    try Data(schema.utf8).write(to: schemaFile)
    let input = directory.appendingPathComponent("documents.json")
    try JSONSerialization.data(withJSONObject: documents.mapValues { $0 }).write(to: input)
    let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(77)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        documents = json.load(open(sys.argv[2], encoding="utf-8"))
        result = {}
        for name, text in documents.items():
            errors = validator.iter_errors(json.loads(text))
            result[name] = sorted("/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors)
        print(json.dumps(result))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schemaFile.path, input.path]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 77 || process.terminationStatus == 127 { return nil }
    guard process.terminationStatus == 0 else {
        throw JSONSchemaValidationFailed(status: process.terminationStatus, output: errors)
    }
    return try JSONSerialization.jsonObject(with: data) as? [String: [String]]
}

/// The validator script itself failed (for example, the schema is not a valid JSON Schema).
public struct JSONSchemaValidationFailed: Error, CustomStringConvertible {
    public var status: Int32
    public var output: String
    public var description: String { "the jsonschema validator failed with status \(status):\n\(output)" }
}
