import CEL

/// Values as messages print them (`details.md` §22): dates `2025-01-10` in `en` and
/// `10/01/2025` in `vi`, ints plain, strings and enum codes as written, lists joined by ", ".
public enum ValueText {
    public static func format(_ value: Value, language: String) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return formatDouble(number)
        case .string(let text): return text
        case .date(let date): return format(date, language: language)
        case .list(let list): return list.elements.map { format($0, language: language) }.joined(separator: ", ")
        case .map(let map):
            let pairs = zip(map.keys, map.values).map {
                format($0.0, language: language) + ": " + format($0.1, language: language)
            }
            return "{" + pairs.joined(separator: ", ") + "}"
        case .object(let object): return object.type.name
        case .timestamp(let timestamp): return timestamp.rfc3339
        case .duration(let duration): return duration.celText
        case .type(let type): return type.description
        case .error(let error): return error.message
        }
    }

    /// A date in the report language.
    public static func format(_ date: CivilDate, language: String) -> String {
        guard language == "vi" else { return date.description }
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(day)/\(month)/\(date.year)"
    }

    /// Whole doubles without a fraction (`2`), others as Swift prints them.
    static func formatDouble(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// The plain value a report prints as evidence.
    public static func evidence(_ value: Value) -> EvidenceValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .date(let date): return .string(date.description)
        case .list(let list): return .list(list.map(evidence))
        default: return .string(format(value, language: "en"))
        }
    }
}
