internal import CLibYAML
import Diagnostics

/// The libyaml floor for benchmarks: parse events only, build nothing.
///
/// It sets libyaml up exactly as `YAMLLoader` does (UTF-8, BOM dropped), so the difference
/// between the two timings is the cost of building the tree and checking it.
public enum YAMLEventScanner {
    /// The number of events in `bytes`, or libyaml's first error (located in file `<input>`).
    public static func countEvents(bytes: UnsafeRawBufferPointer) -> Result<Int, Diagnostic> {
        let parser = EventParser(bytes: InputEncoding.droppingUTF8BOM(bytes), marks: MarkConverter(file: "<input>"))
        var count = 0
        while true {
            switch parser.withNextEvent({ $0.type == YAML_STREAM_END_EVENT }) {
            case .success(let finished):
                count += 1
                if finished { return .success(count) }
            case .failure(let diagnostic):
                return .failure(diagnostic)
            }
        }
    }
}
