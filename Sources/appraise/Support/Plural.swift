import Screening
/// English counts with the right noun form ("1 rule", "2 rules"), for the CLI's own summary
/// lines; Vietnamese nouns do not inflect, so its lines need no such help.
enum Plural {
    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
