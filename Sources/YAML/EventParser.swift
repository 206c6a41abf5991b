internal import CLibYAML
import Diagnostics

/// Owns one libyaml parser over a UTF-8 buffer and hands out its events one at a time.
///
/// The buffer must outlive the parser (callers parse inside `withUnsafeBytes`). The parser is
/// told the input is UTF-8, so libyaml never decodes UTF-16 on its own; callers have already
/// checked the encoding and dropped a UTF-8 BOM. Each event is written into `event`, which
/// the caller must release with `yaml_event_delete` (see `withNextEvent`).
struct EventParser: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// A one-byte buffer for empty input: libyaml asserts on a NULL input pointer.
    private let placeholder: UnsafeMutablePointer<UInt8>
    private let bytes: UnsafeRawBufferPointer
    let marks: MarkConverter
    /// Whether `yaml_parser_initialize` succeeded; when not, every call reports an error.
    private let ready: Bool
    /// Whether `event` holds an event read by `advance()`, still to be freed. Behind a
    /// pointer so that `advance()` needs no `mutating`: a reader class that holds this parser
    /// in a `let` pays no dynamic exclusivity check per event.
    private let holdsEvent: UnsafeMutablePointer<Bool>

    init(bytes: UnsafeRawBufferPointer, marks: MarkConverter) {
        self.bytes = bytes
        self.marks = marks
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        placeholder = .allocate(capacity: 1)
        placeholder.initialize(to: 0)
        holdsEvent = .allocate(capacity: 1)
        holdsEvent.initialize(to: false)
        ready = yaml_parser_initialize(parser) == 1
        guard ready else { return }
        let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(placeholder)
        yaml_parser_set_input_string(parser, start, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        if holdsEvent.pointee { yaml_event_delete(event) }
        if ready { yaml_parser_delete(parser) }
        holdsEvent.deallocate()
        parser.deallocate()
        event.deallocate()
        placeholder.deallocate()
    }

    /// Parses the next event and passes it to `body`, then frees it; returns libyaml's error
    /// as a diagnostic instead when the input is malformed.
    func withNextEvent<R>(_ body: (yaml_event_t) -> R) -> Result<R, Diagnostic> {
        guard ready, yaml_parser_parse(parser, event) == 1 else { return .failure(currentError()) }
        defer { yaml_event_delete(event) }
        return .success(body(event.pointee))
    }

    /// Frees the event `advance()` read last and parses the next one into `current`; false
    /// when the input is malformed (for a reader that leaves errors to `withNextEvent`).
    func advance() -> Bool {
        if holdsEvent.pointee { yaml_event_delete(event) }
        holdsEvent.pointee = ready && yaml_parser_parse(parser, event) == 1
        return holdsEvent.pointee
    }

    /// The event `advance()` read last; its strings stay valid until the next `advance()`.
    var current: yaml_event_t { event.pointee }

    /// libyaml's error, with its problem mark (or offset, for reader errors) converted.
    private func currentError() -> Diagnostic {
        let state = parser.pointee
        guard ready, state.error != YAML_NO_ERROR, state.error != YAML_MEMORY_ERROR,
            let problemPointer = state.problem
        else { return YAMLMessages.internalError(at: marks.fileStart) }
        var problem = String(cString: problemPointer)
        let context = state.context.map { String(cString: $0) }
        if state.error == YAML_READER_ERROR {
            if state.problem_value >= 0 {
                problem += problem.contains("octet")
                    ? " (byte 0x" + hex(state.problem_value, digits: 2) + ")"
                    : " (U+" + hex(state.problem_value, digits: 4) + ")"
            }
            let location = marks.location(ofOffset: Int(state.problem_offset), in: bytes)
            return YAMLMessages.syntax(problem: problem, context: nil, at: location, contextLocation: nil)
        }
        let contextLocation = context == nil ? nil : marks.location(state.context_mark)
        return YAMLMessages.syntax(
            problem: problem, context: context, at: marks.location(state.problem_mark),
            contextLocation: contextLocation)
    }

    private func hex(_ value: Int32, digits: Int) -> String {
        let text = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
