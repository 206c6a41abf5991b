/// One measured stage: what it did, on how many threads, how long it took over how much input.
struct BenchRow {
    var stage: String
    var jobs: String
    var seconds: Double
    var bytes: Int
    var dossiers: Int
    var note: String = ""

    var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    var dossiersPerSecond: Double { seconds > 0 ? Double(dossiers) / seconds : 0 }
}

/// Prints the rows as an aligned text table.
enum BenchTable {
    static func render(_ rows: [BenchRow]) -> String {
        var lines = [pad("stage", 44) + pad("jobs", 6, right: true) + pad("seconds", 10, right: true)
            + pad("MB/s", 10, right: true) + pad("dossiers/s", 12, right: true) + "  note"]
        lines.append(String(repeating: "-", count: lines[0].count + 10))
        for row in rows {
            lines.append(pad(row.stage, 44) + pad(row.jobs, 6, right: true) + pad(fixed(row.seconds, 3), 10, right: true)
                + pad(row.bytes > 0 ? fixed(row.megabytesPerSecond, 1) : "-", 10, right: true)
                + pad(row.dossiers > 0 ? fixed(row.dossiersPerSecond, 0) : "-", 12, right: true)
                + (row.note.isEmpty ? "" : "  " + row.note))
        }
        return lines.joined(separator: "\n")
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if digits == 0, text.hasSuffix(".0") { text.removeLast(2) }
        if let dot = text.firstIndex(of: "."), digits > 0 {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
