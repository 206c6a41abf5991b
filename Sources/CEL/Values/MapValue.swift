/// A CEL map. Keys are ints, strings or bools; insertion order is kept for printing.
public final class MapValue: Sendable {
    public let keys: [Value]
    public let values: [Value]

    public init(keys: [Value], values: [Value]) {
        self.keys = keys
        self.values = values
    }
}
