import CEL

/// The functions the engine adds to CEL for rules: `vnd(n)` (money for the report language)
/// and `param_at(name, date)` (a parameter's value in force on a date).
enum HostFunctions {
    /// `vnd(int) -> string`, formatting for `language`.
    static func vnd(language: String) -> [FunctionOverload] {
        [
            FunctionOverload(id: "vnd_int", receiver: nil, arguments: [.int], result: .string) { arguments in
                guard case .int(let amount)? = arguments.first else { return .error(EvalError(.evalType, "vnd expects an int")) }
                return .string(formatMoney(amount, language: language))
            }
        ]
    }

    /// `param_at(string, date) -> dyn`.
    static func paramAt(_ context: RuleContext) -> [FunctionOverload] {
        let lookup = context.paramAt
        return [
            FunctionOverload(id: "param_at_string_date", receiver: nil, arguments: [.string, .date], result: .dyn) {
                arguments in
                guard arguments.count == 2, case .string(let name) = arguments[0], case .date(let date) = arguments[1]
                else { return .error(EvalError(.evalType, "param_at expects a name and a date")) }
                return lookup(name, date)
            }
        ]
    }

    /// `1,200,000,000 VND` in English, `1.200.000.000 ₫` in Vietnamese.
    static func formatMoney(_ amount: Int64, language: String) -> String {
        let vietnamese = language == "vi"
        let grouped = groupDigits(amount.magnitude, separator: vietnamese ? "." : ",")
        let sign = amount < 0 ? "-" : ""
        return sign + grouped + (vietnamese ? " ₫" : " VND")
    }

    /// Digits in groups of three.
    /// Works on the digits' ASCII bytes: a `Character` per digit (grapheme breaking) cost more
    /// than the rest of a rule that formats every asset's value.
    static func groupDigits(_ value: UInt64, separator: String) -> String {
        let digits = Array(String(value).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + digits.count / 3 * separator.utf8.count)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { bytes.append(contentsOf: separator.utf8) }
            bytes.append(digit)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
