import SeededRandom

/// Writes realistic synthetic dossiers: the sizes and shapes of real ones (3–12 KB, several
/// declarations with many assets, families with businesses and contracts), with about a
/// quarter of candidates triggering some rule. Deterministic from the seed.
struct DossierGenerator {
    private var random: SplitMix64
    /// The previous candidate's name and citizen_id: every 500th dossier lists that person as
    /// a sibling, by citizen_id (no birth year), so a folder of n dossiers has exactly n/500
    /// related pairs for the slate rules, a bounded number per candidate as on a real slate.
    /// Listed by name and birth year instead, the sibling would also match every candidate
    /// of the small name pool with that name and year: n² chance pairs (70,289 slate findings
    /// at a million dossiers before this, `docs/performance.md`).
    private var previous: (name: String, citizenID: String)?

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    private static let middleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Xuân"]
    private static let givenNames = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Việt", "Yến"]
    private static let agencies = ["Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Kế hoạch và Đầu tư", "Ban Quản lý dự án đầu tư xây dựng", "Sở Tài chính", "UBND huyện Gia Viễn", "UBND thành phố Hoa Lư"]
    private static let sectors = ["land", "construction", "transport", "finance", "education", "health", "agriculture"]
    private static let assetCategories = ["land", "house", "apartment", "vehicle", "cash", "deposit", "securities", "gold", "business_capital", "other"]
    private static let relations = ["spouse", "father", "mother", "child", "child", "sibling", "sibling", "father_in_law", "mother_in_law", "sibling_in_law"]

    /// The YAML text of dossier number `index`.
    mutating func dossier(index: Int) -> String {
        let flagged = Int.random(in: 0..<4, using: &random) == 0
        let female = Bool.random(using: &random)
        let name = personName(female: female)
        var y = "format: dossier/1\ncandidate:\n"
        // Unique by construction (the index in its last 7 digits): no two dossiers are one person
        // by chance, so the duplicate-person rule finds nothing, at any count.
        let citizenID = "0\(pad(Int.random(in: 10_000_000_000...99_999_999_999, using: &random) % 10_000, 4))\(pad(index, 7))"
        y += "  id: GEN-\(pad(index, 6))\n  name: \(name)\n  citizen_id: '\(citizenID)'\n"
        y += "  gender: \(female ? "female" : "male")\n  ethnic_minority: \(Int.random(in: 0..<8, using: &random) == 0)\n"
        let birthYear = Int.random(in: 1968...1988, using: &random)
        y += "  birth_date: \(date(year: birthYear))\n  ethnicity: Kinh\n"
        y += "  party_join_date: \(date(year: Int.random(in: 1995...2010, using: &random)))\n"
        y += "  position: Phó Giám đốc \(pick(Self.agencies))\n  organization: \(pick(Self.agencies))\n"
        let agency = pick(Self.agencies)
        y += "  controlled_agencies: [\(agency)]\n  managed_sectors: [\(pick(Self.sectors)), \(pick(Self.sectors))]\n"
        y += "  current_post_since: \(date(year: Int.random(in: 2015...2022, using: &random)))\n  in_planning: true\n"
        y += "  nomination: {committee: Ban Chấp hành Đảng bộ tỉnh, term: 2025-2030, level: provincial, kind: re_election, post: member}\n"
        y += declarations(flagged: flagged)
        y += "verifications:\n  - {declaration_year: 2023, date: 2024-06-12, authority: Ủy ban Kiểm tra Tỉnh ủy, conclusion: \(flagged && Bool.random(using: &random) ? "untruthful" : "truthful")}\n"
        y += family(agency: agency, flagged: flagged, sibling: index % 500 == 499 ? previous : nil)
        previous = (name, citizenID)
        y += flagged ? "discipline:\n  - {system: state, form: warning, date: 2025-03-10, authority: UBND tỉnh, reason: Vi phạm quy định quản lý đất đai}\n" : "discipline: []\n"
        y += "investigations:\n  - {kind: inspection, authority: Thanh tra tỉnh, opened: 2022-03-01, closed: 2022-09-30, outcome: no_violation, matter: Thanh tra công tác quản lý đất đai}\n"
        y += "complaints:\n  - {received: 2024-11-05, kind: petition, named: true, subjects: [conduct], status: unsubstantiated, concluded: 2025-01-15}\n"
        return y
    }

