/// Collects diagnostics so that a stage reports every problem in one run, not only the
/// first, and stops collecting at a cap so that a hostile file cannot flood the output.
public struct DiagnosticList: Sendable, Hashable {
    /// The most diagnostics kept; cel-go and OPA cap theirs the same way.
    public static let defaultCap = 100

    public private(set) var items: [Diagnostic] = []
    /// How many were dropped past the cap.
    public private(set) var dropped = 0
    public let cap: Int

    public init(cap: Int = DiagnosticList.defaultCap) {
        self.cap = cap
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        if items.count < cap {
            items.append(diagnostic)
        } else {
            dropped += 1
        }
    }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        for diagnostic in other { append(diagnostic) }
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }

    /// The diagnostics by location, then severity, then code.
    public var sorted: [Diagnostic] { items.sorted() }
}
