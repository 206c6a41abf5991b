/// A CEL timestamp: an instant, seconds and nanoseconds since 1970-01-01T00:00:00Z,
/// within CEL's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
public struct Timestamp: Hashable, Sendable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}

/// A CEL duration: a signed length of time, within CEL's range of about ±10,000 years.
public struct CELDuration: Hashable, Sendable, Comparable {
    public var seconds: Int64
    /// Same sign as `seconds` (or zero), as in protobuf.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}
