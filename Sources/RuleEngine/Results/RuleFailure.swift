import CEL
import Diagnostics

/// Why a rule's `error` finding was made, as a value: the run-time code, the failing
/// sub-expression and where it is written in the rule file, so that an author can jump to
/// it and a report can word it in the reader's language.
public struct RuleFailure: Hashable, Sendable {
    /// `eval.division-by-zero`, `eval.missing`… (`CELCode`).
    public var code: CELCode
    /// The text of the sub-expression that failed (`a / b`).
    public var expression: String
    /// Where that sub-expression starts in the rule file, the file named by its name in its
    /// rule folder (`age-and-posts.yaml`), as the rules digest names it: a report must not
    /// depend on where the rule set was read from (a checkout, an installed copy, the server);
    /// nil when it cannot be placed.
    public var ruleLocation: SourceLocation?
    /// Where that sub-expression ends (exclusive), named like `ruleLocation`, so that an editor
    /// or the text report can mark the whole of it; nil for a point.
    public var ruleEnd: SourceLocation?
    /// The rule file's line that `ruleLocation` is on, as written, so that a text report can
    /// underline the part without reading the rule file; nil when the rule text is not a
    /// file's bytes (an expression given on the command line). A slice: it shares the rule
    /// file's text rather than copying it into every finding.
    public var ruleLine: Substring?

    public init(
        code: CELCode, expression: String, ruleLocation: SourceLocation?, ruleEnd: SourceLocation? = nil,
        ruleLine: Substring? = nil
    ) {
        self.code = code
        self.expression = expression
        self.ruleLocation = ruleLocation.map(Self.namedInFolder)
        self.ruleEnd = ruleEnd.map(Self.namedInFolder)
        self.ruleLine = ruleLine
    }

    /// `location` with its file named by its last path component, its name in its rule folder.
    private static func namedInFolder(_ location: SourceLocation) -> SourceLocation {
        var named = location
        named.file = String(location.file.split(separator: "/").last ?? Substring(location.file))
        return named
    }

    /// The finding's message: `rule failed: division by zero (in `a / b` at x.yaml:3:12)
    /// [eval.division-by-zero]`, in Vietnamese with the reason worded from the code. `lead`
    /// replaces the opening (the missing fields, named by `MissingFields`).
    func message(detail: String, language: String, lead: String? = nil) -> String {
        let place = ruleLocation.map { language == "vi" ? ", \($0)" : " at \($0)" } ?? ""
        if language == "vi" {
            let opening = lead ?? "quy tắc lỗi khi chạy: \(Self.vietnameseReason(code))"
            return "\(opening) — \(detail) (ở `\(expression)`\(place)) [\(code.rawValue)]"
        }
        let opening = lead.map { "\($0) — " } ?? "rule failed: "
        return "\(opening)\(detail) (in `\(expression)`\(place)) [\(code.rawValue)]"
    }

    /// What went wrong, for a Vietnamese reader, by code.
    static func vietnameseReason(_ code: CELCode) -> String {
        switch code {
        case .evalMissing: "thiếu một trường hoặc khóa trong hồ sơ"
        case .evalType: "một giá trị không đúng kiểu"
        case .evalDivisionByZero: "chia cho 0"
        case .evalOverflow: "số, ngày hoặc thời lượng vượt giới hạn"
        case .evalOutOfRange: "chỉ số ngoài phạm vi hoặc danh sách rỗng"
        case .evalBadRegex: "biểu thức chính quy lấy từ dữ liệu không hợp lệ"
        case .evalConversion: "không chuyển đổi được giá trị"
        case .evalCalendar: "lịch ngày nghỉ không bao gồm các năm cần tính"
        case .evalDuplicateKey: "một map có khóa trùng"
        case .evalCostLimit: "vượt giới hạn tính toán"
        case .evalCancelled: "yêu cầu quá thời gian nên đã dừng"
        case .evalDamagedRecord: "không đọc lại được bản ghi đã lưu"
        default: "lỗi khi tính biểu thức"
        }
    }
}
