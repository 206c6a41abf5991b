import Foundation
import Testing
import TestSupport

/// Helpers the end-to-end tests share: temporary folders, JSON access, the README oracle.
enum CLIFixtures {
    static let root = packageRoot()

    /// A fresh temporary folder holding `files` (relative path → text); removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-cli-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func remove(_ folder: URL) { try? FileManager.default.removeItem(at: folder) }

    /// The shipped candidate dossiers (not the slate, not invalid/), sorted as the shell sorts them.
    static var candidateFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("candidates").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != "slate.yaml" && $0 != "decisions.yaml" }.sorted().map { "candidates/" + $0 }
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// One row of the oracle table of `candidates/README.md`.
    struct Expected {
        var file: String
        var id: String
        var verdict: String
        /// Rule ids, one per expected finding, sorted.
        var rules: [String]
    }

    /// The oracle table of `candidates/README.md`: file, id, verdict and rules triggered.
    static func expectedCandidates() throws -> [Expected] {
        let text = try String(contentsOf: root.appendingPathComponent("candidates/README.md"), encoding: .utf8)
        var rows: [Expected] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && line.contains(".yaml |") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5, cells[1].hasSuffix(".yaml"), ["eligible", "review", "ineligible"].contains(cells[3]) else { continue }
            rows.append(Expected(file: "candidates/" + cells[1], id: cells[2], verdict: cells[3], rules: ruleIDs(in: cells[4])))
        }
        return rows
    }

    /// `FAMILY-AGENCY-CONTRACT [2] (...); FAMILY-SECTOR-BUSINESS (...)` → the ids, repeated by count.
    static func ruleIDs(in cell: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b([A-Z]+(?:-[A-Z]+)+)\b(?: \[(\d+))?"#)
        var ids: [String] = []
        let range = NSRange(cell.startIndex..., in: cell)
        for match in pattern.matches(in: cell, range: range) {
            guard let idRange = Range(match.range(at: 1), in: cell) else { continue }
            let count = Range(match.range(at: 2), in: cell).flatMap { Int(cell[$0]) } ?? 1
            ids += Array(repeating: String(cell[idRange]), count: count)
        }
        return ids.sorted()
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; CRLF or LF.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

extension AppraiseRun {
    /// `check`'s text output without its header (the evaluation date and rules lines, up to the
    /// first blank line), for tests about the candidates; the header has tests of its own.
    var checkBody: String {
        guard let blank = stdout.range(of: "\n\n") else { return stdout }
        return String(stdout[blank.upperBound...])
    }
}
