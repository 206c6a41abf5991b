import ArgumentParser
import Foundation

/// `appraise-bench generate`: writes N synthetic dossiers into a folder, deterministic from
/// the seed, for benchmarks and for screening tests at scale.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write synthetic dossiers for benchmarks.")

    @Option(help: "How many dossiers to write.") var count: Int = 1000
    @Option(help: "Seed of the generator; the same seed writes the same files.") var seed: UInt64 = 1
    @Option(help: "The folder to write into (created if missing).") var out: String

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var generator = DossierGenerator(seed: seed)
        var bytes = 0
        for index in 0..<count {
            let text = generator.dossier(index: index)
            bytes += text.utf8.count
            let name = "\(out)/dossier-\(String(format: "%06d", index)).yaml"
            try Data(text.utf8).write(to: URL(fileURLWithPath: name))
        }
        print("wrote \(count) dossiers, \(bytes / 1024) KiB, average \(bytes / max(count, 1)) bytes, to \(out)")
    }
}