    private mutating func declarations(flagged: Bool) -> String {
        var y = "declarations:\n"
        for (year, kind, submitted) in [(2022, "annual", "2022-12-20"), (2023, "annual", "2023-12-18"), (2024, "annual", "2024-12-16"), (2025, "nomination", "2025-06-10")] {
            let income = Int.random(in: 300...1_500, using: &random) * 1_000_000
            y += "  - year: \(year)\n    kind: \(kind)\n    submitted: \(submitted)\n    total_income: \(income)\n"
            y += "    increase: \(Int.random(in: 0...250, using: &random) * 1_000_000)\n    increase_explanation: Tiết kiệm từ lương và phụ cấp\n    assets:\n"
            for _ in 0..<Int.random(in: 5...14, using: &random) {
                let category = pick(Self.assetCategories)
                y += "      - category: \(category)\n        description: \(assetDescription(category))\n"
                y += "        owner: \(pick(["self", "spouse", "minor_child"]))\n        value: \(Int.random(in: 20...9_000, using: &random) * 1_000_000)\n"
                y += "        acquired: \(date(year: Int.random(in: 2000...2021, using: &random)))\n        origin: Thu nhập hợp pháp\n"
            }
        }
        return y
    }

    private mutating func family(agency: String, flagged: Bool, sibling: (name: String, citizenID: String)?) -> String {
        var y = "family:\n"
        if let sibling { y += "  - {relation: sibling, name: \(sibling.name), citizen_id: '\(sibling.citizenID)'}\n" }
        for memberIndex in 0..<Int.random(in: 3...8, using: &random) {
            // Four-part names: relatives seldom share a name and birth year with a candidate by chance.
            y += "  - relation: \(pick(Self.relations))\n    name: \(personName(female: Bool.random(using: &random))) \(pick(Self.givenNames))\n"
            y += "    birth_year: \(Int.random(in: 1945...2005, using: &random))\n    occupation: Kinh doanh\n"
            guard Int.random(in: 0..<3, using: &random) == 0 else { continue }
            y += "    businesses:\n      - name: Công ty TNHH \(pick(Self.givenNames)) \(pick(Self.givenNames))\n"
            y += "        tax_code: '27\(pad(Int.random(in: 0...99_999_999, using: &random), 8))'\n        role: \(pick(["owner", "shareholder", "director", "employee"]))\n"
            y += "        stake: 0.\(Int.random(in: 1...9, using: &random))\n        sectors: [\(pick(Self.sectors))]\n        contracts:\n"
            let counterparty = flagged && memberIndex == 0 ? agency : "Công ty cổ phần \(pick(Self.givenNames))"
            y += "          - {counterparty: \(counterparty), value: \(Int.random(in: 100...20_000, using: &random) * 1_000_000), signed: \(date(year: Int.random(in: 2019...2024, using: &random))), subject: Thi công hạng mục hạ tầng}\n"
        }
        return y
    }

    private mutating func assetDescription(_ category: String) -> String {
        switch category {
        case "land": "Thửa đất số \(Int.random(in: 1...999, using: &random)), tờ bản đồ số \(Int.random(in: 1...60, using: &random)), phường Đông Thành"
        case "house": "Nhà ở riêng lẻ 3 tầng tại phố Lê Hồng Phong"
        case "apartment": "Căn hộ chung cư tại Hà Nội"
        case "vehicle": "Ô tô con 5 chỗ"
        case "deposit": "Tiền gửi tiết kiệm tại ngân hàng thương mại"
        default: "Tài sản khác"
        }
    }

    private mutating func personName(female: Bool) -> String {
        "\(pick(Self.familyNames)) \(female ? "Thị" : pick(Self.middleNames)) \(pick(Self.givenNames))"
    }

    private mutating func date(year: Int) -> String {
        "\(year)-\(pad(Int.random(in: 1...12, using: &random), 2))-\(pad(Int.random(in: 1...28, using: &random), 2))"
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
