import Foundation
import TestSupport

/// A fenced code block of the docs that the tests run: its info string (`cel-eval`,
/// `yaml-rule`, `lint-error`, `lint-output`, `shell` in `docs/writing-rules.md`; `console` in
/// README.md and every `docs/*.md`), its file, the line of its opening fence (1-based, for
/// failure messages) and its lines.
struct GuideBlock: Sendable, CustomStringConvertible {
    var kind: String
    var file = "docs/writing-rules.md"
    var line: Int
    var lines: [String]

    var text: String { lines.map { $0 + "\n" }.joined() }
    var description: String { "\(kind) block at \(file):\(line)" }

    /// The value of a leading `# file: PATH` comment, the name the block is saved under.
    var fileName: String? {
        guard let first = lines.first, first.hasPrefix("# file: ") else { return nil }
        return String(first.dropFirst("# file: ".count))
    }
}

/// Reads the guide and its marked blocks.
enum Guide {
    static let url = packageRoot().appendingPathComponent("docs/writing-rules.md")
    static let checkedKinds: Set<String> = ["cel-eval", "yaml-rule", "lint-error", "lint-output", "shell"]

    static func text() throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Every fenced block whose info string is one of `checkedKinds`, in order.
    static func blocks() throws -> [GuideBlock] {
        try blocks(in: "docs/writing-rules.md", kinds: checkedKinds)
    }

    /// The fenced blocks of `file` (relative to the package) whose info string is in `kinds`.
    static func blocks(in file: String, kinds: Set<String>) throws -> [GuideBlock] {
        let text = try String(contentsOf: packageRoot().appendingPathComponent(file), encoding: .utf8)
        var blocks: [GuideBlock] = []
        var open: GuideBlock?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if var block = open {
                if line == "```" {
                    if kinds.contains(block.kind) { blocks.append(block) }
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if line.hasPrefix("```") {
                open = GuideBlock(kind: String(line.dropFirst(3)), file: file, line: index + 1, lines: [])
            }
        }
        return blocks
    }

    /// The `console` blocks of README.md and of every `docs/*.md`: transcripts of commands and
    /// what they print, which the tests run so the docs cannot disagree with the tool.
    static func consoleBlocks() -> [GuideBlock] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot().appendingPathComponent("docs").path)) ?? []
        let files = ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return files.flatMap { (try? blocks(in: $0, kinds: ["console"])) ?? [] }
    }

    static func blocks(_ kind: String) -> [GuideBlock] {
        ((try? blocks()) ?? []).filter { $0.kind == kind }
    }

    /// `lint-error` blocks with the `lint-output` block that follows each.
    static func lintPairs() -> [GuideLintPair] {
        let all = (try? blocks()) ?? []
        return all.indices.compactMap { index in
            guard all[index].kind == "lint-error" else { return nil }
            let next = index + 1 < all.count && all[index + 1].kind == "lint-output" ? all[index + 1] : nil
            return GuideLintPair(rule: all[index], output: next)
        }
    }

    /// Output with what changes from run to run or with every rule edit made uniform: rule-set
    /// and file digests (`sha256:…` in the docs).
    static func normalized(_ text: String, workspace: URL? = nil) -> String {
        var text = text.replacing(/sha256:[0-9a-f]{64}/, with: "sha256:…")
        if let workspace { text = text.replacingOccurrences(of: workspace.path + "/", with: "") }
        return text
    }

    /// The `$ ` commands of a `shell` or `console` block and the output shown under each.
    /// `swift run appraise ARGS` (the README's form) runs the built executable like `appraise`.
    static func commands(of block: GuideBlock) -> [(line: Int, words: [String], expected: String)] {
        var commands: [(line: Int, words: [String], expected: String)] = []
        for (offset, line) in block.lines.enumerated() {
            if line.hasPrefix("$ ") {
                var words = words(String(line.dropFirst(2)))
                if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
                commands.append((block.line + offset + 1, words, ""))
            } else if !commands.isEmpty {
                commands[commands.count - 1].expected += line + "\n"
            }
        }
        return commands
    }

    /// Splits a shell command line into words, honouring single and double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// A broken rule file of the guide and the linter output the guide shows for it.
struct GuideLintPair: Sendable, CustomStringConvertible {
    var rule: GuideBlock
    var output: GuideBlock?
    var description: String { rule.description }
}

/// A scratch folder holding the guide's named rule files, with `rules` and `candidates` linked to
/// the package's, where the guide's shell commands run.
enum GuideWorkspace {
    static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["rules", "candidates"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name), withDestinationURL: packageRoot().appendingPathComponent(name))
        }
        for block in Guide.blocks("yaml-rule") {
            guard let name = block.fileName else { continue }
            try write(block.text, to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
