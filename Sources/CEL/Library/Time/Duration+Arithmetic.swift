/// Overflow-checked arithmetic and unit accessors for CEL durations.
extension CELDuration {
    /// CEL's range (cel-spec langdef, "Overflow"): a duration is one int64 of nanoseconds,
    /// about ±292 years, so from -9223372036.854775808s to 9223372036.854775807s. (protobuf's
    /// own ±10,000 years is wider; CEL implementations use the narrower one.)
    public static let maxSeconds: Int64 = Int64.max / TimeConstants.nanosPerSecond

    /// Carries `nanos` into seconds so both share a sign, then range-checks; nil on overflow
    /// or when the total does not fit one int64 of nanoseconds.
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
        let (scaled, scaleOverflow) = secs.multipliedReportingOverflow(by: TimeConstants.nanosPerSecond)
        guard !scaleOverflow, !scaled.addingReportingOverflow(rest).overflow else { return nil }
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
