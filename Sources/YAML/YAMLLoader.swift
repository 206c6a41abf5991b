import Diagnostics

/// Loads one YAML file into a `Node` tree with every location, on libyaml's event parser.
///
/// Only UTF-8 is read (with or without a BOM); one document per file; aliases are expanded
/// within `YAMLLimits.maxAliasNodes`; duplicate keys, merge keys and non-core tags are errors.
/// Loading never throws and never prints: every problem is a `Diagnostic` in the result.
public enum YAMLLoader {
    /// Loads the bytes of a file named `file` (the name appears in every location).
    public static func load(
        bytes: UnsafeRawBufferPointer, file: String, limits: YAMLLimits = .default
    ) -> YAMLDocument {
        let marks = MarkConverter(file: file)
        guard bytes.count <= limits.maxFileBytes else {
            let diagnostic = YAMLMessages.tooLarge(size: bytes.count, limit: limits.maxFileBytes, at: marks.fileStart)
            return YAMLDocument(root: nil, diagnostics: [diagnostic])
        }
        let encoding = InputEncoding.detect(bytes)
        guard encoding == .utf8 else {
            return YAMLDocument(root: nil, diagnostics: [YAMLMessages.encoding(encoding, at: marks.fileStart)])
        }
        let parser = EventParser(bytes: InputEncoding.droppingUTF8BOM(bytes), marks: marks)
        var builder = TreeBuilder(limits: limits, marks: marks)
        builder.run(parser)
        return builder.finish()
    }

    /// Loads an array of bytes; see `load(bytes:file:limits:)`.
    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> YAMLDocument {
        bytes.withUnsafeBytes { load(bytes: $0, file: file, limits: limits) }
    }

    /// Loads text already in memory (tests, `--var` values); see `load(bytes:file:limits:)`.
    public static func load(text: String, file: String, limits: YAMLLimits = .default) -> YAMLDocument {
        var text = text
        return text.withUTF8 { load(bytes: UnsafeRawBufferPointer($0), file: file, limits: limits) }
    }
}
