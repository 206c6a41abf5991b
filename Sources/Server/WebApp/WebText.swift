import Screening

/// Every word the web app's pages print, in Vietnamese and in English: one table, each entry
/// both languages, so no label can exist in one language only (the switch is exhaustive).
/// Verdicts, severities and decision outcomes come from the reports (`ReportVocabulary`), rule
/// titles and messages from the rule set itself.
enum WebText: CaseIterable {
    case appName, skipToContent, mainNavigation, languageSwitch
    case workspace, slates, slate, committee, candidates, candidate, rules, playground
    case noWorkspace, noSlates
    case id, name, verdict, findings, file, total, cleared, upheld, stale, unmatched, expired
    case filterByVerdict, all, asOf, decisions, decisionsSummary, decisionsNotApplied, noDecisionNotices
    case slateFindings, noSlateFindings, noFindings, dossierSource, line, evidence, comparisons, basis, location
    case rule, severity, scope, titleVi, titleEn, parameters, parameter, policy, inForce, always, value, copyToPlayground
    case decision, decidedBy, decidedOn, reference, expires, reason, outcome, recordDecision, submitDecision
    case neverWaived, errorNotDecidable, needsScript, decisionSaved, decisionRefused
    case fieldRequired, expiryBeforeDecision
    case ruleEditor, dossierPicker, pastedDossier, workspaceDossier, pasteHere, diagnostics, examples, noDiagnostics
    case playgroundIntro, running, passed, failed, findingsOnDossier
    case errors, printedOn, sortBy, countOf, since, until
    case signIn, signInIntro, token, signInFailed, signedInAs, signOut

