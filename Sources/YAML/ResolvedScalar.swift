/// A scalar typed by the YAML 1.2 core schema, for `--var` values and untyped data.
///
/// YAML 1.1's `yes`/`no`/`on`/`off`, sexagesimal numbers, `1_000` and timestamps are plain
/// strings here, so a date stays the calendar-date text `2025-01-10` for the schema to read.
public enum ResolvedScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
}

extension Node.Scalar {
    /// The core-schema value of this scalar.
    ///
    /// Only plain scalars resolve; quoted and block scalars are strings. An explicit core tag
    /// decides instead (`!!str 12` is a string, `!!float 1` is 1.0); a tagged value that does
    /// not fit its tag (which the loader reports as `yaml.tag`) stays a string. A decimal
    /// integer too large for `Int64` stays a string rather than being rounded to a double.
    public var resolved: ResolvedScalar {
        switch tag.flatMap(CoreTag.init(shortName:)) {
        case .str?, .map?, .seq?:
            return .string(text)
        case .null?:
            return ScalarResolver.isNull(text) ? .null : .string(text)
        case .bool?:
            return ScalarResolver.bool(text).map(ResolvedScalar.bool) ?? .string(text)
        case .int?:
            return ScalarResolver.int(text).map(ResolvedScalar.int) ?? .string(text)
        case .float?:
            return ScalarResolver.double(text).map(ResolvedScalar.double) ?? .string(text)
        case nil:
            return style == .plain ? ScalarResolver.resolvePlain(text) : .string(text)
        }
    }
}
