import Diagnostics

/// Every diagnostic the YAML loader produces, one typed constructor each, so that codes and
/// wording live in one file and tests can match them exactly.
enum YAMLMessages {
    static func tooLarge(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "yaml.too-large",
            message: "the file is \(size) bytes, more than the file size limit of \(limit) bytes; "
                + "raise it with --max-file-bytes",
            location: location)
    }

    static func encoding(_ encoding: InputEncoding, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "yaml.encoding",
            message: "the file is \(encoding.name); save the file as UTF-8",
            location: location)
    }

    static func tooDeep(limit: Int, at location: SourceLocation, path: NodePath) -> Diagnostic {
        Diagnostic(
            code: "yaml.too-deep",
            message: "the nesting is deeper than the depth limit of \(limit) levels; "
                + "raise it with --max-depth",
            location: location, path: path.description)
    }

    static func aliasBudget(limit: Int, at location: SourceLocation, path: NodePath) -> Diagnostic {
        Diagnostic(
            code: "yaml.alias-budget",
            message: "expanding aliases exceeds the alias expansion limit of \(limit) nodes; "
                + "raise it with --max-alias-nodes",
            location: location, path: path.description)
    }

    static func scalarTooLong(size: Int, limit: Int, at location: SourceLocation, path: NodePath)
        -> Diagnostic
    {
        Diagnostic(
            code: "yaml.scalar-too-long",
            message: "this scalar is \(size) bytes, more than the scalar size limit of \(limit) bytes; "
                + "raise it with --max-scalar-bytes",
            location: location, path: path.description)
    }

    static func collectionTooLong(isMapping: Bool, limit: Int, at location: SourceLocation, path: NodePath)
        -> Diagnostic
    {
        Diagnostic(
            code: "yaml.collection-too-long",
            message: "this \(isMapping ? "mapping" : "list") has more than \(limit) entries, "
                + "the collection size limit; raise it with --max-collection-count",
            location: location, path: path.description)
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation, path: NodePath)
        -> Diagnostic
    {
        Diagnostic(
            code: "yaml.duplicate-key",
            message: "duplicate key \(quoted(key)) in this mapping",
            location: location, path: path.description,
            notes: [Diagnostic.Note("first defined here", at: first)])
    }

    static func mergeKey(at location: SourceLocation, path: NodePath) -> Diagnostic {
        Diagnostic(
            code: "yaml.merge-key",
            message: "merge keys (<<) are not supported; write the fields out",
            location: location, path: path.description)
    }

    static func unsupportedTag(_ tag: String, at location: SourceLocation, path: NodePath) -> Diagnostic {
        Diagnostic(
            code: "yaml.tag",
            message: "the tag \(tag) is not supported; "
                + "only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed",
            location: location, path: path.description)
    }

    static func misplacedTag(_ tag: String, on kindName: String, at location: SourceLocation, path: NodePath)
        -> Diagnostic
    {
        Diagnostic(
            code: "yaml.tag",
            message: "the tag \(tag) cannot be used on \(kindName)",
            location: location, path: path.description)
    }

    static func tagMismatch(_ tag: String, text: String, at location: SourceLocation, path: NodePath)
        -> Diagnostic
    {
        Diagnostic(
            code: "yaml.tag",
            message: "the value \(quoted(text)) is not a valid \(tag)",
            location: location, path: path.description)
    }

    static func undefinedAlias(_ name: String, at location: SourceLocation, path: NodePath) -> Diagnostic {
        Diagnostic(
            code: "yaml.undefined-alias",
            message: "the alias *\(name) refers to no anchor defined before it",
            location: location, path: path.description)
    }

    static func multipleDocuments(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: "yaml.multiple-documents",
            message: "the file holds more than one YAML document; put each document in its own file",
            location: location)
    }

    /// libyaml's own error: its problem, then its context ("while scanning a quoted scalar"),
    /// with a note at the context mark when libyaml gives one.
    static func syntax(problem: String, context: String?, at location: SourceLocation,
                       contextLocation: SourceLocation?) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        var message = problem
        if let context, !context.isEmpty {
            message += " " + context
            if let contextLocation, contextLocation != location {
                var subject = Substring(context)
                for prefix in ["while scanning ", "while parsing "] where subject.hasPrefix(prefix) {
                    subject = subject.dropFirst(prefix.count)
                }
                notes.append(Diagnostic.Note("\(subject) starts here", at: contextLocation))
            }
        }
        return Diagnostic(code: "yaml.syntax", message: message, location: location, notes: notes)
    }

    /// libyaml ran out of memory (or reported an error with no detail).
    static func internalError(at location: SourceLocation) -> Diagnostic {
        Diagnostic(code: "yaml.syntax", message: "the YAML parser failed without saying why", location: location)
    }

    /// A key or value in single quotes, cut to 60 characters so a hostile key stays readable.
    static func quoted(_ text: String) -> String {
        let limit = 60
        var scalars = text.unicodeScalars.prefix(limit + 1).map(Character.init)
        if scalars.count > limit {
            scalars = Array(scalars.prefix(limit)) + ["…"]
        }
        return "'" + String(scalars) + "'"
    }
}
