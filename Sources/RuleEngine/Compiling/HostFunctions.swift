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
    ///
    /// Written straight into the result's bytes: rules format every asset's and contract's
    /// value in a `let` (26 a generated dossier), and the digits, the grouped copy and the
    /// joined pieces were four allocations each; now at most one (none up to 15 bytes).
    static func formatMoney(_ amount: Int64, language: String) -> String {
        let vietnamese = language == "vi"
        let separator = UInt8(ascii: vietnamese ? "." : ",")
        let suffix: StaticString = vietnamese ? " ₫" : " VND"
        var magnitude = amount.magnitude
        // 20 digits, 6 separators and a sign fit in 32 bytes, written from the end.
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { buffer in
            var start = buffer.count
            var written = 0
            repeat {
                if written > 0, written % 3 == 0 {
                    start -= 1
                    buffer[start] = separator
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
            } while magnitude != 0
            if amount < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            let number = UnsafeRawBufferPointer(rebasing: buffer[start...])
            let total = number.count + suffix.utf8CodeUnitCount
            return String(unsafeUninitializedCapacity: total) { text in
                let bytes = UnsafeMutableRawBufferPointer(text)
                bytes.copyMemory(from: number)
                UnsafeMutableRawBufferPointer(rebasing: bytes[number.count...])
                    .copyMemory(from: UnsafeRawBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
                return total
            }
        }
    }
}