    /// The Vietnamese and English text.
    var texts: (vi: String, en: String) {
        switch self {
        case .appName: ("Thẩm định nhân sự", "Candidate appraisal")
        case .skipToContent: ("Bỏ qua, đến nội dung chính", "Skip to main content")
        case .mainNavigation: ("Điều hướng chính", "Main navigation")
        case .languageSwitch: ("English", "Tiếng Việt")
        case .workspace: ("Thư mục làm việc", "Workspace")
        case .slates: ("Danh sách đề cử", "Slates")
        case .slate: ("Danh sách đề cử", "Slate")
        case .committee: ("Cấp ủy", "Committee")
        case .candidates: ("Nhân sự", "Candidates")
        case .candidate: ("Nhân sự", "Candidate")
        case .rules: ("Quy tắc", "Rules")
        case .playground: ("Thử quy tắc", "Rule playground")
        case .noWorkspace: ("Máy chủ chạy không có --workspace: không có danh sách nào.", "The server runs without --workspace: there are no slates.")
        case .noSlates: ("Thư mục làm việc không có tệp danh sách (format: slate/1).", "The workspace holds no slate file (format: slate/1).")
        case .id: ("Mã", "ID")
        case .name: ("Họ tên", "Name")
        case .verdict: ("Kết luận", "Verdict")
        case .findings: ("Phát hiện", "Findings")
        case .file: ("Tệp", "File")
        case .total: ("Tổng", "Total")
        case .cleared: ("Đã giải tỏa", "Cleared")
        case .upheld: ("Giữ nguyên", "Upheld")
        case .stale: ("Lỗi thời", "Stale")
        case .unmatched: ("Không khớp", "Unmatched")
        case .expired: ("Hết hạn", "Expired")
        case .filterByVerdict: ("Lọc theo kết luận", "Filter by verdict")
        case .all: ("Tất cả", "All")
        case .asOf: ("Ngày đánh giá", "As of")
        case .decisions: ("Kết luận thẩm tra", "Review decisions")
        case .decisionsSummary: ("Tóm tắt kết luận thẩm tra", "Review decisions summary")
        case .decisionsNotApplied: ("Kết luận không được áp dụng", "Decisions that applied to nothing")
        case .noDecisionNotices: ("Mọi kết luận đều được áp dụng.", "Every decision applied.")
        case .slateFindings: ("Phát hiện về cả danh sách", "Slate findings")
        case .noSlateFindings: ("Không có phát hiện về cả danh sách.", "No slate findings.")
        case .noFindings: ("Không có phát hiện.", "No findings.")
        case .dossierSource: ("Hồ sơ (nguyên văn, có số dòng)", "Dossier source (with line numbers)")
        case .line: ("dòng", "line")
        case .evidence: ("Chứng cứ", "Evidence")
        case .comparisons: ("So sánh quyết định", "Decisive comparisons")
        case .basis: ("Căn cứ", "Basis")
        case .location: ("Vị trí", "Location")
        case .rule: ("Quy tắc", "Rule")
        case .severity: ("Mức độ", "Severity")
        case .scope: ("Phạm vi", "Scope")
        case .titleVi: ("Tên (tiếng Việt)", "Title (Vietnamese)")
        case .titleEn: ("Tên (tiếng Anh)", "Title (English)")
        case .parameters: ("Tham số", "Parameters")
        case .parameter: ("Tham số", "Parameter")
        case .policy: ("chính sách", "policy")
        case .inForce: ("Hiệu lực", "In force")
        case .always: ("luôn luôn", "always")
        case .value: ("Giá trị", "Value")
        case .copyToPlayground: ("Chép sang trang thử", "Copy to playground")
        case .decision: ("Kết luận", "Decision")
        case .decidedBy: ("Người kết luận", "Decided by")
        case .decidedOn: ("Ngày kết luận", "Decided on")
        case .reference: ("Số văn bản", "Reference")
        case .expires: ("Hết hạn ngày", "Expires")
        case .reason: ("Lý do", "Reason")
        case .outcome: ("Kết quả", "Outcome")
        case .recordDecision: ("Ghi kết luận thẩm tra", "Record a review decision")
        case .submitDecision: ("Ghi kết luận", "Record decision")
        case .neverWaived:
            ("Phát hiện loại “loại trừ” không bao giờ được miễn: không có vùng cấm, không có ngoại lệ.",
             "A disqualify finding is never waived: no forbidden areas, no exceptions.")
        case .errorNotDecidable:
            ("Phát hiện lỗi không thể kết luận: sửa hồ sơ hoặc quy tắc.", "An error finding cannot be decided: fix the dossier or the rule.")
        case .needsScript: ("Cần bật JavaScript để ghi kết luận.", "Recording a decision needs JavaScript.")
        case .decisionSaved: ("Đã ghi kết luận. Tải lại trang để thấy kết quả.", "Decision recorded. Reload to see it applied.")
        case .decisionRefused: ("Kết luận không được ghi:", "The decision was not recorded:")
        case .fieldRequired: ("Bắt buộc, không được để trống.", "Required; must not be blank.")
        case .expiryBeforeDecision: ("Ngày hết hạn phải sau ngày kết luận.", "The expiry must be after the decision date.")
        case .ruleEditor: ("Tệp quy tắc (YAML)", "Rule file (YAML)")
        case .dossierPicker: ("Hồ sơ để kiểm tra", "Dossier to check")
        case .pastedDossier: ("Hồ sơ dán vào", "Pasted dossier")
        case .workspaceDossier: ("Hồ sơ trong thư mục làm việc", "Workspace dossier")
        case .pasteHere: ("(dán hồ sơ YAML vào ô bên dưới)", "(paste a YAML dossier below)")
        case .diagnostics: ("Chẩn đoán", "Diagnostics")
        case .examples: ("Ví dụ của quy tắc", "The rule's examples")
        case .noDiagnostics: ("Không có chẩn đoán.", "No diagnostics.")
        case .playgroundIntro:
            ("Sửa quy tắc; kết quả kiểm tra hiện ra khi gõ. Không có gì được lưu.",
             "Edit the rule; results appear as you type. Nothing is saved.")
        case .running: ("Đang kiểm tra…", "Checking…")
        case .passed: ("đạt", "pass")
        case .failed: ("không đạt", "fail")
        case .findingsOnDossier: ("Phát hiện trên hồ sơ đã chọn", "Findings on the chosen dossier")
        case .errors: ("Lỗi", "Errors")
        case .printedOn: ("Phiếu thẩm định", "Appraisal sheet")
        case .sortBy: ("Bấm tiêu đề cột để sắp xếp", "Click a column heading to sort")
        case .countOf: ("Số lượng", "Count")
        case .since: ("Từ ngày", "Since")
        case .until: ("Đến ngày", "Until")
        case .signIn: ("Đăng nhập", "Sign in")
        case .signInIntro:
            ("Máy chủ này yêu cầu mã truy cập. Nhập mã được cấp cho bạn.",
             "This server needs an access token. Enter the token you were given.")
        case .token: ("Mã truy cập", "Access token")
        case .signInFailed: ("Không đăng nhập được: mã không hợp lệ.", "Sign-in failed: the token is not valid.")
        case .signedInAs: ("Đăng nhập với tên", "Signed in as")
        case .signOut: ("Đăng xuất", "Sign out")
        }
    }

    func text(_ language: Language) -> String { language == .vi ? texts.vi : texts.en }
}
