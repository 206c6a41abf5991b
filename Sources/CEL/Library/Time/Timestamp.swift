/// A CEL timestamp: an instant, seconds and nanoseconds since 1970-01-01T00:00:00Z,
/// within CEL's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
/// `nanos` is always in 0..<1_000_000_000 for values made by this file's functions.
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

    /// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    public static let minSeconds: Int64 = -62_135_596_800
    public static let maxSeconds: Int64 = 253_402_300_799

    /// The timestamp `seconds` after the epoch (CEL's `timestamp(int)`); nil outside CEL's range.
    public static func from(seconds: Int64) -> Timestamp? {
        (minSeconds...maxSeconds).contains(seconds) ? Timestamp(seconds: seconds) : nil
    }

    /// Normalizes `nanos` into 0..<1e9 (carrying into seconds) and range-checks; nil outside
    /// CEL's range or on overflow.
    static func normalized(seconds: Int64, nanos: Int64) -> Timestamp? {
        let perSecond = TimeConstants.nanosPerSecond
        let carry = nanos >= 0 ? nanos / perSecond : (nanos + 1 - perSecond) / perSecond  // floor
        let (total, overflow) = seconds.addingReportingOverflow(carry)
        guard !overflow, (minSeconds...maxSeconds).contains(total) else { return nil }
        return Timestamp(seconds: total, nanos: Int32(nanos - carry * perSecond))
    }

    /// `self + d`; nil when the result leaves CEL's range.
    public func adding(_ d: CELDuration) -> Timestamp? {
        let (secs, overflow) = seconds.addingReportingOverflow(d.seconds)
        guard !overflow else { return nil }
        return Self.normalized(seconds: secs, nanos: Int64(nanos) + Int64(d.nanos))
    }

    /// `self - d`; nil when the result leaves CEL's range.
    public func subtracting(_ d: CELDuration) -> Timestamp? {
        guard let negated = d.negated() else { return nil }
        return adding(negated)
    }

    /// `self - other` as a duration; nil only if it would leave the duration range.
    public func difference(_ other: Timestamp) -> CELDuration? {
        let (secs, overflow) = seconds.subtractingReportingOverflow(other.seconds)
        guard !overflow else { return nil }
        return CELDuration.normalized(seconds: secs, nanos: Int64(nanos) - Int64(other.nanos))
    }
}

/// Shared constants and helpers of the timestamp and duration files.
enum TimeConstants {
    static let nanosPerSecond: Int64 = 1_000_000_000

    /// `.fff`, `.ffffff` or `.fffffffff` for non-zero `nanos` (0..<1e9), else "".
    static func fractionText(nanos: Int) -> String {
        guard nanos != 0 else { return "" }
        if nanos % 1_000_000 == 0 { return "." + CivilDate.zeroPadded(nanos / 1_000_000, 3) }
        if nanos % 1000 == 0 { return "." + CivilDate.zeroPadded(nanos / 1000, 6) }
        return "." + CivilDate.zeroPadded(nanos, 9)
    }
}

/// A CEL duration: a signed length of time, within CEL's range of about ±10,000 years.
public struct CELDuration: Hashable, Sendable, Comparable {
    /// Whole seconds, truncated toward zero: also CEL's `getSeconds()` (total seconds).
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
