#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Screening

/// `appraise rules export DIR`: writes the rule set built into the executable (rules, schema,
/// calendar, tests) to a new folder, to read or edit it; `--rules DIR` then runs the copy.
struct RulesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in shipped rule set to a new folder, for editing.",
        discussion: """
            DIR must not exist yet or be empty; nothing is overwritten. The copy has the same \
            rules digest as the built-in set.
            """
    )

    @Argument(help: "The folder to create.")
    var folder: String

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            try Self.prepare(folder)
            var written = 0
            for file in EmbeddedRuleSet.files {
                let path = folder + "/" + file.path
                if let slash = path.lastIndex(of: "/") { try Self.makeFolders(String(path[..<slash])) }
                let writer = try AtomicWriter(path: path)
                try writer.write(String(decoding: file.bytes, as: UTF8.self))
                try writer.commit()
                written += 1
            }
            Terminal.printOutput("\(Plural.count(written, "file")) written to \(folder); run them with --rules \(folder)\n")
            return .clean
        }
    }

    /// A folder that does not exist yet, or an empty one.
    private static func prepare(_ folder: String) throws(CLIError) {
        switch FileKind.of(folder) {
        case nil: try makeFolders(folder)
        case .directory?:
            guard let names = DossierFinder.entries(of: folder) else { throw CLIError.io(path: folder, reason: errnoText()) }
            guard names.isEmpty else { throw CLIError.io(path: folder, reason: "the folder is not empty; nothing was written") }
        default: throw CLIError.io(path: folder, reason: "it exists and is not a folder; nothing was written")
        }
    }

    /// `mkdir -p`.
    private static func makeFolders(_ path: String) throws(CLIError) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if FileKind.of(built) == .directory { continue }
            guard mkdir(built, 0o755) == 0 || errno == EEXIST else { throw CLIError.io(path: built, reason: errnoText()) }
        }
    }
}
