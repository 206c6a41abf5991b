import Testing
@testable import RuleEngine

/// `vnd`: digits in groups of three, `,` and ` VND` in English, `.` and ` ₫` in Vietnamese.
struct MoneyFormatTests {
    @Test(arguments: [
        (Int64(0), "0 VND"), (7, "7 VND"), (999, "999 VND"), (1000, "1,000 VND"), (12345, "12,345 VND"),
        (1_200_000_000, "1,200,000,000 VND"), (-1_000, "-1,000 VND"), (-999_999, "-999,999 VND"),
        (Int64.min, "-9,223,372,036,854,775,808 VND"), (Int64.max, "9,223,372,036,854,775,807 VND"),
    ])
    func english(amount: Int64, expected: String) {
        #expect(HostFunctions.formatMoney(amount, language: "en") == expected)
    }

    @Test func vietnamese() {
        #expect(HostFunctions.formatMoney(1_200_000_000, language: "vi") == "1.200.000.000 ₫")
        #expect(HostFunctions.formatMoney(-50_000, language: "vi") == "-50.000 ₫")
        #expect(HostFunctions.formatMoney(100, language: "vi") == "100 ₫")
    }
}
