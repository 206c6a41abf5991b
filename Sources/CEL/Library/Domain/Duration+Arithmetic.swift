/// Overflow-checked arithmetic and unit accessors for CEL durations.
extension CELDuration {
    /// protobuf's (and CEL's) limit on |seconds|: 10,000 years of 365.25 days.
    public static let maxSeconds: Int64 = 315_576_000_000

    /// Carries `nanos` into seconds so both share a sign, then range-checks; nil on overflow
    /// or outside ±`maxSeconds` seconds.
    static func normalized(seconds: Int64, nanos: Int64) -> CELDuration? {
        var (secs, overflow) = seconds.addingReportingOverflow(nanos / TimeConstants.nanosPerSecond)
        var rest = nanos % TimeConstants.nanosPerSecond
        guard !overflow else { return nil }
        if secs > 0, rest < 0 {
            secs -= 1
            rest += TimeConstants.nanosPerSecond
        } else if secs < 0, rest > 0 {
            secs += 1
            rest -= TimeConstants.nanosPerSecond
        }
        guard (-maxSeconds...maxSeconds).contains(secs) else { return nil }
        return CELDuration(seconds: secs, nanos: Int32(rest))
    }

    /// A duration of `totalNanos` nanoseconds (range-checked, though any Int64 fits).
    public init?(totalNanos: Int64) {
        guard let d = Self.normalized(seconds: 0, nanos: totalNanos) else { return nil }
        self = d
    }

    public func adding(_ other: CELDuration) -> CELDuration? {
        let (secs, overflow) = seconds.addingReportingOverflow(other.seconds)
        guard !overflow else { return nil }
        return Self.normalized(seconds: secs, nanos: Int64(nanos) + Int64(other.nanos))
    }

    public func subtracting(_ other: CELDuration) -> CELDuration? {
        guard let negated = other.negated() else { return nil }
        return adding(negated)
    }

    /// `-self`; nil only for values outside the duration range.
    public func negated() -> CELDuration? {
        let (secs, overflow) = seconds.multipliedReportingOverflow(by: -1)
        guard !overflow else { return nil }
        return Self.normalized(seconds: secs, nanos: -Int64(nanos))
    }

    /// Total length in seconds as a double (may lose nanosecond precision for long spans).
    public var totalSecondsDouble: Double {
        Double(seconds) + Double(nanos) / 1e9
    }

    /// Total hours, truncated toward zero (CEL `getHours()` on a duration).
    public var hours: Int64 { seconds / 3600 }
    /// Total minutes, truncated toward zero (CEL `getMinutes()` on a duration).
    public var minutes: Int64 { seconds / 60 }
    /// Total milliseconds, truncated toward zero (CEL `getMilliseconds()` on a duration).
    public var milliseconds: Int64 { seconds * 1000 + Int64(nanos) / 1_000_000 }
}
